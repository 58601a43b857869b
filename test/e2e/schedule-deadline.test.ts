/**
 * One execution deadline: a tick whose due refreshes are slow stops starting them while too
 * little of the 6-minute limit is left and defers the rest, instead of running past the limit;
 * a statement's timeout is cut to the time the execution has left; a tick that finds the
 * document lock taken exits cleanly and runs nothing.
 */
import { api, saveQuery } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';
import type { RefreshResultView } from '../../src/shared/api-types';

afterAll(disposeRuntimes);

interface TickValue {
  ran: { name: string; ok: boolean; message: string }[];
  deferred: string[];
  busy: boolean;
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('the deadline on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
  });
  afterAll(() => db?.drop());

  function withScheduledQueries(count: number) {
    const setup = setupWithDataSource(db);
    const ids = Array.from({ length: count }, (_, i) => {
      const payload = {
        name: `Q${i + 1}`,
        dataSourceId: setup.dataSourceId,
        // 60,000 rows: two getRows batches (50,000 rows each at most), so a run reads more than once.
        sql:
          db.kind === 'mysql'
            ? 'SELECT seq AS v FROM seq_1_to_60000 ORDER BY seq'
            : 'SELECT v FROM generate_series(1, 60000) AS s(v) ORDER BY v',
        schedule: 'every 5 minutes',
        description: '',
        parameters: [],
        tags: [],
      };
      return saveQuery(setup.rt, payload).id;
    });
    return { ...setup, ids };
  }

  it('stops starting slow refreshes before the 6-minute limit and defers the rest', () => {
    const { rt, ids } = withScheduledQueries(4);
    rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z'));
    rt.run('turnOnSchedule', [], { kind: 'menu' });
    // Each query takes 110 s to run (inside its 120 s timeout) and each getRows call 40 s.
    rt.faults.add({ method: 'Jdbc.JdbcStatement.executeQuery', action: { before: () => rt.clock.advance(110_000) } });
    rt.faults.add({ method: 'Jdbc.JdbcResultSet.getRows', action: { before: () => rt.clock.advance(40_000) } });
    rt.clock.advance(5 * 60_000);
    const started = rt.clock.now();
    const [run] = rt.base.scriptApp._fireDueTimeTriggers();
    rt.faults.clear();
    expect(run.error).toBeUndefined();
    expect(run.ok).toBe(true);
    const report = run.value as TickValue;
    expect(report.busy).toBe(false);
    // Q1 runs whole (190 s); Q2 starts with 140 s left, reads until the deadline (330 s) and
    // stops there, keeping nothing half-written; Q3 and Q4 wait for the next tick.
    expect(report.ran.map((r) => [r.name, r.ok])).toEqual([
      ['Q1', true],
      ['Q2', false],
    ]);
    expect(report.ran[1].message).toMatch(
      /^The refresh was stopped after 3\d\d s to stay inside Apps Script's 6-minute limit/,
    );
    expect(report.deferred).toEqual([ids[2], ids[3]]);
    expect(rt.clock.now() - started).toBeLessThan(360_000);
    // One context for the whole tick: the spreadsheet is fetched once, the lock taken once.
    const tickExecution = lastExecution(rt);
    expect(tickExecution.functionName).toBe('tick');
    expect(tickExecution.calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(tickExecution.calls.get('LockService.Lock.tryLock')).toBe(1);
    expect(rt.spreadsheet._sheetNames()).toContain('Q1');
    expect(rt.spreadsheet._sheetNames()).not.toContain('Q2');
    // Q2's run was stopped by the tick's own deadline, not by the query: it is not its due run.
    expect(api(rt, 'getQuery', { id: ids[1] }).lastRun).toBeNull();
    // The next tick runs what waited longest first: Q2, then what was deferred, then Q1.
    rt.clock.advance(5 * 60_000);
    const [next] = rt.base.scriptApp._fireDueTimeTriggers();
    expect((next.value as TickValue).ran.map((r) => [r.name, r.ok])).toEqual([
      ['Q2', true],
      ['Q3', true],
      ['Q4', true],
      ['Q1', true],
    ]);
  });

  it('cuts the statement timeout to the time the execution has left', () => {
    // SLEEP / pg_sleep are refused on a read-only source: a writable one runs them.
    const { rt, refresh } = setupWithDataSource(db, {}, { writable: true });
    // Connecting took 327 s: 3 s are left before the deadline, though the query asks for 60 s.
    rt.faults.add({ method: 'Jdbc.getConnection', nth: 1, action: { before: () => rt.clock.advance(327_000) } });
    const result: RefreshResultView = refresh(
      db.kind === 'mysql' ? 'SELECT SLEEP(6) AS slept' : 'SELECT pg_sleep(6) AS slept',
      { timeoutSeconds: 60 },
    );
    rt.faults.clear();
    expect(result.ok).toBe(false);
    // 3 s, less the real milliseconds spent before the statement starts (connecting, setup).
    expect(result.message).toMatch(
      /^The query ran longer than [23] s and was stopped\. Narrow it \(WHERE, LIMIT\) or raise the timeout\.$/,
    );
    expect(lastExecution(rt).killedWith).toBeNull();
  });

  it('runs the other due queries when one cannot start (its data source was deleted)', () => {
    const { rt, dataSourceId, ids } = withScheduledQueries(1);
    const other = api(rt, 'saveDataSource', { name: 'Other', kind: db.kind, options: db.options });
    const orphan = saveQuery(rt, {
      name: 'Orphan',
      dataSourceId: other.id,
      sql: 'SELECT 1 AS one',
      schedule: 'every 5 minutes',
      description: '',
      parameters: [],
      tags: [],
    });
    api(rt, 'deleteDataSource', { id: other.id });
    expect(dataSourceId).not.toBe(other.id);
    for (let i = 0; i < 2; i++) {
      rt.clock.advance(5 * 60_000);
      const run = rt.run('tick', [], { kind: 'time-trigger' });
      expect(run.error).toBeUndefined();
      expect((run.value as TickValue).ran.map((r) => [r.name, r.ok])).toEqual([
        ['Q1', true],
        ['Orphan', false],
      ]);
    }
    expect(api(rt, 'getQuery', { id: orphan.id }).lastRun).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^No data source/),
    });
    expect(api(rt, 'getQuery', { id: ids[0] }).lastRun).toMatchObject({ ok: true });
    // nothing is reported as interrupted: the orphan never started
    expect(api(rt, 'listRecentRuns').filter((r) => /interrupted/i.test(r.message))).toEqual([]);
  });

  it('never starts a delivery that could outlast the 6-minute limit: it waits for the next tick', () => {
    const { rt, ids } = withScheduledQueries(1);
    const slack = api(rt, 'saveDestination', {
      name: 'Slack',
      kind: 'slack-webhook',
      options: { url: 'https://hooks.slack.com/services/T0/B0/deadline' },
    });
    api(rt, 'addRowsCheck', { queryId: ids[0], destinations: [slack.id] });
    // Connecting takes 255 s and the query 60 s: 45 s are left before the limit, less than a fetch may take.
    rt.faults.add({ method: 'Jdbc.getConnection', nth: 1, action: { before: () => rt.clock.advance(255_000) } });
    rt.faults.add({
      method: 'Jdbc.JdbcStatement.executeQuery',
      nth: 1,
      action: { before: () => rt.clock.advance(60_000) },
    });
    rt.clock.advance(5 * 60_000);
    const first = rt.run('tick', [], { kind: 'time-trigger' });
    rt.faults.clear();
    expect(first.error).toBeUndefined();
    expect((first.value as TickValue).ran.map((r) => [r.name, r.ok])).toEqual([['Q1', true]]);
    expect(first.execution.callsOf('UrlFetchApp.fetch')).toBe(0);
    expect(api(rt, 'listAlerts', { queryId: ids[0] })[0].status.undelivered).toBe(1);
    rt.clock.advance(5 * 60_000);
    const second = rt.run('tick', [], { kind: 'time-trigger' });
    expect(second.error).toBeUndefined();
    // the next tick, with the whole limit ahead, sends it (no receiver plays Slack here: the send itself is what counts)
    expect(second.execution.callsOf('UrlFetchApp.fetch')).toBeGreaterThanOrEqual(1);
  });

  it('exits cleanly when another execution holds the document lock', () => {
    const { rt, dataSourceId, ids } = withScheduledQueries(1);
    let tick: ReturnType<typeof rt.run> | undefined;
    // A sidebar refresh holds the document lock while it writes its result; the tick fires then.
    rt.faults.add({
      method: 'SpreadsheetApp.Range.setValues',
      nth: 1,
      scope: 'runtime',
      action: { before: () => (tick = rt.run('tick', [], { kind: 'time-trigger' })) },
    });
    const sidebar = api(rt, 'runQueryToTab', { name: 'Sidebar', dataSourceId, sql: 'SELECT 1 AS one' });
    rt.faults.clear();
    expect(sidebar.ok).toBe(true);
    expect(tick?.error).toBeUndefined();
    expect(tick?.value).toEqual({ ran: [], deferred: [], busy: true });
    expect(tick?.execution.logs.join('\n')).toContain('the document lock is held by another execution');
    expect(tick?.execution.callsOf('Jdbc')).toBe(0);
    expect(api(rt, 'getQuery', { id: ids[0] }).lastRun).toBeNull();
    // Once the lock is free, the next tick runs the query.
    const after = rt.run('tick', [], { kind: 'time-trigger' });
    expect((after.value as TickValue).ran.map((r) => [r.name, r.ok])).toEqual([['Q1', true]]);
  });
});
