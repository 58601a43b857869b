/**
 * Bad input in the health tabs, each case on a fresh demo setup (PGlite): the Health tab shows
 * a readable marker in the affected cell and never an error value (#REF!, #N/A, #VALUE!...);
 * scores still match the independent calculation; and repair (setup again) fixes the
 * structure without touching a row sales typed.
 */
import { CFG_FIRST_MEASURE_ROW, HEALTH_FIRST_ROW, paramRow } from '../../src/core/health/layout';
import { api } from '../helpers/api';
import { type TestDatabase, createTestDatabase, enabledEngines } from '../helpers/engines';
import {
  demoRuntime,
  expectedScores,
  healthRows,
  loadDemo,
  setupHealth,
  tab,
  type Values,
  values,
} from '../helpers/health';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

let db: TestDatabase;
beforeAll(() => {
  db = createTestDatabase(enabledEngines()[0]);
  loadDemo(db);
});
afterAll(() => db?.drop());

function fresh() {
  const setup = demoRuntime(db);
  const report = setupHealth(setup.rt, setup.dataSourceId);
  const { ss } = setup;
  const header = () => values(ss, 'Health')[0].map(String);
  const column = (name: string) => healthRows(ss).map((r) => r[header().indexOf(name)]);
  const customers = tab(ss, 'Customers');
  const config = tab(ss, 'Health config');
  /** Types a row at the end of Customers, as sales would. */
  const type = (row: unknown[]) => customers.getRange(customers.getLastRow() + 1, 1, 1, row.length).setValues([row]);
  return { ...setup, report, header, column, customers, config, type };
}

type Fresh = ReturnType<typeof fresh>;

