/**
 * Limits a refresh keeps: it stops reading before Apps Script's 6-minute limit and keeps the
 * previous result; the run log stays capped, dropping its oldest rows; a source marked
 * writable may run a data-modifying query that returns rows, a read-only one may not.
 */
import { api } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const engine = enabledEngines().find((e) => e.name === 'pg') ?? enabledEngines()[0];
let db: TestDatabase;
beforeAll(() => {
  db = createTestDatabase(engine);
  db.exec(
    `CREATE TABLE items (id INT, name VARCHAR(20))\n;\nINSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 12000) AS s(g)`,
  );
});
afterAll(() => db?.drop());

it('stops reading before the 6-minute limit, keeps the previous result and says why', () => {
  const { rt, refresh } = setupWithDataSource(db);
  expect(refresh(`SELECT id FROM ${db.schema}.items WHERE id <= 2 ORDER BY id`).ok).toBe(true);
  const before = rt.spreadsheet._sheetValues('Result');
  // The database is slow: the first batch of 5,000 rows (10 columns) takes 335 s to arrive, past
  // the execution's deadline (6 minutes less a 30 s margin).
  const stop = rt.faults.add({
    method: 'Jdbc.JdbcResultSet.getRows',
    nth: 1,
    action: { before: () => rt.clock.advance(335_000) },
  });
  const tenColumns = 'id, name, id AS a, id AS b, id AS c, id AS d, id AS e, id AS f, id AS g, id AS h';
  const result = refresh(`SELECT ${tenColumns} FROM ${db.schema}.items ORDER BY id`);
  stop();
  expect(result.ok).toBe(false);
  expect(result.message).toMatch(
    /^The refresh was stopped after 33\d s to stay inside Apps Script's 6-minute limit; the previous result is kept\./,
  );
  expect(rt.spreadsheet._sheetValues('Result')).toEqual(before);
  expect(rt.spreadsheet._sheetNames().filter((n) => n.startsWith('sheetdash-staging-'))).toEqual([]);
});

it('keeps the run log at 500 runs: a run appends without counting, the next sidebar open or tick drops the oldest', () => {
  const { rt, refresh } = setupWithDataSource(db);
  refresh('SELECT 1 AS one'); // creates the log
  const log = rt.spreadsheet._sheet('Sheetdash run log')!;
  const filler = Array.from({ length: 500 }, (_, i) => [
    new Date(Date.UTC(2020, 0, 1, 0, i)),
    'old',
    `old run ${i}`,
    'Main DB',
    1,
    1,
    'ok',
    'OK',
    '',
  ]);
  log.getRange(3, 1, 500, 9).setValues(filler);
  expect(log.getLastRow()).toBe(502);
  refresh('SELECT 2 AS two', { name: 'Newer' });
  // The run itself appends one row and does not count them: 502 runs for a moment.
  expect(lastExecution(rt).callsOf('SpreadsheetApp.Sheet.deleteRows')).toBe(0);
  expect(rt.spreadsheet._sheetValues('Sheetdash run log')).toHaveLength(503);
  // The sidebar opens: its list of last runs trims the log to the newest 500 first.
  expect(rt.run('showSidebar', [], { kind: 'menu' }).ok).toBe(true);
  let rows = rt.spreadsheet._sheetValues('Sheetdash run log');
  expect(rows).toHaveLength(501);
  expect(rows[1][2]).toBe('old run 1');
  expect(rows[500][2]).toBe('Newer');
  expect(rows.some((r) => r[2] === 'Result')).toBe(false);
  // A run past the cap again; the tick trims it.
  refresh('SELECT 3 AS three', { name: 'Newest' });
  expect(rt.spreadsheet._sheetValues('Sheetdash run log')).toHaveLength(502);
  expect(rt.run('tick', [], { kind: 'time-trigger' }).ok).toBe(true);
  rows = rt.spreadsheet._sheetValues('Sheetdash run log');
  expect(rows).toHaveLength(501);
  expect(rows[1][2]).toBe('old run 2');
  expect(rows[500][2]).toBe('Newest');
});

it('lets a writable source run a write that returns rows, and refuses it on a read-only one', () => {
  const { rt, refresh } = setupWithDataSource(db);
  const sql = `UPDATE ${db.schema}.items SET name = 'renamed' WHERE id = 1 RETURNING id, name`;
  expect(refresh(sql).message).toMatch(/read-only, so UPDATE statements are refused/);
  const writable = api(rt, 'saveDataSource', { name: 'Writer', kind: db.kind, writable: true, options: db.options });
  const result = api(rt, 'runQueryToTab', { name: 'Written', dataSourceId: writable.id, sql });
  expect(result).toMatchObject({ ok: true, rows: 1 });
  expect(rt.spreadsheet._sheetValues('Written')).toEqual([
    ['id', 'name'],
    [1, 'renamed'],
  ]);
});
