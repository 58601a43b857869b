#!/usr/bin/env node
/**
 * Runs the conformance cases (test/conformance/cases) on real Apps Script and compares each
 * result with its expectation, as conformance.test.ts does in the local runtime.
 *
 *   npm run conformance:live             push to the scratch project, run, compare
 *   npm run conformance:live -- --dry-run  only write the project to .conformance-live/
 *
 * Needs a Google login (`npx clasp login`), the Apps Script API enabled for that account
 * (https://script.google.com/home/usersettings), and, for `clasp run`, the scratch project
 * linked to a standard Google Cloud project with an OAuth client (see README, "Conformance
 * against real Apps Script"). The scratch project is created once (a spreadsheet-bound script)
 * and its id kept in .conformance-live/.clasp.json; CONFORMANCE_SCRIPT_ID reuses an existing one.
 * CONFORMANCE_JDBC_URL names a database Google can reach for the Jdbc cases that need one
 * (skipped without it).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.conformance-live');
const dryRun = process.argv.includes('--dry-run');

const load = (file) => tsImport(path.join(ROOT, file), import.meta.url);
const { ALL_CASES } = await load('test/conformance/cases/index.ts');
const { KNOWN_DIFFERENCES } = await load('test/conformance/known-differences.ts');
const { projectSource, CONFORMANCE_MANIFEST } = await load('test/conformance/project.ts');
const { judge } = await load('test/conformance/types.ts');

const jdbcUrl = process.env.CONFORMANCE_JDBC_URL ?? '';
const cases = ALL_CASES.filter((c) => !c.needsDb || jdbcUrl !== '');
const skipped = ALL_CASES.length - cases.length;

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'Code.js'), projectSource(cases, jdbcUrl));
fs.writeFileSync(
  path.join(OUT, 'appsscript.json'),
  JSON.stringify({ ...CONFORMANCE_MANIFEST, executionApi: { access: 'MYSELF' } }, null, 2),
);
console.log(
  `Wrote ${cases.length} cases to ${path.relative(ROOT, OUT)}/ (${skipped} Jdbc cases skipped without CONFORMANCE_JDBC_URL).`,
);
if (dryRun) process.exit(0);

function fail(message) {
  console.error(`conformance:live: ${message}`);
  process.exit(2);
}

const clasprc = process.env.clasp_config_auth ?? path.join(os.homedir(), '.clasprc.json');
if (!fs.existsSync(clasprc)) {
  fail(
    'no Google login. The live run pushes the cases to a scratch Apps Script project and runs them there, which\n' +
      '  needs your Google account: run `npx clasp login` (and enable the Apps Script API at\n' +
      '  https://script.google.com/home/usersettings), then run `npm run conformance:live` again.\n' +
      '  See README.md, "Conformance against real Apps Script".',
  );
}

function clasp(args) {
  const r = spawnSync('npx', ['clasp', ...args], { cwd: OUT, encoding: 'utf8' });
  if (r.status !== 0) fail(`clasp ${args[0]} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

if (!fs.existsSync(path.join(OUT, '.clasp.json'))) {
  if (process.env.CONFORMANCE_SCRIPT_ID) {
    fs.writeFileSync(
      path.join(OUT, '.clasp.json'),
      JSON.stringify({ scriptId: process.env.CONFORMANCE_SCRIPT_ID, rootDir: '.' }),
    );
  } else {
    clasp(['create-script', '--type', 'sheets', '--title', 'Sheetdash conformance (scratch)', '--rootDir', '.']);
  }
}
clasp(['push', '--force']);
const output = clasp(['run-function', 'runConformanceJson']);
const start = output.indexOf('[{');
const end = output.lastIndexOf('}]');
if (start < 0 || end < 0) fail(`could not read the results from clasp run:\n${output}`);
const text = output.slice(start, end + 2);
let results;
try {
  results = JSON.parse(text);
} catch {
  results = JSON.parse(text.replace(/\\"/g, '"')); // printed as an escaped string
}

let passed = 0;
const unexpected = [];
const byId = new Map(results.map((r) => [r.id, r]));
for (const c of cases) {
  const r = byId.get(c.id) ?? { id: c.id, ok: false, name: 'Missing', message: 'no result' };
  const problem = judge(c, r);
  if (problem === null) passed++;
  else unexpected.push(`${c.id} (${c.source}, ${c.url}): ${problem}\n    ${c.code}`);
}
fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log(`Conformance on Apps Script: ${passed}/${cases.length} cases pass.`);
if (unexpected.length) {
  console.log('Cases that do not match Apps Script (fix the case if it was written wrong, or the runtime):');
  for (const u of unexpected) console.log(`  ${u}`);
}
const knownNow = Object.keys(KNOWN_DIFFERENCES).filter((id) => byId.get(id));
console.log(`(${knownNow.length} of them are known local differences; they should pass here.)`);
process.exit(unexpected.length ? 1 : 0);
