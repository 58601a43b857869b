/**
 * When a driver refuses `?` placeholders (reported for external MySQL 8 through Apps Script:
 * "Parameter index out of range"), the refresh re-runs the query with dialect-correct
 * literals, and the values still match exactly, quotes included.
 */
import { api, saveQuery } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

describe.each(enabledEngines().map((e) => [e.name, e] as const))('literal fallback on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(
      `CREATE TABLE people (id INT, name VARCHAR(40))\n;\nINSERT INTO people VALUES (1, 'O''Brien'), (2, 'back\\\\slash'), (3, 'plain')`,
    );
  });
  afterAll(() => db?.drop());

  it('binds with a prepared statement, and falls back to literals when the driver refuses', () => {
    const { rt, dataSourceId } = setupWithDataSource(db);
    const saved = saveQuery(rt, {
      name: 'By name',
      dataSourceId,
      sql: `SELECT id FROM ${db.schema}.people WHERE name = {{ who }} OR id = {{ n }} ORDER BY id`,
      parameters: [
        { name: 'who', type: 'text' },
        { name: 'n', type: 'number' },
      ],
      schedule: '',
      tags: [],
    });
    const run = () => api(rt, 'runQuery', { id: saved.id, values: { who: "O'Brien", n: '3' } });

    expect(run()).toMatchObject({ ok: true, rows: 2 });
    expect(lastExecution(rt).calls.get('Jdbc.JdbcConnection.prepareStatement')).toBe(1);

    rt.faults.add({
      method: 'Jdbc.JdbcPreparedStatement.executeQuery',
      action: { throw: 'Parameter index out of range (1 > number of parameters, which is 0).' },
    });
    const fallback = run();
    expect(fallback).toMatchObject({ ok: true, rows: 2 });
    expect(rt.spreadsheet._sheetValues('By name')).toEqual([['id'], [1], [3]]);
    const calls = lastExecution(rt).calls;
    expect(calls.get('Jdbc.JdbcStatement.executeQuery')).toBe(1);
    // The note shows the SQL as written, with its parameters, not the literals.
    expect(rt.spreadsheet._sheet('By name')!.getRange(1, 1).getNote()).toContain(
      'WHERE name = {{ who }} OR id = {{ n }}',
    );
  });

  it('writes an unsaved query with parameters to a tab, bound the same way', () => {
    const { rt, refresh } = setupWithDataSource(db);
    const result = refresh(`SELECT id FROM ${db.schema}.people WHERE name IN ({{ names }}) ORDER BY id`, {
      name: 'Draft',
      parameters: [{ name: 'names', type: 'list', multi: true, options: ["O'Brien", 'plain', 'nobody'] }],
      values: { names: ["O'Brien", 'plain'] },
    });
    expect(result).toMatchObject({ ok: true, rows: 2, link: expect.stringMatching(/#gid=\d+&range=A1$/) });
    expect(rt.spreadsheet._sheetValues('Draft')).toEqual([['id'], [1], [3]]);
    expect(lastExecution(rt).calls.get('Jdbc.JdbcPreparedStatement.setString')).toBe(2);
  });
});
