/**
 * Service calls of a refresh whose result fits one write: an exact, deterministic count for a
 * 1-row refresh, no tab inserted or deleted (the result goes straight into its tab with one
 * setValues), and a kill at every single call leaves either the previous result whole
 * (values, formats and note) or the new values whole, never a mix.
 */
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource, type Setup } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const PREVIOUS = `SELECT 1 AS id, DATE '2024-01-02' AS day, 'a' AS extra
  UNION ALL SELECT 2, DATE '2024-01-03', 'b' UNION ALL SELECT 3, DATE '2024-01-04', 'c'`;
const ONE_ROW = `SELECT 'x' AS label`;

/**
 * All calls of a 1-row refresh on PostgreSQL (was 102 before issue 7's changes, 37 before the
 * session SQL, 34 before the statement timeout joined it and the run log stopped counting rows,
 * with the flush before the lock's release added).
 */
const ONE_ROW_CALLS = 33;

/** Every call of the 1-row refresh on PostgreSQL (a VARCHAR column; the tab and the run log exist already). */
const EXPECTED_CALLS: Record<string, number> = {
  // the execution context: spreadsheet (once), time zone (once); the language comes with the sidebar's call
  'SpreadsheetApp.getActiveSpreadsheet': 1,
  'SpreadsheetApp.Spreadsheet.getSpreadsheetTimeZone': 1,
  // every Document property at once: the data source, its health, the tab directory, the URL
  'PropertiesService.getDocumentProperties': 1,
  'PropertiesService.Properties.getProperties': 1,
  // who runs it, for the run log
  'Session.getActiveUser': 1,
  'Session.User.getEmail': 1,
  // the query: one statement sets the session up (zone, read-only, statement timeout) and runs
  // the query; one short getRows reads it all
  'Jdbc.getConnection': 1,
  'Jdbc.JdbcConnection.createStatement': 1,
  'Jdbc.JdbcStatement.execute': 1,
  'Jdbc.JdbcStatement.setMaxRows': 1,
  'Jdbc.JdbcStatement.executeQuery': 1,
  'Jdbc.JdbcResultSet.getMetaData': 1,
  'Jdbc.JdbcResultSetMetaData.getColumnCount': 1,
  'Jdbc.JdbcResultSetMetaData.getColumnType': 1,
  'Jdbc.JdbcResultSetMetaData.getColumnLabel': 1,
  'Jdbc.JdbcResultSet.getRows': 1,
  'Jdbc.JdbcConnection.close': 1,
  // the document lock around the write, released after a flush (Apps Script's Lock reference
  // asks for one, or the next holder may read the tab as it was before this write)
  'LockService.getDocumentLock': 1,
  'LockService.Lock.tryLock': 1,
  'SpreadsheetApp.flush': 1,
  'LockService.Lock.releaseLock': 1,
  // the result tab and the run log tab, by the sheet ids the tab directory remembers
  'SpreadsheetApp.Spreadsheet.getSheetById': 2,
  // the write: the old result's area, one range, values + formats + note; then the run log
  // row: its header row (columns found by key), one appendRow (the tick and the sidebar's
  // list of last runs keep the log to its cap)
  'SpreadsheetApp.Sheet.getLastRow': 1,
  'SpreadsheetApp.Sheet.getLastColumn': 1,
  'SpreadsheetApp.Sheet.getRange': 2,
  'SpreadsheetApp.Range.getValues': 1,
  'SpreadsheetApp.Sheet.appendRow': 1,
  'SpreadsheetApp.Range.setValues': 1,
  'SpreadsheetApp.Range.setNumberFormats': 1,
  'SpreadsheetApp.Range.setNotes': 1,
  // the answer: the tab's name (its id and the link come from the directory)
  'SpreadsheetApp.Sheet.getName': 1,
};

/**
 * MySQL's calls: Connector/J makes the session read-only on setReadOnly (one call more), the
 * statement timeout is setQueryTimeout's (MySQL and MariaDB name the session variable
 * differently), and a server without time zone tables refuses the zone's name: one more
 * statement sets its offset.
 */
function expectedCalls(engine: string, zoneStatements: number): Record<string, number> {
  if (engine !== 'mysql') return EXPECTED_CALLS;
  return {
    ...EXPECTED_CALLS,
    'Jdbc.JdbcConnection.setReadOnly': 1,
    'Jdbc.JdbcStatement.setQueryTimeout': 1,
    'Jdbc.JdbcStatement.execute': zoneStatements,
  };
}

interface TabState {
  values: unknown[][];
  formats: string[][];
  notes: string[][];
}

