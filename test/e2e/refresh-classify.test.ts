/**
 * Failures are classified by what happened, never by the text of the error, which Apps Script
 * gives in the user's language: a statement that failed once its timeout had passed timed out,
 * whatever it says; one that failed at once did not, even if its text says "timeout"; a
 * prepared statement is re-run with literals only when the driver also refuses a
 * one-placeholder probe, whatever the refusal says.
 */
import { api } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

describe.each(enabledEngines().map((e) => [e.name, e] as const))('classifying failures on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(`CREATE TABLE people (id INT, name VARCHAR(40))\n;\nINSERT INTO people VALUES (1, 'Aiko'), (2, 'Ben')`);
  });
  afterAll(() => db?.drop());

  function runByName(rt: ReturnType<typeof setupWithDataSource>['rt'], dataSourceId: string, sql: string) {
    return api(rt, 'runQueryToTab', {
      name: 'People',
      dataSourceId,
      sql,
      parameters: [{ name: 'who', type: 'text' }],
      values: { who: 'Ben' },
    });
  }

  it('falls back to literals when the driver refuses placeholders, whatever language it says it in', () => {
    const { rt, dataSourceId } = setupWithDataSource(db);
    rt.faults.add({
      method: 'Jdbc.JdbcPreparedStatement.executeQuery',
      action: { throw: 'パラメータのインデックスが範囲外です (1 > パラメータ数 0)。' },
    });
    const result = runByName(rt, dataSourceId, `SELECT id FROM ${db.schema}.people WHERE name = {{ who }}`);
    rt.faults.clear();
    expect(result).toMatchObject({ ok: true, rows: 1 });
    expect(rt.spreadsheet._sheetValues('People')).toEqual([['id'], [2]]);
    expect(lastExecution(rt).calls.get('Jdbc.JdbcStatement.executeQuery')).toBe(1);
  });

  it('does not re-run a prepared statement the database refused for another reason', () => {
    const { rt, dataSourceId } = setupWithDataSource(db);
    const result = runByName(rt, dataSourceId, `SELECT id FROM ${db.schema}.nowhere WHERE name = {{ who }}`);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^The database refused the query: /);
    const calls = lastExecution(rt).calls;
    // The probe ran (a prepared statement of its own) and worked, so no literal SQL was sent.
    expect(calls.get('Jdbc.JdbcConnection.prepareStatement')).toBe(2);
    expect(calls.get('Jdbc.JdbcStatement.executeQuery')).toBeUndefined();
  });

  it('calls a statement that failed after its timeout a timeout, and one that failed at once not', () => {
    const { rt, refresh } = setupWithDataSource(db);
    // Cancelled after the 5 s timeout, with a message in Japanese.
    rt.faults.add({
      method: 'Jdbc.JdbcStatement.executeQuery',
      nth: 1,
      action: { before: () => rt.clock.advance(5_000) },
    });
    rt.faults.add({
      method: 'Jdbc.JdbcStatement.executeQuery',
      nth: 1,
      action: { throw: 'ステートメントが取り消されました。' },
    });
    expect(refresh('SELECT 1 AS one', { timeoutSeconds: 5 }).message).toBe(
      'The query ran longer than 5 s and was stopped. Narrow it (WHERE, LIMIT) or raise the timeout.',
    );
    rt.faults.clear();
    // Refused at once, though the text says "timeout".
    rt.faults.add({
      method: 'Jdbc.JdbcStatement.executeQuery',
      nth: 1,
      action: { throw: 'Invalid value for timeout setting' },
    });
    expect(refresh('SELECT 1 AS one', { timeoutSeconds: 5 }).message).toBe(
      'The database refused the query: Invalid value for timeout setting',
    );
    rt.faults.clear();
  });
});
