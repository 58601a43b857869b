/**
 * Health scores over time on the demo dataset (PGlite): a weight change re-scores everyone
 * without running anything; setup run again creates and repairs nothing; daily snapshots from
 * the tick accumulate over simulated days (one a day, in the spreadsheet's time zone); and no
 * setup, repair, refresh or tick ever changes the rows sales typed in Customers.
 */
import { CFG_FIRST_MEASURE_ROW, HEALTH_FIRST_ROW } from '../../src/core/health/layout';
import { api } from '../helpers/api';
import { type TestDatabase, createTestDatabase, enabledEngines } from '../helpers/engines';
import { demoRuntime, expectedScores, healthRows, loadDemo, setupHealth, tab, values } from '../helpers/health';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

let db: TestDatabase;
beforeAll(() => {
  db = createTestDatabase(enabledEngines()[0]);
  loadDemo(db);
});
afterAll(() => db?.drop());

const SCORE = 'Score';

function scores(ss: Parameters<typeof healthRows>[0]) {
  const header = values(ss, 'Health')[0].map(String);
  return healthRows(ss).map((r) => r[header.indexOf(SCORE)]);
}

it('re-scores everyone when a weight or an edge changes, without running anything', () => {
  const { rt, ss, dataSourceId } = demoRuntime(db);
  setupHealth(rt, dataSourceId);
  const before = scores(ss);
  const executions = rt.executions.length;
  const config = tab(ss, 'Health config');
  // Sentiment weighs 10 by default: make it dominate, and move Recency's red edge.
  config.getRange(CFG_FIRST_MEASURE_ROW + 4, 9).setValue(200);
  config.getRange(CFG_FIRST_MEASURE_ROW + 2, 7).setValue(60);
  const after = scores(ss);
  expect(rt.executions.length).toBe(executions);
  expect(after).not.toEqual(before);
  expect(after).toEqual(expectedScores(ss).map((s) => s.score));
  // The effective percentages follow.
  expect(config.getRange(CFG_FIRST_MEASURE_ROW + 4, 11).getValue()).toBeCloseTo(200 / 290, 5);
});

it('set up twice creates and repairs nothing; setup, refresh and tick never touch the sales rows', () => {
  const { rt, ss, dataSourceId } = demoRuntime(db);
  const customers = () => values(ss, 'Customers');
  const typed = customers();
  const first = setupHealth(rt, dataSourceId);
  expect(customers()).toEqual(typed);
  const tabs = ss.getSheets().map((s) => s.getName());
  const queries = api(rt, 'listQueries', { filter: 'all' }).length;
  const again = setupHealth(rt, dataSourceId);
  expect(again).toMatchObject({ created: [], repaired: [], problems: [] });
  expect(again.message).toBe('Everything was in place; nothing was changed.');
  expect(ss.getSheets().map((s) => s.getName())).toEqual(tabs);
  expect(api(rt, 'listQueries', { filter: 'all' })).toHaveLength(queries);
  expect(customers()).toEqual(typed);
  expect(tab(ss, 'Customers').getProtections(SpreadsheetProtection.RANGE)).toHaveLength(1);
  expect(tab(ss, 'Customers').getConditionalFormatRules()).toHaveLength(1);
  // One embedded chart of the band counts over time, not a second one.
  const charts = tab(ss, 'Health dashboard').getCharts();
  expect(charts).toHaveLength(1);
  expect(charts[0].getRanges().map((r) => (r as { getA1Notation(): string }).getA1Notation())).toEqual(['J2:M402']);
  expect(charts[0].getOptions().get('title')).toBe('Customers per band over time');

  // A refresh of the inputs query and a tick leave the sales rows as typed too.
  const id = first.inputsQueryId ?? '';
  expect(api(rt, 'runQuery', { id }).ok).toBe(true);
  expect(customers()).toEqual(typed);
  expect(rt.run('tick', [], { kind: 'time-trigger' }).error).toBeUndefined();
  expect(customers()).toEqual(typed);
  // The inputs query is saved with its daily schedule.
  expect(api(rt, 'getQuery', { id }).schedule).toBe('daily at 06:00');
});