/** No error value anywhere in the Health tab. */
function noErrors(f: Fresh): void {
  const errors = values(f.ss, 'Health')
    .flat()
    .filter((v) => typeof v === 'string' && /^#[A-Z0-9/!?]+/.test(v));
  expect(errors).toEqual([]);
}

/** Scores match the independent calculation (each measure: a number or a marker where it says so). */
function matches(f: Fresh, inputsTab = 'Health inputs'): void {
  const want = expectedScores(f.ss, inputsTab);
  const got = healthRows(f.ss);
  const h = f.header();
  expect(got.map((r) => r[h.indexOf('Score')])).toEqual(want.map((w) => w.score ?? expect.stringMatching(/^⚠/)));
  expect(got.map((r) => r[h.indexOf('Band')])).toEqual(want.map((w) => w.band ?? ''));
}

/** Repair: setup again fixes the structure, leaves Customers as typed, and scores still match. */
function repairKeepsSales(f: Fresh, inputsTab = 'Health inputs'): ReturnType<typeof setupHealth> {
  const typed: Values = values(f.ss, 'Customers');
  const report = setupHealth(f.rt, f.dataSourceId);
  expect(values(f.ss, 'Customers')).toEqual(typed);
  noErrors(f);
  matches(f, inputsTab);
  return report;
}

const rowOf = (f: Fresh, id: unknown) => healthRows(f.ss).findIndex((r) => r[0] === id);

it('a customer row with no company id', () => {
  const f = fresh();
  f.type(['', 'Walk-in Ltd.', 'Starter']);
  const check = f.column('Check');
  expect(check.at(-1)).toBe('⚠ no company ID in Customers');
  noErrors(f);
  matches(f);
  repairKeepsSales(f);
});

it('a duplicate company id', () => {
  const f = fresh();
  f.type([57, 'Nami Systems Ltd. (again)']);
  const check = f.column('Check');
  expect(check[rowOf(f, 57)]).toBe('⚠ company ID used twice in Customers');
  expect(check.at(-1)).toBe('⚠ company ID used twice in Customers');
  noErrors(f);
  repairKeepsSales(f);
});

it('text in a number column and a date typed as text', () => {
  const f = fresh();
  const h = values(f.ss, 'Customers')[0].map(String);
  f.customers.getRange(2, h.indexOf('seats') + 1).setValue('twenty');
  f.customers.getRange(3, h.indexOf('contract_end') + 1).setValue('end of March');
  expect(f.column('Seat usage')[0]).toBe('⚠ not a number');
  expect(f.column('Renewal proximity')[1]).toBe('⚠ not a date');
  noErrors(f);
  matches(f);
  repairKeepsSales(f);
});

it('a company that is not in the database is scored by the missing-data rules', () => {
  const f = fresh();
  const h = values(f.ss, 'Customers')[0].map(String);
  const typed: Record<string, unknown> = {
    company_id: 999_999,
    company: 'Prospect KK',
    plan: 'Business',
    contract_value: 1000,
    seats: 10,
    cs_owner: 'kim@example.com',
    stage: 'Trial',
    sentiment: 4,
  };
  f.type(h.map((key) => typed[key] ?? ''));
  const i = rowOf(f, 999_999);
  expect(f.column('Check')[i]).toBe('ℹ not in the database: scored by the missing-data rules');
  // worst, neutral, worst, neutral; sentiment 4 scores 100; renewal (no date) is excluded.
  const row = healthRows(f.ss)[i];
  expect(row.slice(4, 10)).toEqual([0, 50, 0, 50, 100, '—']);
  noErrors(f);
  matches(f);
  repairKeepsSales(f);
});

it('all weights zero', () => {
  const f = fresh();
  f.config.getRange(CFG_FIRST_MEASURE_ROW, 9, 6, 1).setValues(Array.from({ length: 6 }, () => [0]));
  expect(new Set(f.column('Score'))).toEqual(new Set(['⚠ all weights are zero']));
  expect(f.config.getRange(CFG_FIRST_MEASURE_ROW, 11).getValue()).toBe('⚠ all weights are zero');
  noErrors(f);
  const report = repairKeepsSales(f);
  expect(report.problems).toContain('Every weight is zero, so no overall score can be computed.');
});

it('a band edge that is not a number', () => {
  const f = fresh();
  f.config.getRange(CFG_FIRST_MEASURE_ROW + 2, 7).setValue('thirty');
  expect(new Set(f.column('Recency'))).toEqual(new Set(['⚠ check this measure in Health config']));
  const recency = f.header().indexOf('Recency') + 1;
  expect(tab(f.ss, 'Health').getRange(paramRow('red'), recency).getValue()).toBe('⚠ band edge is not a number');
  expect(f.config.getRange(CFG_FIRST_MEASURE_ROW + 2, 12).getValue()).toBe('⚠ band edge is not a number');
  noErrors(f);
  const report = repairKeepsSales(f);
  expect(report.problems).toContain('Row 8 (Recency): the red and green edges must be numbers.');
});

it('a deleted measure row', () => {
  const f = fresh();
  f.config.deleteRow(CFG_FIRST_MEASURE_ROW + 1); // Activity
  expect(new Set(f.column('Activity'))).toEqual(new Set(['⚠ check this measure in Health config']));
  const activity = f.header().indexOf('Activity') + 1;
  expect(tab(f.ss, 'Health').getRange(paramRow('configRow'), activity).getValue()).toBe(
    '⚠ not in Health config: run Set up health scores to repair',
  );
  noErrors(f);
  matches(f);
  const report = repairKeepsSales(f);
  expect(report.repaired).toContain('Health formulas');
  expect(f.header()).not.toContain('Activity');
});

it('a result tab renamed by someone', () => {
  const f = fresh();
  tab(f.ss, 'Health inputs').setName('Usage (do not touch)');
  noErrors(f);
  matches(f, 'Usage (do not touch)');
  // The scheduled refresh finds its tab by tag and the scores follow it.
  expect(api(f.rt, 'runQuery', { id: f.report.inputsQueryId ?? '' }).sheetName).toBe('Usage (do not touch)');
  const report = repairKeepsSales(f, 'Usage (do not touch)');
  expect(report.created).toEqual([]);
});

it('a sales row inserted in the middle, then the rows sorted by hand', () => {
  const f = fresh();
  f.customers.insertRowBefore(3);
  f.customers.getRange(3, 1, 1, 3).setValues([[1, 'Inserted KK', 'Starter']]);
  expect(healthRows(f.ss).map((r) => r[0])).toEqual([12, 1, 57, 103, 188, 240]);
  noErrors(f);
  matches(f);
  const data = f.customers.getRange(2, 1, 6, f.customers.getLastColumn());
  data.setValues([...data.getValues()].reverse());
  expect(healthRows(f.ss).map((r) => r[0])).toEqual([240, 188, 103, 57, 1, 12]);
  noErrors(f);
  matches(f);
  repairKeepsSales(f);
});

it('an override applies until its expiry date, with its reason shown', () => {
  const f = fresh();
  const today = f.config.getRange('B3').getValue() as Date;
  const day = 86_400_000;
  const overrides = tab(f.ss, 'Health overrides');
  overrides.getRange(2, 1, 2, 4).setValues([
    [57, 95, 'Signed a 3-year renewal', new Date(today.getTime() + day)],
    [103, 10, 'Old note', new Date(today.getTime() - day)],
  ]);
  const h = f.header();
  const row57 = healthRows(f.ss)[rowOf(f, 57)];
  expect(row57[h.indexOf('Score')]).toBe(95);
  expect(row57[h.indexOf('Override reason')]).toBe('Signed a 3-year renewal');
  const row103 = healthRows(f.ss)[rowOf(f, 103)];
  expect(row103[h.indexOf('Override')]).toBe('');
  expect(row103[h.indexOf('Score')]).toBe(row103[h.indexOf('Weighted score')]);
  noErrors(f);
  matches(f);
  expect(HEALTH_FIRST_ROW).toBeGreaterThan(paramRow('divideNo'));
});
