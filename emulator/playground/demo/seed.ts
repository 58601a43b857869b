/**
 * Loads the demo dataset into the playground's embedded PGlite, once a day: a tiny admin script
 * run by its own local runtime (same Jdbc options, so the same PGlite data directory) checks the
 * seeded version and anchor date and, when either differs, recreates schema `demo` in one
 * transaction, so the data always ends today.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppsScriptRuntime } from '../../src/runtime';
import type { JdbcOptions } from '../../src/services/jdbc';
import { DEMO_SCHEMA, DEMO_VERSION, demoAnchor, demoStatements, generateDemoData } from './dataset';

/** Where the add-on's demo data source points: the embedded PGlite. */
export const DEMO_CONNECTION = {
  host: 'embedded.sheetdash.local',
  port: 5432,
  database: 'postgres',
  user: 'postgres',
} as const;
export const DEMO_JDBC_URL = `jdbc:postgresql://${DEMO_CONNECTION.host}:${DEMO_CONNECTION.port}/${DEMO_CONNECTION.database}`;

const ADMIN_CODE = `
function seededInfo(url, user) {
  var c = Jdbc.getConnection(url, user, '');
  try {
    var rs = c.createStatement().executeQuery("SELECT version, to_char(anchor, 'YYYY-MM-DD') FROM ${DEMO_SCHEMA}.seed_info");
    return rs.next() ? rs.getInt(1) + ' ' + rs.getString(2) : '0';
  } catch (e) {
    return '0';
  } finally {
    c.close();
  }
}
function seed(url, user, statements) {
  var c = Jdbc.getConnection(url, user, '');
  c.setAutoCommit(false);
  var s = c.createStatement();
  for (var i = 0; i < statements.length; i++) s.execute(statements[i]);
  c.commit();
  c.close();
  return statements.length;
}
function count(url, user, table) {
  var c = Jdbc.getConnection(url, user, '');
  var rs = c.createStatement().executeQuery('SELECT count(*) FROM ${DEMO_SCHEMA}.' + table);
  rs.next();
  var n = rs.getInt(1);
  c.close();
  return n;
}`;

/** A runtime that runs only the admin script (its own temporary project folder). */
export function adminRuntime(jdbc: JdbcOptions, manifestPath: string): AppsScriptRuntime {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-playground-admin-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), ADMIN_CODE);
  fs.copyFileSync(manifestPath, path.join(dir, 'appsscript.json'));
  try {
    return new AppsScriptRuntime({ distDir: dir, jdbc });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface SeedOutcome {
  seeded: boolean;
  version: number;
  /** The date the seeded data ends on. */
  anchor: string;
}

/** Seeds the demo schema unless this version, ending on `anchor` (default today), is already there. */
export function seedDemoDatabase(admin: AppsScriptRuntime, anchor: string = demoAnchor()): SeedOutcome {
  const [version, seededAnchor] = String(admin.call('seededInfo', DEMO_JDBC_URL, DEMO_CONNECTION.user)).split(' ');
  if (Number(version) === DEMO_VERSION && seededAnchor === anchor)
    return { seeded: false, version: DEMO_VERSION, anchor };
  admin.call('seed', DEMO_JDBC_URL, DEMO_CONNECTION.user, demoStatements(generateDemoData(anchor)));
  return { seeded: true, version: DEMO_VERSION, anchor };
}

/** Row count of a demo table (tests, the start banner). */
export function demoRowCount(admin: AppsScriptRuntime, table: string): number {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Not a demo table name: ${table}`);
  return Number(admin.call('count', DEMO_JDBC_URL, DEMO_CONNECTION.user, table));
}
