/**
 * Health scores on the demo dataset (PGlite): setup creates the tabs and the scheduled inputs
 * query; the Health tab's formulas score the rows sales typed exactly as the independent
 * calculation does; changing a weight re-scores everyone without running anything.
 */
import { type TestDatabase, createTestDatabase, enabledEngines } from '../helpers/engines';
import { demoRuntime, expectedScores, healthRows, loadDemo, setupHealth, values } from '../helpers/health';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

let db: TestDatabase;
beforeAll(() => {
  db = createTestDatabase(enabledEngines()[0]);
  loadDemo(db);
});
afterAll(() => db?.drop());

function compare(ss: Parameters<typeof healthRows>[0]) {
  const got = healthRows(ss);
  const want = expectedScores(ss);
  expect(got).toHaveLength(want.length);
  const header = values(ss, 'Health')[0].map(String);
  const score = header.indexOf('Score');
  const band = header.indexOf('Band');
  got.forEach((row, i) => {
    expect(row[0]).toBe(want[i].companyId);
    want[i].measures.forEach((m, j) => {
      const cell = row[4 + j];
      if (typeof m === 'number') expect(cell).toBeCloseTo(m, 5);
      else expect(typeof cell).toBe('string');
    });
    expect(row[score]).toBeCloseTo(want[i].score ?? Number.NaN, 5);
    expect(row[band]).toBe(want[i].band);
  });
  return got;
}

it('sets up the tabs and scores the typed rows as the independent calculation does', () => {
  const { rt, ss, dataSourceId } = demoRuntime(db);
  const report = setupHealth(rt, dataSourceId);
  expect(report.problems).toEqual([]);
  expect(report.created).toEqual(
    expect.arrayContaining(['Health config', 'Health inputs', 'Health overrides', 'Health history', 'Health']),
  );
  const rows = compare(ss);
  expect(rows).toHaveLength(5);
  expect(new Set(rows.map((r) => typeof r[0]))).toEqual(new Set(['number']));
  expect(values(ss, 'Health inputs').length).toBeGreaterThan(50);
});
