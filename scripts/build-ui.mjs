// Builds the sidebar page: bundles src/ui/client (our code) into one minified IIFE with esbuild,
// minifies the CSS, and inlines both into the HtmlService template src/ui/Sidebar.html ->
// dist/Sidebar.html (HtmlService serves single files). CodeMirror and sql-formatter go in as
// lazily evaluated chunks: <script type="text/plain" data-chunk="..."> blocks (no parse cost
// until src/ui/client/chunks.ts evaluates one: the editor after the first paint, the formatter
// on the first Format).
// Runs after webpack (which cleans dist/); the server bundle dist/Code.js never sees these.
import { build, transform } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'Sidebar.html');

const common = {
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  write: false,
  charset: 'utf8',
  logLevel: 'warning',
};
// In the page, chunks.ts's imports of the chunk modules (used by tests in Node) are empty stubs.
const CHUNK_MODULES = /^\.\/(codemirror-editor|sql-format)$/;
const chunkStubs = {
  name: 'chunk-stubs',
  setup(b) {
    b.onResolve({ filter: CHUNK_MODULES }, (args) =>
      args.importer.endsWith('chunks.ts') ? { path: args.path, namespace: 'chunk-stub' } : null,
    );
    b.onLoad({ filter: /.*/, namespace: 'chunk-stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};
const bundle = await build({
  ...common,
  entryPoints: [join(root, 'src/ui/client/main.ts')],
  define: { SHEETDASH_INLINE_CHUNKS: 'true' },
  plugins: [chunkStubs],
});
const js = bundle.outputFiles[0].text;
// Each chunk sets window.__sheetdashChunks[name] to its module when evaluated.
const CHUNKS = { editor: 'src/ui/client/editor-chunk.ts', sqlFormat: 'src/ui/client/sql-format.ts' };
const chunks = {};
for (const [name, entry] of Object.entries(CHUNKS)) {
  const out = await build({ ...common, entryPoints: [join(root, entry)], globalName: `__sheetdashChunks.${name}` });
  chunks[name] = out.outputFiles[0].text;
}
const css = (
  await transform(await readFile(join(root, 'src/ui/client/styles.css'), 'utf8'), { loader: 'css', minify: true })
).code;

// HtmlService compiles the page as a template: a stray scriptlet marker would break it, and
// "</script" or "</style" would end the inline block early.
for (const [name, text, closer] of [
  ['JS', js, '</script'],
  ['CSS', css, '</style'],
  ...Object.entries(chunks).map(([chunk, text]) => [`${chunk} chunk`, text, '</script']),
]) {
  for (const marker of ['<?', '?>', closer]) {
    if (text.toLowerCase().includes(marker))
      throw new Error(`build-ui: the sidebar ${name} contains "${marker}", which would break the HtmlService page.`);
  }
}

const template = await readFile(join(root, 'src/ui/Sidebar.html'), 'utf8');
for (const marker of ['/*SHEETDASH_JS*/', '/*SHEETDASH_CSS*/', '<!--SHEETDASH_BOOT-->', '<!--SHEETDASH_CHUNKS-->'])
  if (!template.includes(marker)) throw new Error(`build-ui: src/ui/Sidebar.html lost its ${marker} marker.`);
const chunkTags = Object.entries(chunks)
  .map(([name, text]) => `<script type="text/plain" data-chunk="${name}">${text}</script>`)
  .join('\n');
// Functions as replacements: "$&" and friends in the bundle must stay as written.
const page = template
  .replace('/*SHEETDASH_CSS*/', () => css)
  .replace('/*SHEETDASH_JS*/', () => js)
  // The first view's data, evaluated on the server with the page (src/features/sidebar.ts passes `boot`, JSON
  // made safe for a <script> block). Put here rather than in Sidebar.html, whose checker cannot parse a scriptlet.
  .replace('<!--SHEETDASH_BOOT-->', () => '<script type="application/json" id="sheetdash-boot"><?!= boot ?></script>')
  .replace('<!--SHEETDASH_CHUNKS-->', () => chunkTags);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, page);
console.log(
  `build-ui: dist/Sidebar.html ${(page.length / 1024).toFixed(0)} KiB (JS ${(js.length / 1024).toFixed(0)} KiB, CSS ${(css.length / 1024).toFixed(0)} KiB, ` +
    Object.entries(chunks)
      .map(([name, text]) => `${name} ${(text.length / 1024).toFixed(0)} KiB`)
      .join(', ') +
    ' lazy)',
);
