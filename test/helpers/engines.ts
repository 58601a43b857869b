/**
 * Database engines for end-to-end tests of the bundle: the embedded PGlite always, real
 * PostgreSQL and MariaDB when TEST_PG_URL / TEST_MYSQL_URL are set. Each test file gets its
 * own schema (PostgreSQL) or database (MySQL), created and dropped through a small fixture
 * script in the same process (all runtimes in a process share one database worker).
 */
import { ENGINES, JDBC_OPTIONS, schemaName, type EngineCase } from '../emulator/services/jdbc/engines';
import { fixtureRuntime } from './runtimes';

export { ENGINES, JDBC_OPTIONS, type EngineCase };

export interface TestDatabase {
  engine: EngineCase;
  schema: string;
  /** Data source options for the add-on (host, port, database, user, password). */
  options: { host: string; port: number; database: string; user: string; password: string };
  kind: 'postgresql' | 'mysql';
  /** Runs statements (separated by lines holding only ";") in the test schema. */
  exec(sql: string): void;
  drop(): void;
}

const ADMIN_CODE = `
function exec_(url, statements, schema, engine) {
  var c = Jdbc.getConnection(url);
  var s = c.createStatement();
  if (engine !== 'mysql' && schema) s.execute('SET search_path TO ' + schema);
  for (var i = 0; i < statements.length; i++) s.execute(statements[i]);
  c.close();
}
function run(url, statements, schema, engine) { exec_(url, statements, schema, engine); }
`;

export function enabledEngines(): EngineCase[] {
  return ENGINES.filter((e) => e.enabled);
}

export function createTestDatabase(engine: EngineCase): TestDatabase {
  // Not tracked: hooks may drop the database after the tests' runtimes are disposed.
  const admin = fixtureRuntime(ADMIN_CODE, { jdbc: JDBC_OPTIONS, track: false });
  const schema = schemaName();
  const parsed = parseJdbcUrl(engine.adminUrl);
  const run = (statements: string[], inSchema: boolean) => {
    const url =
      engine.name === 'mysql' && inSchema ? engine.adminUrl.replace(/\/[^/?]*(\?|$)/, `/${schema}$1`) : engine.adminUrl;
    admin.call('run', url, statements, inSchema ? schema : '', engine.name);
  };
  run([engine.name === 'mysql' ? `CREATE DATABASE ${schema} CHARACTER SET utf8mb4` : `CREATE SCHEMA ${schema}`], false);
  return {
    engine,
    schema,
    kind: engine.name === 'mysql' ? 'mysql' : 'postgresql',
    options: { ...parsed, database: engine.name === 'mysql' ? schema : parsed.database },
    exec: (sql) =>
      run(
        sql
          .split(/^\s*;\s*$/m)
          .map((s) => s.trim())
          .filter(Boolean),
        true,
      ),
    drop: () => {
      run(
        [engine.name === 'mysql' ? `DROP DATABASE IF EXISTS ${schema}` : `DROP SCHEMA IF EXISTS ${schema} CASCADE`],
        false,
      );
      admin.dispose();
    },
  };
}

function parseJdbcUrl(url: string): { host: string; port: number; database: string; user: string; password: string } {
  const m = /^jdbc:\w+:\/\/([^:/?]+):(\d+)\/([^?]*)(?:\?(.*))?$/.exec(url);
  if (!m) throw new Error(`Cannot parse ${url}`);
  const params = new URLSearchParams(m[4] ?? '');
  return {
    host: m[1],
    port: Number(m[2]),
    database: m[3],
    user: params.get('user') ?? 'postgres',
    password: params.get('password') ?? '',
  };
}
