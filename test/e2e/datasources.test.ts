/**
 * Data sources through the bundle: "Test connection" reports the server and time taken, Cloud
 * SQL for MySQL goes through getCloudSqlConnection (and explains a missing OAuth scope), and
 * the API refuses unknown kinds and malformed input with what to do.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppsScriptRuntime } from '../../emulator/src/runtime';
import { api, apiCall } from '../helpers/api';
import { createTestDatabase, enabledEngines, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

describe.each(enabledEngines().map((e) => [e.name, e] as const))('test connection on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => (db = createTestDatabase(engine)));
  afterAll(() => db?.drop());

  it('reports the server version and the time taken', () => {
    const { rt, dataSourceId } = setupWithDataSource(db);
    const result = api(rt, 'testDataSource', { id: dataSourceId });
    expect(result.ok).toBe(true);
    // The product and version number only, not the server's build banner.
    expect(result.version).toMatch(db.kind === 'mysql' ? /^\d+\.\d+\.\d+\S*$/ : /^PostgreSQL \d+(\.\d+)+$/);
    const server = db.kind === 'mysql' ? `MySQL ${result.version}` : result.version;
    expect(result.message).toBe(`Connected to ${server} in ${result.ms} ms.`);
    expect(result.message.length).toBeLessThan(90);
  });

  it('answers in Japanese to a Japanese user', () => {
    const { rt, dataSourceId } = setupWithDataSource(db, { user: { locale: 'ja_JP' } });
    expect(api(rt, 'testDataSource', { id: dataSourceId }).message).toMatch(/に接続しました/);
  });
});

describe('the API refuses bad input', () => {
  it('names an unknown kind and the kinds there are', () => {
    const { rt } = setupWithDataSource(createTestDatabaseOnce());
    expect(apiCall(rt, 'saveDataSource', { name: 'X', kind: 'oracle', options: {} })).toEqual({
      ok: false,
      error: 'Unknown data source kind "oracle". Choose one of: postgresql, mysql, cloudsql-mysql, sqlserver.',
    });
    expect(apiCall(rt, 'saveDataSource', 'not an object')).toEqual({
      ok: false,
      error: 'Invalid request: expected an object',
    });
    expect(apiCall(rt, 'noSuchMethod')).toEqual({ ok: false, error: 'Invalid request: unknown method "noSuchMethod"' });
    expect(apiCall(rt, 'testDataSource', { id: 'missing' })).toEqual({
      ok: false,
      error: 'No data source "missing". Choose one in the sidebar\'s Data sources tab.',
    });
    expect(api(rt, 'listDataSourceKinds').length).toBe(4);
  });
});

let shared: TestDatabase | undefined;
function createTestDatabaseOnce(): TestDatabase {
  shared ??= createTestDatabase(enabledEngines()[0]);
  return shared;
}
afterAll(() => shared?.drop());

const mysql = enabledEngines().find((e) => e.name === 'mysql');
(mysql ? describe : describe.skip)('Cloud SQL for MySQL', () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(mysql!);
    db.exec('CREATE TABLE t (id INT)\n;\nINSERT INTO t VALUES (1), (2)');
  });
  afterAll(() => db?.drop());

  function runtimeWithScopes(extraScopes: string[]): AppsScriptRuntime {
    const dist = path.resolve(__dirname, '..', '..', 'dist');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-cloudsql-'));
    for (const f of fs.readdirSync(dist)) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    manifest.oauthScopes.push(...extraScopes);
    fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
    return new AppsScriptRuntime({
      distDir: dir,
      jdbc: {
        ...JDBC_OPTIONS,
        cloudSqlInstances: { 'acme:asia-northeast1:main': `${db.options.host}:${db.options.port}` },
      },
    });
  }

  it('connects through getCloudSqlConnection when the manifest has the sqlservice scope', () => {
    const rt = runtimeWithScopes(['https://www.googleapis.com/auth/sqlservice']);
    try {
      const source = api(rt, 'saveDataSource', {
        name: 'Cloud',
        kind: 'cloudsql-mysql',
        options: { instance: 'acme:asia-northeast1:main', database: db.schema, user: db.options.user, password: '' },
      });
      const result = api(rt, 'runQueryToTab', {
        name: 'Cloud',
        dataSourceId: source.id,
        sql: 'SELECT id FROM t ORDER BY id',
      });
      expect(result).toMatchObject({ ok: true, rows: 2 });
      expect(rt.executions[rt.executions.length - 1].calls.get('Jdbc.getCloudSqlConnection')).toBe(1);
    } finally {
      rt.dispose();
    }
  });

  it('explains a missing scope instead of counting a failed connection', () => {
    const rt = runtimeWithScopes([]);
    try {
      const source = api(rt, 'saveDataSource', {
        name: 'Cloud',
        kind: 'cloudsql-mysql',
        options: { instance: 'acme:asia-northeast1:main', database: db.schema, user: 'root', password: '' },
      });
      const result = api(rt, 'runQueryToTab', { name: 'Cloud', dataSourceId: source.id, sql: 'SELECT id FROM t' });
      expect(result.message).toBe(
        'Cloud SQL for MySQL needs the permission https://www.googleapis.com/auth/sqlservice. Add it to "oauthScopes" in appsscript.json, deploy again, and authorize the add-on once more.',
      );
      expect(api(rt, 'listDataSources')[0].health.consecutiveFailures).toBe(0);
    } finally {
      rt.dispose();
    }
  });
});
