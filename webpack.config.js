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
 * so every kilobyte counts: the bundle is minified by esbuild, names included (keeping every
 * function's name would cost about 15 KB more). A stack trace from Apps Script's execution log
 * (`at Pe (Code:8:12345)`) maps back to the TypeScript source through `dist/Code.js.map`, which
 * clasp does not push. gas-webpack-plugin's empty declarations of the entry points stay at the top,
 * one per line, outside the minified IIFE, so nothing else the bundle defines becomes a global
 * function that google.script.run could call.
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
          const { source: code, map } = asset.source.sourceAndMap();
          const text = code.toString();
          const head = /^(?:function [A-Za-z_$][\w$]*\([^)]*\) \{\n\}\n?)+/.exec(text)?.[0] ?? '';
          const declarations = head.replace(/ \{\n\}\n?/g, '{}\n');
          const result = transformSync(text.slice(head.length), {
            minify: true,
            format: 'iife',
            target: 'es2020',
            charset: 'utf8',
            sourcemap: 'external',
            sourcefile: this.file,
          });
          // The body's map, its lines moved down by the declarations, then traced through webpack's own map.
          const bodyMap = JSON.parse(result.map);
          bodyMap.mappings = ';'.repeat(declarations.split('\n').length - 1) + bodyMap.mappings;
          const output = new sources.SourceMapSource(
            declarations + result.code,
            this.file,
            bodyMap,
            text,
            map ?? undefined,
            true,
          );
          compilation.updateAsset(this.file, new sources.RawSource(output.source()));
          const traced = output.map();
          if (traced) compilation.emitAsset(`${this.file}.map`, new sources.RawSource(JSON.stringify(traced)));
        },
      );
    });
  }
}

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './src/index.ts',
  // Webpack's own map of the bundle, which MinifyBundlePlugin composes with the minifier's into Code.js.map.
  devtool: 'hidden-source-map',
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
