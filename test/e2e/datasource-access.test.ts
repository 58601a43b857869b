/**
 * Who may manage data sources, with two users of one spreadsheet: the owner creates and
 * manages; a member lists and uses sources but cannot create, edit, delete or make one
 * writable, is told who can, and changes nothing. In a shared drive (no owner) a member may
 * create a source and then manages that one only; a user whose e-mail is hidden manages none.
 */
import type { AppsScriptRuntime, RuntimeOptions } from '../../emulator/src/runtime';
import type { DataSourceView, RefreshResultView, TestResultView } from '../../src/shared/api-types';
import type { ApiAnswer } from '../helpers/api';
import { createTestDatabase, enabledEngines, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const OWNER = 'owner@example.com';
const MEMBER = 'member@example.com';
const THIRD = 'third@example.com';

/** The sidebar API as `email` (who has the sidebar open). */
function as<T = unknown>(rt: AppsScriptRuntime, email: string, method: string, payload?: unknown): ApiAnswer<T> {
  const bridged = rt.scriptRun('sheetdashApi', payload === undefined ? [method] : [method, payload], {
    user: { email },
  });
  if (!bridged.ok) throw new Error(`google.script.run failed: ${bridged.error.message}`);
  return bridged.value as ApiAnswer<T>;
}

function value<T>(answer: ApiAnswer<T>): T {
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('managing data sources on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec('CREATE TABLE t (id INT)\n;\nINSERT INTO t VALUES (1), (2)');
  });
  afterAll(() => db?.drop());

  function runtime(spreadsheet: RuntimeOptions['spreadsheet'] = { owner: OWNER }): AppsScriptRuntime {
    return bundleRuntime({ jdbc: JDBC_OPTIONS, spreadsheet, user: { email: OWNER } });
  }

  it("a member uses the owner's source but cannot change, delete or make it writable", () => {
    const rt = runtime();
    const source = value(
      as<DataSourceView>(rt, OWNER, 'saveDataSource', { name: 'Main DB', kind: db.kind, options: db.options }),
    );
    expect(source).toMatchObject({ managedBy: [OWNER], canManage: true });
    const before = JSON.stringify(rt.base.properties._allValues());

    const seen = value(as<DataSourceView[]>(rt, MEMBER, 'listDataSources'));
    expect(seen.map((d) => [d.name, d.managedBy, d.canManage])).toEqual([['Main DB', [OWNER], false]]);
    const edit = { id: source.id, name: source.name, kind: source.kind, options: source.options };
    const refusal = `Only ${OWNER} can change, delete or make "Main DB" writable. Ask them to make the change; you can still use it.`;
    expect(as(rt, MEMBER, 'saveDataSource', { ...edit, writable: true })).toEqual({ ok: false, error: refusal });
    expect(as(rt, MEMBER, 'saveDataSource', { ...edit, name: 'Renamed' })).toEqual({ ok: false, error: refusal });
    expect(as(rt, MEMBER, 'deleteDataSource', { id: source.id })).toEqual({ ok: false, error: refusal });
    expect(as(rt, MEMBER, 'saveDataSource', { name: 'Mine', kind: db.kind, options: db.options })).toEqual({
      ok: false,
      error: `Only the spreadsheet's owner (${OWNER}) can add data sources. Ask them to add it; everyone can then use it.`,
    });
    expect(JSON.stringify(rt.base.properties._allValues())).toBe(before);

    // Using it is everyone's right: run a query, test the connection.
    const sql = db.kind === 'mysql' ? 'SELECT id FROM t ORDER BY id' : `SELECT id FROM ${db.schema}.t ORDER BY id`;
    const run = value(as<RefreshResultView>(rt, MEMBER, 'runQueryToTab', { name: 'R', dataSourceId: source.id, sql }));
    expect(run).toMatchObject({ ok: true, rows: 2 });
    expect(value(as<TestResultView>(rt, MEMBER, 'testDataSource', { id: source.id }))).toMatchObject({ ok: true });

    // The owner still can.
    expect(value(as<DataSourceView>(rt, OWNER, 'saveDataSource', { ...edit, writable: true }))).toMatchObject({
      writable: true,
    });
    expect(as(rt, OWNER, 'deleteDataSource', { id: source.id })).toEqual({ ok: true, value: true });
  });

  it('answers a Japanese member in Japanese', () => {
    const rt = runtime();
    const source = value(
      as<DataSourceView>(rt, OWNER, 'saveDataSource', { name: 'Main DB', kind: db.kind, options: db.options }),
    );
    const bridged = rt.scriptRun('sheetdashApi', ['deleteDataSource', { id: source.id }], {
      user: { email: MEMBER, locale: 'ja' },
    });
    expect(bridged).toMatchObject({
      ok: true,
      value: { ok: false, error: expect.stringContaining('変更・削除・書き込み可能にできるのは') },
    });
  });

  it("in a shared drive, the creator manages their own source and no one else's", () => {
    const rt = runtime({ owner: OWNER, sharedDrive: true });
    const mine = value(
      as<DataSourceView>(rt, MEMBER, 'saveDataSource', { name: 'Member DB', kind: db.kind, options: db.options }),
    );
    expect(mine).toMatchObject({ managedBy: [MEMBER], canManage: true });
    const edit = { id: mine.id, name: 'Member DB', kind: db.kind, options: mine.options, writable: true };
    expect(value(as<DataSourceView>(rt, MEMBER, 'saveDataSource', edit))).toMatchObject({ writable: true });
    const third = value(as<DataSourceView[]>(rt, THIRD, 'listDataSources'));
    expect(third.map((d) => [d.managedBy, d.canManage])).toEqual([[[MEMBER], false]]);
    expect(as(rt, THIRD, 'deleteDataSource', { id: mine.id })).toMatchObject({
      ok: false,
      error: expect.stringContaining(`Only ${MEMBER} can`),
    });
    // Nobody's address: nothing to manage.
    expect(as(rt, '', 'saveDataSource', { name: 'Anon', kind: db.kind, options: db.options })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Google does not give Sheetdash your e-mail address here/),
    });
    expect(value(as<DataSourceView[]>(rt, MEMBER, 'listDataSources')).map((d) => d.name)).toEqual(['Member DB']);
  });
});