function tabState(setup: Setup): TabState {
  const range = setup.rt.spreadsheet._sheet('Result')!.getDataRange();
  return { values: range.getValues(), formats: range.getNumberFormats(), notes: range.getNotes() };
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('one-write refresh on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
  });
  afterAll(() => db?.drop());

  it('makes an exact, small number of service calls and inserts or deletes no tab', () => {
    const setup = setupWithDataSource(db);
    expect(setup.refresh(PREVIOUS).ok).toBe(true);
    const tabs = setup.rt.spreadsheet._sheetNames();
    expect(setup.refresh(ONE_ROW)).toMatchObject({ ok: true, rows: 1, columns: 1 });
    const exec = lastExecution(setup.rt);
    const zoneStatements = engine.name === 'mysql' ? (exec.calls.get('Jdbc.JdbcStatement.execute') ?? 0) : 1;
    expect([1, 2]).toContain(zoneStatements);
    const expected = expectedCalls(engine.name, zoneStatements);
    expect(Object.fromEntries([...exec.calls.entries()].sort())).toEqual(
      Object.fromEntries(Object.entries(expected).sort()),
    );
    const expectedTotal = Object.values(EXPECTED_CALLS).reduce((a, b) => a + b, 0);
    expect(expectedTotal).toBe(ONE_ROW_CALLS);
    expect(exec.callCount).toBe(ONE_ROW_CALLS + (engine.name === 'mysql' ? 1 + zoneStatements : 0));
    expect(exec.callsOf('SpreadsheetApp.Spreadsheet.insertSheet')).toBe(0);
    expect(exec.callsOf('SpreadsheetApp.Spreadsheet.deleteSheet')).toBe(0);
    expect(exec.callsOf('SpreadsheetApp.Range.copyTo')).toBe(0);
    expect(setup.rt.spreadsheet._sheetNames()).toEqual(tabs);
    // The old result's rows, columns, date formats and note are gone: one value is left.
    const state = tabState(setup);
    expect(state.values).toEqual([['label'], ['x']]);
    // The add-on writes "General", which Sheets reads back as its default format (issue 11).
    expect(state.formats).toEqual([['0.###############'], ['0.###############']]);
    expect(state.notes[0][0]).toContain(ONE_ROW);
    const all = setup.rt.spreadsheet._sheet('Result')!.getRange(1, 1, 4, 3);
    expect(
      all
        .getValues()
        .flat()
        .filter((v) => v !== ''),
    ).toEqual(['label', 'x']);
    expect(
      all
        .getNumberFormats()
        .flat()
        .every((f) => f === '0.###############'),
    ).toBe(true);
    expect(
      all
        .getNotes()
        .flat()
        .filter((n) => n !== ''),
    ).toHaveLength(1);
  });

  it('leaves the previous result whole, or the new values whole, when killed at any call', () => {
    const setup = setupWithDataSource(db);
    expect(setup.refresh(PREVIOUS).ok).toBe(true);
    const tabs = setup.rt.spreadsheet._sheetNames();
    // Which call is the one write: count the calls up to the result's setValues.
    let writeAt = 0;
    const stop = setup.rt.faults.add({
      method: 'SpreadsheetApp.Range.setValues',
      nth: 1,
      action: { before: () => (writeAt = lastExecution(setup.rt).callCount) },
    });
    expect(setup.refresh(ONE_ROW).ok).toBe(true);
    stop();
    const total = lastExecution(setup.rt).callCount;
    expect(total).toBeGreaterThanOrEqual(ONE_ROW_CALLS - 1);
    expect(setup.refresh(PREVIOUS).ok).toBe(true);
    expect(writeAt).toBeGreaterThan(20);
    let before = tabState(setup);
    expect(before.formats[1][1]).toBe('yyyy-mm-dd');
    for (let n = 1; n <= total; n++) {
      const kill = setup.rt.faults.killAtCall(n);
      const answer = setup.rt.scriptRun('sheetdashApi', [
        'runQueryToTab',
        { name: 'Result', dataSourceId: setup.dataSourceId, sql: ONE_ROW },
        'en', // the sidebar's language, as api() sends it
      ]);
      kill();
      expect(answer).toEqual({
        ok: false,
        error: { name: 'ScriptError', message: 'Exception: Exceeded maximum execution time' },
      });
      expect(setup.rt.spreadsheet._sheetNames()).toEqual(tabs);
      const state = tabState(setup);
      if (n <= writeAt) expect(state).toEqual(before);
      else expect(state.values).toEqual([['label'], ['x']]);
      if (n > writeAt) {
        expect(setup.refresh(PREVIOUS).ok).toBe(true); // back to the previous result
        before = tabState(setup);
      }
    }
  });
});

const bigEngine = enabledEngines().find((e) => e.name === 'pg') ?? enabledEngines()[0];

describe(`replacing a large result with a small one (on ${bigEngine.name})`, () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(bigEngine);
  });
  afterAll(() => db?.drop());

  it('goes through a staging tab, whose one copy clears the old result, instead of one huge write', () => {
    const setup = setupWithDataSource(db);
    const cols = Array.from({ length: 9 }, (_, i) => `n + ${i} AS c${i}`).join(', ');
    const source =
      db.kind === 'mysql' ? `(SELECT seq AS n FROM seq_1_to_25000) s` : `generate_series(1, 25000) AS s(n)`;
    expect(setup.refresh(`SELECT 'old' AS label, ${cols} FROM ${source} ORDER BY n`)).toMatchObject({
      ok: true,
      rows: 25_000,
    });
    expect(setup.refresh(ONE_ROW)).toMatchObject({ ok: true, rows: 1 });
    const exec = lastExecution(setup.rt);
    // 25,001 x 10 cells to clear are more than one direct write may cover.
    expect(exec.callsOf('SpreadsheetApp.Range.copyTo')).toBe(1);
    // The staging tab's one write (header and row), and the run log's row: no write into the result tab.
    expect(exec.calls.get('SpreadsheetApp.Range.setValues')).toBe(1);
    expect(exec.calls.get('SpreadsheetApp.Sheet.appendRow')).toBe(1);
    expect(setup.rt.spreadsheet._sheetValues('Result')).toEqual([['label'], ['x']]);
    expect(setup.rt.spreadsheet._sheetNames().filter((n) => n.startsWith('sheetdash-staging-'))).toEqual([]);
  });
});
