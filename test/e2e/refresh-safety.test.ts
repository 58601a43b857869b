/**
 * Refresh never loses data: the result tab is replaced whole or not at all (a kill at any
 * point leaves the previous result), only tabs the add-on owns are written, two refreshes of
 * the same query never interleave, results past the cell cap are cut with a message, secrets
 * never reach a sheet or a log, and service calls grow with chunks, not cells.
 */
import { api } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';
import type { RefreshResultView } from '../../src/shared/api-types';

afterAll(disposeRuntimes);

function seriesSql(db: TestDatabase, rows: number, columns: number, label = 'x'): string {
  const cols = Array.from({ length: columns - 1 }, (_, i) => `n + ${i} AS c${i + 1}`).join(', ');
  const source =
    db.kind === 'mysql' ? `(SELECT seq AS n FROM seq_1_to_${rows}) s` : `generate_series(1, ${rows}) AS s(n)`;
  return `SELECT '${label}' AS label, ${cols} FROM ${source} ORDER BY n`;
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('safety on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(`CREATE TABLE t (id INT)`);
  });
  afterAll(() => db?.drop());

  it('keeps the previous result when Apps Script kills the execution mid-write, and cleans up later', () => {
    const { rt, refresh } = setupWithDataSource(db);
    expect(refresh(seriesSql(db, 3, 3, 'old')).ok).toBe(true);
    const before = rt.spreadsheet._sheetValues('Result');
    for (const method of ['SpreadsheetApp.Range.setValues', 'SpreadsheetApp.Range.copyTo']) {
      // setValues #2 writes the second chunk into the staging tab (the first carries the header).
      const stop = rt.faults.add({ method, nth: method.endsWith('setValues') ? 2 : 1, action: { kill: true } });
      const killed = rt.scriptRun('sheetdashApi', [
        'runQueryToTab',
        { name: 'Result', dataSourceId: api(rt, 'listDataSources')[0].id, sql: seriesSql(db, 12_000, 5, 'new') },
      ]);
      stop();
      expect(killed).toEqual({
        ok: false,
        error: { name: 'ScriptError', message: 'Exception: Exceeded maximum execution time' },
      });
      expect(rt.spreadsheet._sheetValues('Result')).toEqual(before);
    }
    const staging = () => rt.spreadsheet._sheetNames().filter((n) => n.startsWith('sheetdash-staging-'));
    expect(staging()).toHaveLength(2);
    expect(staging().every((n) => rt.spreadsheet._sheet(n)!.isSheetHidden())).toBe(true);
    rt.clock.advance(16 * 60 * 1000);
    // A result that fits one write makes no staging tab and does not search for them either.
    expect(refresh(seriesSql(db, 4, 3, 'newer')).ok).toBe(true);
    expect(staging()).toHaveLength(2);
    expect(rt.spreadsheet._sheetValues('Result').map((r) => r[0])).toEqual([
      'label',
      'newer',
      'newer',
      'newer',
      'newer',
    ]);
    // The next refresh that needs a staging tab removes the stale ones.
    expect(refresh(seriesSql(db, 12_000, 5, 'newest')).ok).toBe(true);
    expect(staging()).toEqual([]);
    const values = rt.spreadsheet._sheetValues('Result');
    expect(values).toHaveLength(12_001);
    expect(values[0]).toEqual(['label', 'c1', 'c2', 'c3', 'c4']);
    expect(values[12_000][0]).toBe('newest');
  });

  it("follows its tab through a rename, recreates it after a delete, and never writes a person's tab", () => {
    const { rt, refresh } = setupWithDataSource(db);
    const ss = rt.spreadsheet._active();
    refresh(seriesSql(db, 2, 2, 'one'), { queryId: 'q1', name: 'Numbers' });
    ss.getSheetByName('Numbers')!.setName('My numbers');
    refresh(seriesSql(db, 3, 2, 'two'), { queryId: 'q1', name: 'Numbers' });
    expect(rt.spreadsheet._sheetNames()).toContain('My numbers');
    expect(rt.spreadsheet._sheetNames()).not.toContain('Numbers');
    expect(rt.spreadsheet._sheetValues('My numbers').map((r) => r[0])).toEqual(['label', 'two', 'two', 'two']);

    ss.deleteSheet(ss.getSheetByName('My numbers')!);
    expect(refresh(seriesSql(db, 1, 2, 'three'), { queryId: 'q1', name: 'Numbers' })).toMatchObject({
      ok: true,
      sheetName: 'Numbers',
    });

    const mine = ss.insertSheet('Pipeline');
    mine.getRange(1, 1, 2, 2).setValues([
      ['deal', 'amount'],
      ['Acme', 1000],
    ]);
    const result = refresh(seriesSql(db, 2, 2, 'q'), { queryId: 'q2', name: 'Pipeline' });
    expect(result).toMatchObject({ ok: true, sheetName: 'Pipeline (2)' });
    expect(result.warnings).toContain(
      'A tab named "Pipeline" already exists and was not made by Sheetdash, so it was left alone; the result went to "Pipeline (2)".',
    );
    expect(rt.spreadsheet._sheetValues('Pipeline')).toEqual([
      ['deal', 'amount'],
      ['Acme', 1000],
    ]);
  });

  it("never writes into a person's tab whose name differs only in letter case, and never cuts a character in two", () => {
    const { rt, refresh } = setupWithDataSource(db);
    const ss = rt.spreadsheet._active();
    ss.insertSheet('pipeline')
      .getRange(1, 1, 1, 2)
      .setValues([['deal', 'amount']]);
    // Sheets refuses "Pipeline" beside "pipeline"; getSheetByName finds only the same case
    const result = refresh(seriesSql(db, 2, 2, 'q'), { queryId: 'case', name: 'Pipeline' });
    expect(result).toMatchObject({ ok: true, sheetName: 'Pipeline (2)' });
    expect(result.warnings).toContain(
      'A tab named "Pipeline" already exists and was not made by Sheetdash, so it was left alone; the result went to "Pipeline (2)".',
    );
    expect(rt.spreadsheet._sheetValues('pipeline')).toEqual([['deal', 'amount']]);
    const long = refresh(seriesSql(db, 1, 2, 'q'), { queryId: 'emoji', name: `${'a'.repeat(89)}😀tail` });
    expect(long).toMatchObject({ ok: true, sheetName: 'a'.repeat(89) });
    const lineBreak = refresh(seriesSql(db, 1, 2, 'q'), { queryId: 'newline', name: 'Two\nlines' });
    expect(lineBreak).toMatchObject({ ok: true, sheetName: 'Two lines' });
  });

  it('keeps formulas in other tabs working across refreshes of different sizes', () => {
    const { rt, refresh } = setupWithDataSource(db);
    refresh(seriesSql(db, 5, 2), { queryId: 'q', name: 'Usage' });
    const health = rt.spreadsheet._active().insertSheet('Health');
    health.getRange(1, 1, 1, 2).setValues([['=COUNTA(Usage!A:A) - 1', '=SUM(Usage!B:B)']]);
    expect(rt.spreadsheet._sheetValues('Health')[0]).toEqual([5, 15]);
    refresh(seriesSql(db, 3, 2), { queryId: 'q', name: 'Usage' });
    expect(rt.spreadsheet._sheetValues('Health')[0]).toEqual([3, 6]);
    refresh(seriesSql(db, 7, 2), { queryId: 'q', name: 'Usage' });
    expect(rt.spreadsheet._sheetValues('Health')[0]).toEqual([7, 28]);
  });

  it('never interleaves two refreshes of the same query', () => {
    const { rt, dataSourceId } = setupWithDataSource(db);
    const run = (label: string, rows: number) =>
      rt.scriptRun('sheetdashApi', [
        'runQueryToTab',
        { queryId: 'same', name: 'Same', dataSourceId, sql: seriesSql(db, rows, 10, label) },
      ]);
    // B runs whole while A is between two chunks: each publishes its own complete result.
    let inner: unknown;
    const stop = rt.faults.add({
      method: 'Jdbc.JdbcResultSet.getRows',
      nth: 2,
      scope: 'runtime',
      action: { before: () => (inner = run('B', 3)) },
    });
    const outer = run('A', 12_000);
    stop();
    expect(inner).toMatchObject({ ok: true, value: { ok: true, value: { ok: true, rows: 3 } } });
    expect(outer).toMatchObject({ ok: true, value: { ok: true, value: { ok: true, rows: 12_000 } } });
    const labels = new Set(
      rt.spreadsheet
        ._sheetValues('Same')
        .slice(1)
        .map((r) => r[0]),
    );
    expect([...labels]).toEqual(['A']);
    expect(rt.spreadsheet._sheetValues('Same')).toHaveLength(12_001);

    // B arrives while A holds the lock to publish: B waits, then reports that the sheet is busy.
    let blocked: unknown;
    const stop2 = rt.faults.add({
      method: 'SpreadsheetApp.Range.setValues',
      nth: 1,
      scope: 'runtime',
      action: { before: () => (blocked = run('C', 2)) },
    });
    const publisher = run('D', 4);
    stop2();
    expect(blocked).toMatchObject({
      ok: true,
      value: {
        ok: true,
        value: { ok: false, message: 'Another refresh is writing to this spreadsheet. Try again in a minute.' },
      },
    });
    expect(publisher).toMatchObject({ ok: true, value: { ok: true, value: { ok: true, rows: 4 } } });
    expect(rt.spreadsheet._sheetValues('Same').map((r) => r[0])).toEqual(['label', 'D', 'D', 'D', 'D']);
  });

  it('keeps secrets out of every sheet, note, log and answer', () => {
    const { rt } = setupWithDataSource(db);
    const secret = `pw-s3cr3t-${Math.random().toString(36).slice(2)}`;
    const saved = api(rt, 'saveDataSource', {
      name: 'Secret DB',
      kind: db.kind,
      options: { ...db.options, password: secret, port: 1999 },
    });
    expect(JSON.stringify(saved)).not.toContain(secret);
    api(rt, 'runQueryToTab', { name: 'S', dataSourceId: saved.id, sql: 'SELECT 1 AS one' });
    api(rt, 'testDataSource', { id: saved.id });
    // Re-saving with the mask keeps the stored password.
    api(rt, 'saveDataSource', { id: saved.id, name: 'Secret DB', kind: db.kind, options: saved.options });
    const everything = JSON.stringify({
      sheets: rt.spreadsheet
        ._sheetNames()
        .map((n) => [rt.spreadsheet._sheetValues(n), rt.spreadsheet._sheet(n)!.getDataRange().getNotes()]),
      logs: rt.executions.map((e) => e.logs),
      answers: api(rt, 'listDataSources'),
      script: rt.base.properties._store('script'),
    });
    expect(everything).not.toContain(secret);
    expect(JSON.stringify(rt.base.properties._allValues())).toContain(secret);
  });

  it('JDBC calls grow with rows / batch and Sheets calls with chunks, not with cells', () => {
    const { rt, refresh } = setupWithDataSource(db);
    refresh('SELECT 1 AS warm_up'); // creates the run log tab, so the runs below are alike
    const sizes = [1_000, 10_000, 20_000];
    // First runs make the tabs (and count the workbook's cells, which grows with tabs, not chunks).
    for (const rows of sizes) refresh(seriesSql(db, rows, 10), { queryId: `n${rows}`, name: `N${rows}` });
    const counts = sizes.map((rows) => {
      refresh(seriesSql(db, rows, 10), { queryId: `n${rows}`, name: `N${rows}` });
      const exec = lastExecution(rt);
      return {
        jdbc: exec.callsOf('Jdbc'),
        getRows: exec.calls.get('Jdbc.JdbcResultSet.getRows'),
        sheets: exec.callsOf('SpreadsheetApp'),
        setValues: exec.calls.get('SpreadsheetApp.Range.setValues'),
        appendRow: exec.calls.get('SpreadsheetApp.Sheet.appendRow'),
      };
    });
    // 10 columns: batches of 5,000 rows; a short batch is the last, and a full last batch takes
    // one more getRows, which finds the end.
    expect(counts.map((c) => c.getRows)).toEqual([1, 3, 5]);
    // 1,000 rows fit one write; larger results: one per chunk (the first carries the header);
    // the run log row is one appendRow
    expect(counts.map((c) => c.setValues)).toEqual([1, 2, 4]);
    expect(counts.map((c) => c.appendRow)).toEqual([1, 1, 1]);
    expect(counts[1].jdbc - counts[0].jdbc).toBe(2);
    expect(counts[2].jdbc - counts[1].jdbc).toBe(2);
    const perChunk = (counts[2].sheets - counts[1].sheets) / 2;
    expect(perChunk).toBeLessThanOrEqual(3);
  });
});

const capEngine = enabledEngines().find((e) => e.name === 'pg') ?? enabledEngines()[0];

describe(`the cell cap (on ${capEngine.name})`, () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(capEngine);
  });
  afterAll(() => db?.drop());

  it('cuts a 2-million-cell result at 1,000,000 cells and says so', () => {
    const { rt, refresh } = setupWithDataSource(db);
    const result: RefreshResultView = refresh(seriesSql(db, 200_000, 10));
    expect(result).toMatchObject({ ok: true, rows: 100_000, columns: 10, truncated: true });
    expect(result.warnings).toContain(
      'Only the first 100000 rows were written: the result has more than the limit of 1,000,000 cells. Narrow the query or raise the row limit.',
    );
    const values = rt.spreadsheet._sheetValues('Result');
    expect(values).toHaveLength(100_001);
    expect(values[100_000][1]).toBe(100_000);
    expect(rt.spreadsheet._sheet('Result')!.getRange(1, 1).getNote()).toContain('(truncated at the cell limit)');
  }, 180_000);
});
