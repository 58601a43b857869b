/**
 * A list parameter whose choices come from another saved query: the sidebar and the binding
 * both read that query's result tab, so a choice offered is a choice accepted.
 */
import { api, apiCall, saveQuery } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';
import type { ParameterDef } from '../../src/shared/api-types';

afterAll(disposeRuntimes);

let db: TestDatabase;
beforeAll(() => {
  db = createTestDatabase(enabledEngines()[0]);
  db.exec(
    `CREATE TABLE plans (name VARCHAR(20))\n;\nINSERT INTO plans VALUES ('free'), ('pro'), ('pro'), ('enterprise')`,
  );
});
afterAll(() => db?.drop());

it("offers the first column of the other query's result tab, and binds a choice from it", () => {
  const { rt, dataSourceId } = setupWithDataSource(db, { user: { locale: 'en' } });
  const plans = saveQuery(rt, {
    name: 'Plans',
    dataSourceId,
    sql: `SELECT name FROM ${db.schema}.plans ORDER BY name`,
    schedule: '',
    parameters: [],
    tags: [],
  });
  expect(apiCall(rt, 'listParameterOptions', { queryId: plans.id, parameter: 'plan' })).toEqual({
    ok: false,
    error: 'Parameter "plan": the query that gives its options has no result tab yet. Run that query first.',
  });
  api(rt, 'runQuery', { id: plans.id });
  expect(api(rt, 'listParameterOptions', { queryId: plans.id })).toEqual({ options: ['enterprise', 'free', 'pro'] });

  const sql = `SELECT COUNT(*) AS n FROM ${db.schema}.plans WHERE name IN ({{ plan }})`;
  const parameters: ParameterDef[] = [{ name: 'plan', type: 'list', multi: true, optionsQueryId: plans.id }];
  const picked = api(rt, 'runQueryToTab', {
    name: 'Count',
    dataSourceId,
    sql,
    parameters,
    values: { plan: ['pro', 'free'] },
  });
  expect(picked).toMatchObject({ ok: true, rows: 1 });
  expect(rt.spreadsheet._sheetValues('Count')[1]).toEqual([3]);
});
