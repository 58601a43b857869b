// Builds the sidebar page: bundles src/ui/client (CodeMirror, sql-formatter and our code) into
// one minified IIFE with esbuild, minifies the CSS, and inlines both into the HtmlService
// template src/ui/Sidebar.html -> dist/Sidebar.html (HtmlService serves single files).
// Runs after webpack (which cleans dist/); the server bundle dist/Code.js never sees these.
import { build, transform } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'Sidebar.html');

const bundle = await build({
  entryPoints: [join(root, 'src/ui/client/main.ts')],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  write: false,
  charset: 'utf8',
  logLevel: 'warning',
});
const js = bundle.outputFiles[0].text;
const css = (
  await transform(await readFile(join(root, 'src/ui/client/styles.css'), 'utf8'), { loader: 'css', minify: true })
).code;

// HtmlService compiles the page as a template: a stray scriptlet marker would break it, and
// "</script" or "</style" would end the inline block early.
for (const [name, text, closer] of [
  ['JS', js, '</script'],
  ['CSS', css, '</style'],
]) {
  for (const marker of ['<?', '?>', closer]) {
    if (text.toLowerCase().includes(marker))
      throw new Error(`build-ui: the sidebar ${name} contains "${marker}", which would break the HtmlService page.`);
  }
}

const template = await readFile(join(root, 'src/ui/Sidebar.html'), 'utf8');
if (!template.includes('/*SHEETDASH_JS*/') || !template.includes('/*SHEETDASH_CSS*/'))
  throw new Error('build-ui: src/ui/Sidebar.html lost its /*SHEETDASH_JS*/ or /*SHEETDASH_CSS*/ marker.');
// Functions as replacements: "$&" and friends in the bundle must stay as written.
const page = template.replace('/*SHEETDASH_CSS*/', () => css).replace('/*SHEETDASH_JS*/', () => js);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, page);
console.log(
  `build-ui: dist/Sidebar.html ${(page.length / 1024).toFixed(0)} KiB (JS ${(js.length / 1024).toFixed(0)} KiB, CSS ${(css.length / 1024).toFixed(0)} KiB)`,
);
