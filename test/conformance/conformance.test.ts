/**
 * Runs every conformance case (test/conformance/cases) in the local runtime, each as its own
 * execution, and prints the pass count. Cases listed in known-differences.ts must fail (and be
 * documented in emulator/docs); all others must pass. The same cases run on real Apps Script
 * with `npm run conformance:live`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { disposeRuntimes, fixtureRuntime } from '../helpers/runtimes';
import { JDBC_OPTIONS } from '../emulator/services/jdbc/engines';
import { ALL_CASES } from './cases';
import { KNOWN_DIFFERENCES } from './known-differences';
import { CONFORMANCE_MANIFEST, projectSource } from './project';
import { type CaseResult, judge } from './types';

const LOCAL_JDBC_URL = 'jdbc:postgresql://embedded.sheetdash.local:5432/postgres';

afterAll(disposeRuntimes);

it('has unique ids, a source and a URL for every case', () => {
  const ids = ALL_CASES.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of ALL_CASES) expect(c.url).toMatch(/^https:\/\//);
  for (const id of Object.keys(KNOWN_DIFFERENCES)) expect(ids).toContain(id);
});

it('documents every known difference in emulator/docs', () => {
  const dir = path.resolve(__dirname, '..', '..', 'emulator', 'docs');
  const docs = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('differences-'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  for (const id of Object.keys(KNOWN_DIFFERENCES)) expect(docs).toContain(id);
});

it('passes every case in the local runtime except the documented differences', () => {
  const rt = fixtureRuntime(projectSource(ALL_CASES, LOCAL_JDBC_URL), {
    manifest: CONFORMANCE_MANIFEST,
    jdbc: JDBC_OPTIONS,
  });
  const failures: string[] = [];
  const unexpectedPasses: string[] = [];
  let passed = 0;
  for (const c of ALL_CASES) {
    const run = rt.run('runCase', [c.id]);
    const result: CaseResult = run.ok
      ? (run.value as CaseResult)
      : { id: c.id, ok: false, name: run.error?.name, message: run.error?.message };
    const problem = judge(c, result);
    if (problem === null) passed++;
    if (c.id in KNOWN_DIFFERENCES) {
      if (problem === null) unexpectedPasses.push(c.id);
    } else if (problem !== null) failures.push(`${c.id} (${c.service}): ${problem}\n    ${c.code}`);
  }
  const known = Object.keys(KNOWN_DIFFERENCES).length;
  console.log(
    `Conformance: ${passed}/${ALL_CASES.length} cases pass in the local runtime ` +
      `(${known} known differences, ${ALL_CASES.filter((c) => c.source === 'observed').length} observed, ` +
      `${ALL_CASES.filter((c) => c.source === 'documented').length} documented).`,
  );
  expect(failures).toEqual([]);
  expect(unexpectedPasses).toEqual([]);
});

it('answers the live entry point (runConformanceJson) with every result in one JSON string', () => {
  const some = ALL_CASES.filter((c) => !c.needsDb).slice(0, 40);
  const rt = fixtureRuntime(projectSource(some, ''), { manifest: CONFORMANCE_MANIFEST });
  const results = JSON.parse(rt.call('runConformanceJson') as string) as CaseResult[];
  expect(results.map((r) => r.id)).toEqual(some.map((c) => c.id));
  expect(results.filter((r, i) => judge(some[i], r) !== null).map((r) => r.id)).toEqual(
    some.filter((c) => c.id in KNOWN_DIFFERENCES).map((c) => c.id),
  );
});
