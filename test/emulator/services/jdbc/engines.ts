/**
 * The database engines the Jdbc tests run on: the embedded PGlite always, real PostgreSQL and
 * MariaDB/MySQL when TEST_PG_URL / TEST_MYSQL_URL hold a JDBC URL with credentials, e.g.
 * TEST_PG_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
 * TEST_MYSQL_URL='jdbc:mysql://127.0.0.1:3306/test?user=root'.
 * Each test file gets its own schema (PostgreSQL) or database (MySQL) with a random suffix,
 * created by `prelude` code in the sandbox and dropped by `cleanup`.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { JdbcOptions } from '../../../../emulator/src/services/jdbc';

export interface EngineCase {
  name: 'pglite' | 'pg' | 'mysql';
  adminUrl: string;
  enabled: boolean;
}

export const ENGINES: EngineCase[] = [
  { name: 'pglite', adminUrl: 'jdbc:postgresql://embedded.sheetdash.local:5432/postgres', enabled: true },
  { name: 'pg', adminUrl: process.env.TEST_PG_URL ?? '', enabled: !!process.env.TEST_PG_URL },
  { name: 'mysql', adminUrl: process.env.TEST_MYSQL_URL ?? '', enabled: !!process.env.TEST_MYSQL_URL },
];

export const JDBC_OPTIONS: JdbcOptions = {
  pgliteSnapshot: path.join(os.tmpdir(), 'sheetdash-pglite-0.5.16-snapshot.tar'),
};

export function schemaName(): string {
  return `sd_${Math.random().toString(36).slice(2, 10)}`;
}

/** Apps Script code defining URL, ENGINE, SCHEMA, conn_() (connected, in the test schema), setup_() and cleanup_(). */
export function prelude(engine: EngineCase, schema: string): string {
  const url = engine.name === 'mysql' ? engine.adminUrl.replace(/\/[^/?]*(\?|$)/, `/${schema}$1`) : engine.adminUrl;
  return `
var ENGINE = ${JSON.stringify(engine.name)}, SCHEMA = ${JSON.stringify(schema)};
var URL = ${JSON.stringify(url)}, ADMIN_URL = ${JSON.stringify(engine.adminUrl)};
function conn_() {
  var c = Jdbc.getConnection(URL);
  if (ENGINE !== 'mysql') { var s = c.createStatement(); s.execute('SET search_path TO ' + SCHEMA); s.close(); }
  return c;
}
function setup_() {
  var c = Jdbc.getConnection(ADMIN_URL);
  c.createStatement().execute(ENGINE === 'mysql' ? 'CREATE DATABASE ' + SCHEMA : 'CREATE SCHEMA ' + SCHEMA);
  c.close();
}
function cleanup_() {
  var c = Jdbc.getConnection(ADMIN_URL);
  c.createStatement().execute(ENGINE === 'mysql' ? 'DROP DATABASE IF EXISTS ' + SCHEMA : 'DROP SCHEMA IF EXISTS ' + SCHEMA + ' CASCADE');
  c.close();
}
`;
}
