/**
 * Bad input for a refresh, on every engine: each failure gets a message the user can act on,
 * is recorded in the run log, and leaves the previous result exactly as it was.
 */
import { api, apiCall } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

describe.each(enabledEngines().map((e) => [e.name, e] as const))('failures on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(`
      CREATE TABLE people (id INT, name VARCHAR(40))
      ;
      INSERT INTO people VALUES (1, 'Aiko'), (2, 'Ben'), (3, 'Chie')
    `);
  });
  afterAll(() => db?.drop());

  /** A runtime whose "Result" tab already holds a good result. */
  function withPreviousResult() {
    const setup = setupWithDataSource(db);
    expect(setup.refresh(`SELECT id, name FROM ${db.schema}.people ORDER BY id`).ok).toBe(true);
    const before = setup.rt.spreadsheet._sheetValues('Result');
    return { ...setup, before };
  }

  it('passes the server message of a syntax error and keeps the previous result', () => {
    const { rt, refresh, before } = withPreviousResult();
    const result = refresh(`SELECT id FROM ${db.schema}.people WHERE`);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^The database refused the query: /);
    expect(result.message).toMatch(
      db.kind === 'mysql' ? /You have an error in your SQL syntax/ : /syntax error at end of input/,
    );
    expect(refresh(`SELEC id FROM ${db.schema}.people`).message).toBe(
      'The query starts with "SELEC", which is not a SQL statement. Check the spelling: a query starts with SELECT, WITH, SHOW, EXPLAIN, VALUES or TABLE.',
    );
    expect(rt.spreadsheet._sheetValues('Result')).toEqual(before);
  });

  it('refuses writes and several statements on a read-only source before sending anything', () => {
    const { rt, refresh, before } = withPreviousResult();
    for (const [sql, pattern] of [
      [`DELETE FROM ${db.schema}.people`, /read-only, so DELETE statements are refused/],
      [`DROP TABLE ${db.schema}.people`, /read-only, so DROP statements are refused/],
      [`SELECT 1; DELETE FROM ${db.schema}.people`, /Run one statement at a time/],
      [`SELECT * INTO ${db.schema}.copy FROM ${db.schema}.people`, /SELECT \.\.\. INTO writes to the database/],
    ] as const) {
      const result = refresh(sql);
      expect(result.message).toMatch(pattern);
      expect(lastExecution(rt).callsOf('Jdbc')).toBe(0);
    }
    expect(rt.spreadsheet._sheetValues('Result')).toEqual(before);
    expect(refresh(`SELECT COUNT(*) AS n FROM ${db.schema}.people`).ok).toBe(true);
    expect(rt.spreadsheet._sheetValues('Result')[1][0]).toBe(3);
  });

  it('reports a timeout in words and keeps the previous result', () => {
    const { rt, refresh, before } = withPreviousResult();
    // SLEEP / pg_sleep are refused on a read-only source: a writable one runs them.
    const writer = api(rt, 'saveDataSource', { name: 'Writer', kind: db.kind, writable: true, options: db.options });
    const slow = db.kind === 'mysql' ? 'SELECT SLEEP(3) AS slept' : 'SELECT pg_sleep(3) AS slept';
    expect(refresh(slow).message).toMatch(/has effects outside the query/);
    const result = refresh(slow, { timeoutSeconds: 1, dataSourceId: writer.id });
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      'The query ran longer than 1 s and was stopped. Narrow it (WHERE, LIMIT) or raise the timeout.',
    );
    expect(rt.spreadsheet._sheetValues('Result')).toEqual(before);
  });

  it('writes a header-only tab for 0 rows', () => {
    const { rt, refresh } = withPreviousResult();
    const result = refresh(`SELECT id, name FROM ${db.schema}.people WHERE id > 100`);
    expect(result).toMatchObject({ ok: true, rows: 0, columns: 2 });
    expect(rt.spreadsheet._sheetValues('Result')).toEqual([['id', 'name']]);
  });

  it('renames duplicate column names and says so', () => {
    const { rt, refresh } = setupWithDataSource(db);
    const result = refresh(`SELECT id, name, id, name AS NAME FROM ${db.schema}.people ORDER BY id`);
    expect(result.ok).toBe(true);
    // PostgreSQL folds the unquoted alias NAME to lower case; MySQL keeps it.
    const fourth = db.kind === 'mysql' ? 'NAME (2)' : 'name (2)';
    expect(rt.spreadsheet._sheetValues('Result')[0]).toEqual(['id', 'name', 'id (2)', fourth]);
    expect(result.warnings).toEqual([
      `Columns with the same name were renamed so each header is unique: id (2), ${fourth}.`,
    ]);
  });

  it('records every run in the run log, failures included', () => {
    const { rt, refresh } = withPreviousResult();
    refresh(`SELECT 1 FROM ${db.schema}.people WHERE`);
    const log = rt.spreadsheet._sheetValues('Sheetdash run log');
    expect(log[0]).toEqual([
      'When',
      'Who',
      'Query',
      'Data source',
      'Rows',
      'Duration (ms)',
      'Outcome code',
      'Outcome',
      'Message',
      'Check code',
      'Check',
    ]);
    expect(log.slice(1).map((row) => [row[1], row[2], row[3], row[4], row[6], row[7]])).toEqual([
      ['user@example.com', 'Result', 'Main DB', 3, 'ok', 'OK'],
      ['user@example.com', 'Result', 'Main DB', '', 'failed', 'Failed'],
    ]);
    expect(log[1][0]).toBeInstanceOf(Date);
    expect(String(log[2][8])).toMatch(/The database refused the query/);
  });

  if (engine.name === 'pg') {
    it('returns the zero-column result as a message', () => {
      const { refresh } = setupWithDataSource(db);
      expect(refresh(`SELECT FROM ${db.schema}.people`).message).toBe(
        'The query returned no columns, so there is nothing to write.',
      );
    });
  }

  // pgjdbc's setReadOnly sends nothing in autocommit mode: PostgreSQL sessions are made read-only by the add-on's SQL.
  it('is read-only at the server too: a write hidden in a function is refused by the database', () => {
    db.exec(
      db.kind === 'mysql'
        ? `CREATE FUNCTION ${db.schema}.add_person() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO ${db.schema}.people VALUES (9, 'Zed'); RETURN 9; END`
        : `CREATE FUNCTION ${db.schema}.add_person() RETURNS int LANGUAGE sql AS 'INSERT INTO ${db.schema}.people VALUES (9, ''Zed'') RETURNING id'`,
    );
    try {
      const { rt, refresh } = setupWithDataSource(db);
      const result = refresh(`SELECT ${db.schema}.add_person() AS n`);
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(db.kind === 'mysql' ? /READ ONLY transaction/ : /read-only transaction/);
      // Nothing was written.
      expect(refresh(`SELECT COUNT(*) AS n FROM ${db.schema}.people WHERE id = 9`).ok).toBe(true);
      expect(rt.spreadsheet._sheetValues('Result')).toEqual([['n'], [0]]);
    } finally {
      db.exec(`DROP FUNCTION ${db.schema}.add_person${db.kind === 'mysql' ? '' : '()'}`);
    }
  });

  if (engine.name !== 'pglite') {
    it('explains a connection failure, counts it, and pauses the source after 5 in a row', () => {
      const { rt } = setupWithDataSource(db);
      const bad = api(rt, 'saveDataSource', {
        name: 'Wrong',
        kind: db.kind,
        options: { ...db.options, user: 'no_such_user_x', password: 'wrong-password-123' },
      });
      const first = api(rt, 'runQueryToTab', { name: 'X', dataSourceId: bad.id, sql: 'SELECT 1 AS one' });
      expect(first.message).toMatch(/^Could not connect to 127\.0\.0\.1:\d+\. Check, in order: the host name and port/);
      expect(first.message).toContain(
        'Failed to establish a database connection. Check connection string, username and password.',
      );
      expect(first.message).not.toContain('wrong-password-123');
      for (let i = 0; i < 4; i++) api(rt, 'runQueryToTab', { name: 'X', dataSourceId: bad.id, sql: 'SELECT 1 AS one' });
      const listed = api(rt, 'listDataSources').find((d) => d.id === bad.id)!;
      expect(listed.health.consecutiveFailures).toBe(5);
      expect(listed.health.pausedAt).not.toBeNull();
      expect(rt.jdbc._failedConnectionsToday()).toBe(5);
      const test = api(rt, 'testDataSource', { id: bad.id });
      expect(test.ok).toBe(false);
    });

    it('reports an unreachable host and a database that goes down in the middle of a refresh', () => {
      const { rt, refresh, before } = withPreviousResult();
      const unreachable = api(rt, 'saveDataSource', {
        name: 'Gone',
        kind: db.kind,
        options: { ...db.options, port: 1999 },
      });
      const gone = api(rt, 'runQueryToTab', { name: 'Result', dataSourceId: unreachable.id, sql: 'SELECT 1 AS one' });
      expect(gone.message).toMatch(/^Could not connect to 127\.0\.0\.1:1999/);
      const hostPort = `${db.options.host}:${db.options.port}`;
      // The server goes away after the connection is open, while the query is sent.
      rt.faults.add({
        method: 'Jdbc.JdbcStatement.executeQuery',
        nth: 1,
        action: { before: () => rt.jdbc._takeDown(hostPort) },
      });
      try {
        const result = refresh(`SELECT id, name FROM ${db.schema}.people ORDER BY id`);
        expect(result.ok).toBe(false);
        expect(result.message).toMatch(/I\/O error|Communications link failure|connection/i);
      } finally {
        rt.jdbc._bringUp(hostPort);
      }
      expect(rt.spreadsheet._sheetValues('Result')).toEqual(before);
      expect(refresh(`SELECT id, name FROM ${db.schema}.people ORDER BY id`).ok).toBe(true);
    });
  }

  it('refuses a bad port and URL options in the configuration with what to do', () => {
    const { rt } = setupWithDataSource(db);
    const low = apiCall(rt, 'saveDataSource', { name: 'Low', kind: db.kind, options: { ...db.options, port: 443 } });
    expect(low).toEqual({
      ok: false,
      error:
        'Port 443 cannot be used: Apps Script connects only to ports 1025 to 65535. Expose the database on a higher port.',
    });
    const ssl = apiCall(rt, 'saveDataSource', {
      name: 'SSL',
      kind: db.kind,
      options: { ...db.options, database: 'app?sslmode=require' },
    });
    expect(ssl).toMatchObject({ ok: false, error: expect.stringContaining('"sslmode"') });
    const missing = apiCall(rt, 'runQueryToTab', { name: 'X', sql: 'SELECT 1' });
    expect(missing).toEqual({ ok: false, error: 'Invalid request: "dataSourceId" is required' });
  });
});
