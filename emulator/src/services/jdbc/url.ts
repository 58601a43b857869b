/**
 * Parsing what a script passes to Jdbc.getConnection / getCloudSqlConnection: the JDBC URL
 * (jdbc:postgresql://, jdbc:mysql://, jdbc:google:mysql://), its query parameters and the
 * `info` object, with Apps Script's refusal of unsupported connection properties.
 */
import { AppsScriptException } from '../../core/errors';

export interface ConnectTarget {
  engine: 'pg' | 'mysql';
  host: string;
  port: number;
  database: string;
  user?: string;
  password?: string;
  /** For getCloudSqlConnection: the instance connection name. */
  cloudSqlInstance?: string;
}

const CONNECTION_INFO_KEYS = new Set([
  'user',
  'password',
  'databaseName',
  'useJDBCCompliantTimeZoneShift',
  '_serverSslCertificate',
  '_clientSslCertificate',
  '_clientSslKey',
]);
const CLOUD_SQL_INFO_KEYS = new Set(['user', 'password', 'connectTimeoutSeconds', 'queryTimeoutSeconds', 'instance']);
const URL_PARAM_KEYS = new Set(['user', 'password', 'useJDBCCompliantTimeZoneShift', 'databaseName']);

function unsupported(keys: string[]): AppsScriptException {
  return new AppsScriptException(`The following connection properties are unsupported: ${keys.join(',')}.`);
}

export function parseJdbcUrl(url: unknown, cloudSql: boolean): ConnectTarget {
  if (typeof url !== 'string') throw new AppsScriptException('Invalid argument: url');
  const re = cloudSql
    ? /^jdbc:google:mysql:\/\/([^/?]+)(?:\/([^?]*))?(?:\?(.*))?$/
    : /^jdbc:(postgresql|mysql):\/\/([^/?:]+|\[[^\]]+\])(?::(\d+))?\/([^?]*)(?:\?(.*))?$/;
  const m = re.exec(url);
  if (!m) throw new AppsScriptException('Invalid argument: url');
  let target: ConnectTarget;
  let query: string | undefined;
  if (cloudSql) {
    target = {
      engine: 'mysql',
      host: '',
      port: 3306,
      database: decodeURIComponent(m[2] ?? ''),
      cloudSqlInstance: m[1],
    };
    query = m[3];
  } else {
    const engine = m[1] === 'postgresql' ? 'pg' : 'mysql';
    target = {
      engine,
      host: m[2].replace(/^\[|\]$/g, ''),
      port: m[3] ? Number(m[3]) : engine === 'pg' ? 5432 : 3306,
      database: decodeURIComponent(m[4]),
    };
    query = m[5];
  }
  const bad: string[] = [];
  for (const pair of (query ?? '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = decodeURIComponent(eq < 0 ? '' : pair.slice(eq + 1));
    if (!URL_PARAM_KEYS.has(key)) bad.push(key);
    else if (key === 'user') target.user = value;
    else if (key === 'password') target.password = value;
    else if (key === 'databaseName') target.database = value;
  }
  if (bad.length) throw unsupported(bad);
  return target;
}

/** Applies the (url, user, password) or (url, info) arguments. */
export function applyCredentials(target: ConnectTarget, args: unknown[], cloudSql: boolean): ConnectTarget {
  if (args.length >= 2) {
    target.user = args[0] === null || args[0] === undefined ? target.user : String(args[0]);
    target.password = args[1] === null || args[1] === undefined ? target.password : String(args[1]);
  } else if (args.length === 1 && args[0] !== null && typeof args[0] === 'object') {
    const info = args[0] as Record<string, unknown>;
    const allowed = cloudSql ? CLOUD_SQL_INFO_KEYS : CONNECTION_INFO_KEYS;
    const bad = Object.keys(info).filter((k) => !allowed.has(k));
    if (bad.length) throw unsupported(bad);
    if (info.user !== undefined) target.user = String(info.user);
    if (info.password !== undefined) target.password = String(info.password);
    if (info.databaseName !== undefined) target.database = String(info.databaseName);
  }
  return target;
}
