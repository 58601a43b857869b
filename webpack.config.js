// Builds the Apps Script bundle: src/index.ts -> dist/Code.js through esbuild-loader, with
// gas-webpack-plugin turning every `global.x = ...` into the top-level function Apps Script
// needs, and copies the manifest and the sidebar HTML into dist/.
const path = require('node:path');
const GasPlugin = require('gas-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');

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
    // Whitespace and syntax only: Apps Script parses the whole bundle on every execution, so
    // every kilobyte counts, but identifiers are kept, so its stack traces still name the real
    // functions (minifying names would save 45 KB more and make traces unreadable).
    minimize: true,
    minimizer: [
      new EsbuildPlugin({
        target: 'es2020',
        charset: 'utf8',
        minifyWhitespace: true,
        minifySyntax: true,
        minifyIdentifiers: false,
        // No iife wrapper: the top-level functions gas-webpack-plugin wrote must stay top-level.
        format: undefined,
      }),
    ],
  },
  performance: { hints: false },
  plugins: [
    new GasPlugin({ comment: false }),
    new CopyPlugin({
      patterns: [{ from: 'appsscript.json' }, { from: 'src/ui/*.html', to: '[name][ext]', noErrorOnMissing: true }],
    }),
  ],
};
