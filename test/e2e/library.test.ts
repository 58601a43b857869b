/**
 * The query library end to end through the built bundle, on every enabled engine: save, list,
 * search (Japanese too), conflicts, versions, fork, rename, archive; broken rows and a sorted
 * library sheet; saved queries with parameters bound as prepared-statement values; preview,
 * links, schema browser with its cache, and the recent-runs status line.
 */
import { VirtualClock } from '../../emulator/src/core/clock';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import type { QuerySummary, QueryView, SaveQueryAnswer, VersionSummary } from '../../src/shared/api-types';
import { api, apiCall } from '../helpers/api';
import { createTestDatabase, enabledEngines, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
/** 2024-03-15 12:00 in Tokyo (the spreadsheet's zone). */
const NOW = Date.UTC(2024, 2, 15, 3, 0, 0);

function asUser<T>(
  rt: AppsScriptRuntime,
  email: string,
  method: string,
  payload?: unknown,
  locale = 'en',
): { ok: true; value: T } | { ok: false; error: string } {
  const result = rt.run('sheetdashApi', [method, payload], { user: { email, locale } });
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as { ok: true; value: T } | { ok: false; error: string };
}

function saved(answer: SaveQueryAnswer): QueryView {
  if (!('saved' in answer)) throw new Error('expected a save, got a conflict');
  return answer.saved;
}

function librarySheet(rt: AppsScriptRuntime) {
  const ss = rt.spreadsheet._active();
  const sheet = ss.getSheets().find((s: { getName(): string }) => s.getName() === 'Sheetdash queries');
  if (!sheet) throw new Error('no library sheet');
  return sheet;
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('query library on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(`
      CREATE TABLE orders (id INT, customer_id INT, status VARCHAR(20), created_on DATE, note VARCHAR(100))
      ;
      INSERT INTO orders VALUES
        (1, 1, 'paid', '2024-03-01', 'too old'),
        (2, 1, 'paid', '2024-03-08', 'exactly 7 days ago'),
        (3, 2, 'paid', '2024-03-10', 'customer not in the tab'),
        (4, 3, 'open', '2024-03-14', 'open order'),
        (5, 3, 'void', '2024-03-14', 'void: not chosen'),
        (6, 1, 'open', '2024-03-15', 'today')
    `);
  });
  afterAll(() => db?.drop());

  function setup(): { rt: AppsScriptRuntime; dataSourceId: string } {
    const clock = new VirtualClock();
    clock.freeze(NOW);
    // Alice owns the spreadsheet, so she may add the data source.
    const rt = bundleRuntime({
      jdbc: JDBC_OPTIONS,
      clock,
      user: { email: ALICE, locale: 'en' },
      spreadsheet: { owner: ALICE },
    });
    const source = api(rt, 'saveDataSource', { name: 'Main DB', kind: db.kind, options: db.options });
    return { rt, dataSourceId: source.id };
  }

  it('saves, lists, searches, conflicts, versions, forks, renames and archives', () => {
    const { rt, dataSourceId } = setup();
    const first = saved(
      api(rt, 'saveQuery', {
        name: '売上レポート',
        description: 'Monthly revenue by plan',
        dataSourceId,
        sql: `-- revenue\nSELECT 'ｶﾀｶﾅ' AS label`,
        tags: ['finance', 'KPI'],
      }),
    );
    expect(first).toMatchObject({
      version: 1,
      owner: ALICE,
      createdBy: ALICE,
      archived: false,
      resultLink: null,
      tags: ['finance', 'KPI'],
    });
    const bobs = asUser<SaveQueryAnswer>(rt, BOB, 'saveQuery', { name: 'Churned users', dataSourceId, sql: '=1+1' });
    if (!bobs.ok) throw new Error(bobs.error);
    const churn = saved(bobs.value);
    expect(churn.owner).toBe(BOB);

    // text that looks like a formula or a comment is kept as written
    expect(api(rt, 'getQuery', { id: churn.id }).sql).toBe('=1+1');
    expect(api(rt, 'getQuery', { id: first.id }).sql).toBe(`-- revenue\nSELECT 'ｶﾀｶﾅ' AS label`);

    const names = (list: QuerySummary[]) => list.map((q) => q.name).sort();
    expect(names(api(rt, 'listQueries', {}))).toEqual(['Churned users', '売上レポート']);
    expect(names(api(rt, 'listQueries', { filter: 'mine' }))).toEqual(['売上レポート']);
    expect(names(api(rt, 'listQueries', { search: '売上' }))).toEqual(['売上レポート']);
    expect(names(api(rt, 'listQueries', { search: 'カタカナ' }))).toEqual(['売上レポート']); // half-width in the SQL
    expect(names(api(rt, 'listQueries', { search: 'ＲＥＶＥＮＵＥ' }))).toEqual(['売上レポート']);
    expect(names(api(rt, 'listQueries', { search: 'churned' }))).toEqual(['Churned users']);
    expect(names(api(rt, 'listQueries', { tag: 'ｋｐｉ' }))).toEqual(['売上レポート']);

    // Alice and Bob both open version 1; Bob saves first; Alice's save is a conflict
    const bobEdit = asUser<SaveQueryAnswer>(rt, BOB, 'saveQuery', { ...first, baseVersion: 1, sql: 'SELECT 2 AS bob' });
    expect(bobEdit.ok && saved(bobEdit.value).version).toBe(2);
    const conflict = api(rt, 'saveQuery', {
      id: first.id,
      baseVersion: 1,
      name: '売上レポート',
      dataSourceId,
      sql: 'SELECT 3 AS alice',
    });
    expect(conflict).toEqual({
      conflict: { theirs: expect.objectContaining({ version: 2, sql: 'SELECT 2 AS bob', updatedBy: BOB }) },
    });
    expect(api(rt, 'getQuery', { id: first.id }).sql).toBe('SELECT 2 AS bob');
    const forced = saved(
      api(rt, 'saveQuery', {
        ...first,
        baseVersion: 1,
        force: true,
        name: '売上レポート v2',
        sql: 'SELECT 3 AS alice',
      }),
    );
    expect(forced).toMatchObject({ version: 3, sql: 'SELECT 3 AS alice', updatedBy: ALICE, owner: ALICE });

    const versions = api(rt, 'listVersions', { id: first.id });
    expect(versions.map((v) => [v.version, v.savedBy, v.change])).toEqual([
      [3, ALICE, 'Changed name, SQL'],
      [2, BOB, 'Changed SQL'],
      [1, ALICE, 'Created'],
    ]);
    expect(api(rt, 'getQuery', { id: first.id, version: 1 }).sql).toBe(`-- revenue\nSELECT 'ｶﾀｶﾅ' AS label`);
    const restored = api(rt, 'restoreVersion', { id: first.id, version: 1 });
    expect(restored).toMatchObject({ version: 4, name: '売上レポート', sql: `-- revenue\nSELECT 'ｶﾀｶﾅ' AS label` });
    const jaVersions = asUser<VersionSummary[]>(rt, ALICE, 'listVersions', { id: first.id }, 'ja');
    expect(jaVersions.ok && jaVersions.value[0].change).toBe('バージョン 1 を復元');

    const fork = api(rt, 'forkQuery', { id: first.id });
    expect(fork).toMatchObject({ name: 'Copy of 売上レポート', version: 1, sql: restored.sql, owner: ALICE });
    expect(fork.id).not.toBe(first.id);
    const renamed = api(rt, 'renameQuery', { id: fork.id, name: 'Revenue (copy)' });
    expect(renamed).toMatchObject({ name: 'Revenue (copy)', version: 2 });

    expect(api(rt, 'archiveQuery', { id: churn.id }).archived).toBe(true);
    expect(names(api(rt, 'listQueries', {}))).toEqual(['Revenue (copy)', '売上レポート']);
    expect(names(api(rt, 'listQueries', { filter: 'archived' }))).toEqual(['Churned users']);
    expect(api(rt, 'restoreQuery', { id: churn.id }).archived).toBe(false);
    expect(names(api(rt, 'listQueries', { filter: 'recent' }))).toHaveLength(3);

    // the library sheets are hidden and tagged
    expect(librarySheet(rt).isSheetHidden()).toBe(true);
  });

  it('refuses SQL longer than a cell holds, and a nameless query, with a message', () => {
    const { rt, dataSourceId } = setup();
    const long = apiCall(rt, 'saveQuery', { name: 'Long', dataSourceId, sql: `SELECT 1 -- ${'x'.repeat(50_000)}` });
    expect(long).toEqual({
      ok: false,
      error: expect.stringMatching(/^SQL is 50,012 characters long; a sheet cell holds at most 49,999\./),
    });
    expect(apiCall(rt, 'saveQuery', { name: '  ', dataSourceId, sql: 'SELECT 1' })).toEqual({
      ok: false,
      error: 'Give the query a name.',
    });
    expect(api(rt, 'listQueries', {})).toEqual([]);
  });

  it('refuses a save whose version would not fit one cell, and keeps every earlier version whole', () => {
    const { rt, dataSourceId } = setup();
    const parameters = [{ name: 'p', type: 'text' as const, label: 'P', default: 'd'.repeat(3_000) }];
    const input = {
      name: 'Big',
      dataSourceId,
      sql: 'SELECT {{ p }} AS p',
      description: 'x'.repeat(45_000),
      parameters,
    };
    const first = saved(api(rt, 'saveQuery', input));
    // each field fits a cell, but together they do not: nothing is written, the message says what to shorten
    for (const description of ['x'.repeat(48_000), 'x'.repeat(49_999)]) {
      const answer = apiCall(rt, 'saveQuery', { ...input, id: first.id, baseVersion: 1, description });
      expect(answer).toEqual({
        ok: false,
        error: expect.stringMatching(
          /^The name, description, parameters, schedule and tags together are [\d,]+ characters/,
        ),
      });
    }
    expect(api(rt, 'getQuery', { id: first.id }).version).toBe(1);
    const second = saved(api(rt, 'saveQuery', { ...input, id: first.id, baseVersion: 1, sql: 'SELECT 2 AS p' }));
    expect(second.version).toBe(2);
    expect(api(rt, 'listVersions', { id: first.id }).map((v) => v.version)).toEqual([2, 1]);
    const restored = api(rt, 'restoreVersion', { id: first.id, version: 1 });
    expect(restored.sql).toBe(input.sql);
    expect(restored.parameters).toEqual([expect.objectContaining({ name: 'p', default: 'd'.repeat(3_000) })]);
  });

  it("never writes an unsaved run into a saved query's tab, whatever id the call names", () => {
    const { rt, dataSourceId } = setup();
    const query = saved(api(rt, 'saveQuery', { name: 'Revenue', dataSourceId, sql: "SELECT 'real' AS v" }));
    expect(api(rt, 'runQuery', { id: query.id })).toMatchObject({ ok: true });
    const forged = api(rt, 'runQueryToTab', {
      name: 'Forged',
      queryId: query.id,
      dataSourceId,
      sql: "SELECT 'forged' AS v",
    });
    expect(forged).toMatchObject({ ok: true });
    expect(rt.spreadsheet._sheetValues('Revenue')).toEqual([['v'], ['real']]);
    expect(rt.spreadsheet._sheetValues('Forged')).toEqual([['v'], ['forged']]);
  });

  it('reports a hand-broken row instead of failing, and survives sorting of the sheet', () => {
    const { rt, dataSourceId } = setup();
    const ids = ['A', 'B', 'C'].map(
      (name) => saved(api(rt, 'saveQuery', { name: `Query ${name}`, dataSourceId, sql: `SELECT '${name}' AS q` })).id,
    );
    const sheet = librarySheet(rt);
    // sort by hand: reverse the three rows (through a scratch tab, as copy and paste would)
    const ss = rt.spreadsheet._active();
    const scratch = ss.insertSheet('scratch');
    sheet.getRange(2, 1, 3, 16).copyTo(scratch.getRange(1, 1, 3, 16));
    for (let i = 0; i < 3; i++) scratch.getRange(i + 1, 1, 1, 16).copyTo(sheet.getRange(4 - i, 1, 1, 16));
    ss.deleteSheet(scratch);
    expect(sheet.getRange(2, 2).getValue()).toBe('Query C');

    const updated = saved(
      api(rt, 'saveQuery', { id: ids[0], baseVersion: 1, name: 'Query A2', dataSourceId, sql: 'SELECT 1' }),
    );
    expect(updated.name).toBe('Query A2');
    expect(sheet.getRange(4, 2).getValue()).toBe('Query A2'); // row 4 now holds A
    expect(api(rt, 'getQuery', { id: ids[2] }).name).toBe('Query C');

    // someone types garbage into B's row (now row 3)
    sheet.getRange(3, 6).setValue('{not json');
    sheet.getRange(3, 14).setValue('many');
    const list = api(rt, 'listQueries', {});
    expect(
      list
        .filter((q) => !q.broken)
        .map((q) => q.name)
        .sort(),
    ).toEqual(['Query A2', 'Query C']);
    expect(list.find((q) => q.broken)).toMatchObject({
      id: ids[1],
      broken: {
        row: 3,
        message:
          'Library sheet row 3: "parameters" is not valid JSON; the version is not a whole number. Fix or delete the row in the hidden sheet "Sheetdash queries".',
      },
    });
    expect(apiCall(rt, 'getQuery', { id: ids[1] })).toEqual({
      ok: false,
      error: expect.stringContaining(`No saved query with id "${ids[1]}"`),
    });
    expect(api(rt, 'renameQuery', { id: ids[2], name: 'Query C2' }).name).toBe('Query C2');
  });

  it('runs a saved query with a relative date, a multi list and a cell range, all bound as values', () => {
    const { rt, dataSourceId } = setup();
    const ss = rt.spreadsheet._active();
    ss.insertSheet('Customers')
      .getRange(1, 1, 4, 2)
      .setValues([
        ['customer_id', 'name'],
        [1, 'Acme'],
        [3, 'Globex'],
        ['', ''],
      ]);
    const query = saved(
      api(rt, 'saveQuery', {
        name: 'Recent orders',
        dataSourceId,
        sql: `SELECT id, note FROM ${db.schema}.orders
        WHERE created_on >= {{ since }} AND status IN ({{statuses}}) AND customer_id IN ({{ customers }}) -- {{ not_a_param }}
        ORDER BY id`,
        parameters: [
          { name: 'since', type: 'date', default: '7 days ago' },
          { name: 'statuses', type: 'list', multi: true, options: ['paid', 'open', 'void'] },
          { name: 'customers', type: 'cell', cellRef: 'Customers!A2:A' },
        ],
      }),
    );
    const result = api(rt, 'runQuery', { id: query.id, values: { statuses: ['paid', 'open'] } });
    expect(result.message).toBe('');
    expect(result).toMatchObject({ ok: true, rows: 3, sheetName: 'Recent orders' });
    expect(rt.spreadsheet._sheetValues('Recent orders').slice(0, 4)).toEqual([
      ['id', 'note'],
      [2, 'exactly 7 days ago'],
      [4, 'open order'],
      [6, 'today'],
    ]);
    const calls = rt.executions[rt.executions.length - 1].calls;
    expect(calls.get('Jdbc.JdbcConnection.prepareStatement')).toBe(1);
    // 1 date + 2 statuses as text, 2 customer ids (numbers in the tab) as numbers
    expect(calls.get('Jdbc.JdbcPreparedStatement.setString')).toBe(3);
    expect(calls.get('Jdbc.JdbcPreparedStatement.setInt')).toBe(2);

    expect(result.link).toMatch(new RegExp(`#gid=${result.sheetId}&range=A1$`));
    expect(api(rt, 'getQueryLink', { id: query.id }).url).toBe(result.link);
    const view = api(rt, 'getQuery', { id: query.id });
    expect(view.lastRun).toMatchObject({ ok: true, rows: 3 });
    expect(view.resultLink).toBe(result.link);
    expect(view.version).toBe(1); // a run is not a new version

    const runs = api(rt, 'listRecentRuns');
    expect(runs[0]).toMatchObject({ query: 'Recent orders', outcome: 'ok', rows: 3 });
  });

  it('binds a hostile text value as a value: it matches nothing and breaks nothing', () => {
    const { rt, dataSourceId } = setup();
    const query = saved(
      api(rt, 'saveQuery', {
        name: 'By status',
        dataSourceId,
        sql: `SELECT count(*) AS n FROM ${db.schema}.orders WHERE status = {{ status }}`,
      }),
    );
    for (const status of ["' OR '1'='1", "paid'; DROP TABLE orders; --", 'paid\\']) {
      const result = api(rt, 'runQuery', { id: query.id, values: { status } });
      expect(result.message).toBe('');
      expect(Number(rt.spreadsheet._sheetValues('By status')[1][0])).toBe(0);
    }
    api(rt, 'runQuery', { id: query.id, values: { status: 'paid' } });
    expect(Number(rt.spreadsheet._sheetValues('By status')[1][0])).toBe(3);
  });

  it('refuses invalid parameter values with a message naming the parameter, in both languages', () => {
    const { rt, dataSourceId } = setup();
    const query = saved(
      api(rt, 'saveQuery', {
        name: 'Since',
        dataSourceId,
        sql: `SELECT id FROM ${db.schema}.orders WHERE created_on >= {{since}} AND id IN ({{ids}})`,
        parameters: [
          { name: 'since', type: 'date' },
          { name: 'ids', type: 'list', multi: true, options: ['1', '2'] },
        ],
      }),
    );
    expect(apiCall(rt, 'runQuery', { id: query.id, values: { since: 'next tuesday', ids: ['1'] } })).toEqual({
      ok: false,
      error: 'Parameter "since": expected a date like 2024-01-31 or "7 days ago".',
    });
    expect(apiCall(rt, 'runQuery', { id: query.id, values: { since: 'today', ids: [] } })).toEqual({
      ok: false,
      error: 'Parameter "ids": choose at least one value (an empty list cannot be used in IN (...)).',
    });
    const ja = asUser(rt, ALICE, 'runQuery', { id: query.id, values: { since: '2024-02-30', ids: ['1'] } }, 'ja');
    expect(ja).toEqual({ ok: false, error: expect.stringMatching(/^パラメータ「since」: 2024-01-31 のような日付/) });
    expect(rt.spreadsheet._sheetNames()).not.toContain('Since');
  });

  it('previews the first rows without writing a tab', () => {
    const { rt, dataSourceId } = setup();
    const before = rt.spreadsheet._sheetNames();
    const preview = api(rt, 'previewQuery', {
      dataSourceId,
      sql: `SELECT id, note, created_on FROM ${db.schema}.orders WHERE created_on >= {{d}} ORDER BY id`,
      parameters: [{ name: 'd', type: 'date' }],
      values: { d: 'start of this month' },
      limit: 2,
    });
    expect(preview).toMatchObject({ columns: ['id', 'note', 'created_on'], rowCount: 2, truncated: true });
    expect(preview.rows).toEqual([
      ['1', 'too old', '2024-03-01'],
      ['2', 'exactly 7 days ago', '2024-03-08'],
    ]);
    expect(rt.spreadsheet._sheetNames()).toEqual(before);
    expect(apiCall(rt, 'previewQuery', { dataSourceId, sql: `DELETE FROM ${db.schema}.orders` })).toEqual({
      ok: false,
      error: expect.stringMatching(/read-only/),
    });
  });

  it('lists tables and columns from JDBC metadata, and serves the second call from the cache', () => {
    const { rt, dataSourceId } = setup();
    const schema = api(rt, 'getSchema', { dataSourceId });
    const orders = schema.tables.find((t) => t.schema === db.schema && t.name === 'orders');
    expect(orders?.columns.map((c) => c.name)).toEqual(['id', 'customer_id', 'status', 'created_on', 'note']);
    expect(
      schema.tables.some((t) =>
        ['pg_catalog', 'information_schema', 'mysql', 'performance_schema', 'sys'].includes(t.schema),
      ),
    ).toBe(false);
    const first = rt.executions[rt.executions.length - 1].calls;
    expect(first.get('Jdbc.JdbcDatabaseMetaData.getTables')).toBe(1);
    expect(first.get('Jdbc.JdbcDatabaseMetaData.getColumns')).toBe(1);

    const again = api(rt, 'getSchema', { dataSourceId });
    expect(again).toEqual(schema);
    const second = rt.executions[rt.executions.length - 1].calls;
    expect(second.get('Jdbc.getConnection') ?? 0).toBe(0);
    expect(second.get('Jdbc.JdbcDatabaseMetaData.getTables') ?? 0).toBe(0);

    api(rt, 'getSchema', { dataSourceId, refresh: true });
    expect(rt.executions[rt.executions.length - 1].calls.get('Jdbc.JdbcDatabaseMetaData.getTables')).toBe(1);
  });

  it('answers the session: language, e-mail, time zone and URL', () => {
    const { rt } = setup();
    expect(api(rt, 'getSession')).toEqual({
      lang: 'en',
      email: ALICE,
      spreadsheetTimeZone: 'Asia/Tokyo',
      spreadsheetUrl: expect.stringMatching(/^https:\/\//),
    });
  });
});