it('a colleague repairing in Japanese finds the English tabs by their tags: nothing duplicated, sales rows kept', () => {
  const { rt, ss, dataSourceId } = demoRuntime(db);
  setupHealth(rt, dataSourceId);
  const typed = values(ss, 'Customers');
  const tabs = ss.getSheets().map((s) => s.getName());
  const before = scores(ss);
  tab(ss, 'Health').setName('CS view');
  const answer = rt.scriptRun('sheetdashApi', ['setupHealth', {}], { user: { locale: 'ja' } });
  expect(answer.ok).toBe(true);
  const report = (answer as { value: { value: { created: string[]; repaired: string[]; message: string } } }).value
    .value;
  expect(report.created).toEqual([]);
  expect(report.message).toContain('修復');
  expect(ss.getSheets().map((s) => s.getName())).toEqual(tabs.map((n) => (n === 'Health' ? 'CS view' : n)));
  expect(values(ss, 'Customers')).toEqual(typed);
  // The Health tab now speaks Japanese, with the same scores.
  const header = values(ss, 'CS view')[0].map(String);
  expect(header.slice(0, 2)).toEqual(['会社 ID', '会社名']);
  expect(healthRows(ss, 'CS view').map((r) => r[header.indexOf('スコア')])).toEqual(before);
});

it('snapshots once a day from the tick, newest first, and the change column reads the last one', () => {
  const { rt, ss, dataSourceId } = demoRuntime(db);
  setupHealth(rt, dataSourceId);
  rt.clock.set(Date.parse('2026-11-30T10:00:00Z'));
  const typed = values(ss, 'Customers');
  const tick = () => {
    const run = rt.run('tick', [], { kind: 'time-trigger' });
    expect(run.error).toBeUndefined();
    return (run.value as { healthSnapshot: { taken: boolean; rows: number; date: string } | null }).healthSnapshot;
  };
  expect(tick()).toMatchObject({ taken: true, rows: 5 });
  expect(tick()).toMatchObject({ taken: false });
  for (let day = 1; day <= 3; day++) {
    rt.clock.advance(24 * 3_600_000);
    expect(tick()).toMatchObject({ taken: true, rows: 5 });
  }

  const history = values(ss, 'Health history');
  expect(history).toHaveLength(1 + 4 * 5);
  const dates = tab(ss, 'Health history')
    .getRange(2, 1, history.length - 1, 1)
    .getDisplayValues()
    .map((r) => r[0]);
  expect(dates.slice(0, 5)).toEqual(Array(5).fill('2026-12-03'));
  expect(dates.at(-1)).toBe('2026-11-30');
  // Scores are stored as values, with each measure's score.
  const health = healthRows(ss);
  expect(history.slice(1, 6).map((r) => r[3])).toEqual(scores(ss));
  expect(JSON.parse(String(history[1][5]))).toHaveProperty('Recency');
  const header = values(ss, 'Health')[0].map(String);
  expect(health.map((r) => r[header.indexOf('Change since last snapshot')])).toEqual(Array(5).fill(0));
  // The dashboard counts per band live, and kept one row of band counts per day.
  const dashboard = values(ss, 'Health dashboard');
  const perBand = dashboard.slice(2, 5).map((r) => r[1] as number);
  expect(perBand.reduce((a, b) => a + b, 0)).toBe(5);
  const trend = dashboard.slice(2).filter((r) => r[9] !== '');
  expect(trend).toHaveLength(4);
  expect(trend.map((r) => (r[10] as number) + (r[11] as number) + (r[12] as number))).toEqual([5, 5, 5, 5]);
  expect(values(ss, 'Customers')).toEqual(typed);
  expect(HEALTH_FIRST_ROW).toBe(9);
});

