// Builds the Apps Script bundle: src/index.ts -> dist/Code.js through esbuild-loader, with
// gas-webpack-plugin turning every `global.x = ...` into the top-level function Apps Script
// needs, and copies the manifest and the sidebar HTML into dist/.
const path = require('node:path');
const GasPlugin = require('gas-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');
const { transformSync } = require('esbuild');
const { Compilation, sources } = require('webpack');

/**
 * Apps Script parses the whole bundle on every execution (onOpen and each sidebar call included),
 * so every kilobyte counts: the bundle is minified by esbuild (names too, about 40% smaller than
 * whitespace-only), with keepNames, so each function keeps its real name, which V8, and so Apps
 * Script's stack traces, report. gas-webpack-plugin's empty declarations of the entry points stay
 * at the top, one per line, outside the minified IIFE, so the helpers esbuild adds (keepNames'
 * `__name`) never become global functions that google.script.run could call.
 */
class MinifyBundlePlugin {
  constructor(file) {
    this.file = file;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('MinifyBundlePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'MinifyBundlePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        () => {
          const asset = compilation.getAsset(this.file);
          if (!asset) return;
          const code = asset.source.source().toString();
          const head = /^(?:function [A-Za-z_$][\w$]*\([^)]*\) \{\n\}\n?)+/.exec(code)?.[0] ?? '';
          const declarations = head.replace(/ \{\n\}\n?/g, '{}\n');
          const { code: body } = transformSync(code.slice(head.length), {
            minify: true,
            keepNames: true,
            format: 'iife',
            target: 'es2020',
            charset: 'utf8',
          });
          compilation.updateAsset(this.file, new sources.RawSource(declarations + body));
        },
      );
    });
  }
}

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './src/index.ts',
  devtool: false,
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'Code.js',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.js'],
    // Mustache's own minified build: 9 KB instead of 24 KB of the readable one, same API.
    alias: { mustache$: path.resolve(__dirname, 'node_modules/mustache/mustache.min.js') },
  },
  module: {
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2020', charset: 'utf8' } }],
    // charset utf8: Japanese messages stay UTF-8 (3 bytes a character) instead of \uXXXX escapes (6).
  },
  optimization: {
    // Minified by MinifyBundlePlugin below, which keeps gas-webpack-plugin's declarations top-level.
    minimize: false,
  },
  performance: { hints: false },
  plugins: [
    new GasPlugin({ comment: false }),
    new MinifyBundlePlugin('Code.js'),
    new CopyPlugin({
      patterns: [{ from: 'appsscript.json' }, { from: 'src/ui/*.html', to: '[name][ext]', noErrorOnMissing: true }],
    }),
  ],
};