it("takes the day's snapshot after the day's 06:00 inputs run, so it and the band alerts use that day's inputs", () => {
  const { rt, dataSourceId } = demoRuntime(db);
  rt.clock.set(Date.parse('2026-11-30T10:00:00Z')); // 19:00 in Tokyo, the spreadsheet's zone
  const { inputsQueryId } = setupHealth(rt, dataSourceId); // the inputs query runs daily at 06:00
  const tick = (iso: string) => {
    rt.clock.set(Date.parse(iso));
    const run = rt.run('tick', [], { kind: 'time-trigger' });
    expect(run.error).toBeUndefined();
    const report = run.value as { ran: { id: string }[]; healthSnapshot: Record<string, unknown> | null };
    return { inputsRan: report.ran.some((r) => r.id === inputsQueryId), snapshot: report.healthSnapshot };
  };
  // The first snapshot is taken at once, whatever the hour.
  expect(tick('2026-11-30T10:05:00Z').snapshot).toMatchObject({ taken: true, date: '2026-11-30' });
  // Through the night (00:10 to 05:10 in Tokyo) the day's snapshot waits; at 06:10 the tick runs
  // the inputs query first, then takes it.
  const night = [0, 1, 2, 3, 4, 5].map((h) => tick(`2026-11-30T${String(15 + h).padStart(2, '0')}:10:00Z`));
  expect(night.map((t) => t.inputsRan)).toEqual(Array(6).fill(false));
  for (const t of night)
    expect(t.snapshot).toEqual({ taken: false, rows: 0, date: '2026-12-01', waitingForInputs: true });
  const morning = tick('2026-11-30T21:10:00Z');
  expect(morning.inputsRan).toBe(true);
  expect(morning.snapshot).toMatchObject({ taken: true, rows: 5, date: '2026-12-01' });
  expect(tick('2026-11-30T22:10:00Z').snapshot).toMatchObject({ taken: false, date: '2026-12-01' });
  // A day with no tick at all: the next day's snapshot does not wait, so the history has no longer gap.
  expect(tick('2026-12-02T15:10:00Z').snapshot).toMatchObject({ taken: true, date: '2026-12-03' });
  // Refreshed by hand after midnight: the day's inputs are in, nothing to wait for.
  expect(api(rt, 'runQuery', { id: inputsQueryId as string }).ok).toBe(true);
  rt.clock.set(Date.parse('2026-12-03T15:05:00Z'));
  expect(api(rt, 'runQuery', { id: inputsQueryId as string }).ok).toBe(true);
  expect(tick('2026-12-03T15:10:00Z').snapshot).toMatchObject({ taken: true, date: '2026-12-04' });
});

it('a snapshot killed before it was recorded is taken once by the next tick: no day twice, no blank row', () => {
  const { rt, ss, dataSourceId } = demoRuntime(db);
  setupHealth(rt, dataSourceId);
  rt.clock.set(Date.parse('2026-11-30T10:00:00Z'));
  const tick = () => rt.run('tick', [], { kind: 'time-trigger' });
  expect(tick().error).toBeUndefined();
  rt.clock.advance(24 * 3_600_000);
  const start = { sheet: rt.spreadsheet._snapshot(), props: rt.base.properties._snapshot(), at: rt.clock.now() };
  // A clean run finds the calls: the history rows inserted, then the property writes after them.
  const seen = { insert: [] as number[], writes: [] as number[] };
  const count = () => rt.executions[rt.executions.length - 1].callCount;
  rt.faults.add({
    method: 'SpreadsheetApp.Sheet.insertRowsBefore',
    action: { before: () => seen.insert.push(count()) },
  });
  rt.faults.add({
    method: 'PropertiesService.Properties.setProperty',
    action: { before: () => seen.writes.push(count()) },
  });
  expect(tick().error).toBeUndefined();
  rt.faults.clear();
  const insert = seen.insert[0];
  // Killed at the insert's next call (blank rows left), and at the write recording the day (rows written).
  const kills = [insert + 1, seen.writes.find((w) => w > insert) as number];
  expect(kills[1]).toBeGreaterThan(insert + 2);
  for (const k of kills) {
    rt.spreadsheet._restore(start.sheet);
    rt.base.properties._restore(start.props);
    rt.clock.freeze(start.at);
    rt.faults.killAtCall(k);
    expect(tick().ok).toBe(false);
    rt.faults.clear();
    rt.clock.advance(60_000);
    expect(tick().error).toBeUndefined();
    const dates = tab(ss, 'Health history')
      .getRange(2, 1, values(ss, 'Health history').length - 1, 1)
      .getDisplayValues()
      .map((r) => r[0]);
    expect({ k, dates }).toEqual({ k, dates: [...Array(5).fill('2026-12-01'), ...Array(5).fill('2026-11-30')] });
    const trend = values(ss, 'Health dashboard')
      .slice(2)
      .filter((r) => r[9] !== '');
    expect(trend).toHaveLength(2);
  }
});

it('lists the biggest drops of the week on the dashboard', () => {
  const { rt, ss, dataSourceId } = demoRuntime(db);
  setupHealth(rt, dataSourceId);
  rt.clock.set(Date.parse('2026-11-30T10:00:00Z'));
  const tick = () => expect(rt.run('tick', [], { kind: 'time-trigger' }).error).toBeUndefined();
  tick();
  // A customer call goes badly: sales lower company 57's sentiment from 5 to 1.
  const customers = tab(ss, 'Customers');
  const header = values(ss, 'Customers')[0];
  const before = scores(ss)[1] as number;
  customers.getRange(3, header.indexOf('sentiment') + 1).setValue(1);
  const after = scores(ss)[1] as number;
  expect(after).toBeLessThan(before);
  const change = values(ss, 'Health')[0].map(String).indexOf('Change since last snapshot');
  expect(healthRows(ss)[1][change]).toBeCloseTo(after - before, 5);
  rt.clock.advance(24 * 3_600_000);
  tick();
  const drops = values(ss, 'Health dashboard').slice(2, 12);
  expect(drops[0].slice(3, 8)).toEqual([
    57,
    'Nami Systems Ltd.',
    before,
    after,
    Math.round((before - after) * 10) / 10,
  ]);
  expect(drops.filter((r) => r[3] !== '')).toHaveLength(1);
});

it('extends the Health rows from the tick when sales typed close to their end', () => {
  const { rt, ss, dataSourceId } = demoRuntime(db);
  setupHealth(rt, dataSourceId);
  const customers = tab(ss, 'Customers');
  const many = Array.from({ length: 170 }, (_, i) => [5000 + i, `Prospect ${i}`]);
  customers.getRange(customers.getLastRow() + 1, 1, many.length, 2).setValues(many);
  const health = tab(ss, 'Health');
  const coveredBefore = health.getLastRow();
  expect(rt.run('tick', [], { kind: 'time-trigger' }).error).toBeUndefined();
  expect(health.getLastRow()).toBe(coveredBefore + 170);
  const rows = healthRows(ss);
  expect(rows).toHaveLength(175);
  expect(rows.at(-1)?.[0]).toBe(5169);
  expect(rows.at(-1)?.[2]).toBe('ℹ not in the database: scored by the missing-data rules');
});

it('sets up from the menu in Japanese: Japanese tabs, headers and markers', () => {
  const { rt, ss } = demoRuntime(db);
  expect(rt.run('setupHealthScores', [], { kind: 'menu', user: { locale: 'ja' } }).error).toBeUndefined();
  const toast = ss._toasts.at(-1)?.message ?? '';
  expect(toast).toContain('作成: ヘルス設定');
  expect(toast).toContain('データソースが指定されなかったため');
  const health = values(ss, 'ヘルス');
  expect(health[0].slice(0, 4)).toEqual(['会社 ID', '会社名', 'チェック', 'CS 担当']);
  expect(values(ss, 'ヘルス設定')[4][0]).toBe('指標');
  // No data source: the inputs tab has its header only, and every customer is marked as not in the database.
  expect(values(ss, 'ヘルス入力')).toHaveLength(1);
  expect(new Set(healthRows(ss, 'ヘルス').map((r) => r[2]))).toEqual(
    new Set(['ℹ データベースにありません: 欠損時のルールで採点']),
  );
});

const SpreadsheetProtection = { RANGE: 'RANGE' } as const;
