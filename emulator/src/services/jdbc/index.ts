/**
 * The Jdbc service: `Jdbc.getConnection` / `getCloudSqlConnection` backed by real databases
 * (PostgreSQL through pg, MySQL/MariaDB through mysql2, an embedded PGlite) running in a
 * synchronous worker, plus the JdbcDate/Time/Timestamp factories. Host-side, it offers fault
 * injection (servers down, queries killed) and the real cause of each failed connection,
 * which Apps Script hides behind one umbrella message.
 */
import { AppsScriptException } from '../../core/errors';
import type { EmulatedService, ServiceHost } from '../../core/host';
import { callWorker, WorkerFailure, type ConnectRequest } from './bridge';
import { JdbcConnectionFake } from './connection';
import { parseTemporal, wallToEpoch, zoneOffsetAt } from './time';
import { applyCredentials, parseJdbcUrl, type ConnectTarget } from './url';
import { JdbcDateFake, JdbcTimeFake, JdbcTimestampFake } from './values';

export const CONNECTION_FAILED =
  'Failed to establish a database connection. Check connection string, username and password.';
export const FAILED_CONNECTION_QUOTA = 'Service invoked too many times for one day: jdbc failed connection.';
export const CONNECTION_QUOTA = 'Service invoked too many times for one day: jdbc.';

export interface JdbcOptions {
  /** The emulated JVM default zone: timestamps without zone are read and written in it (default 'UTC'). */
  jvmTimeZone?: string;
  /** Host names served by the embedded PGlite (default ['embedded.sheetdash.local']). */
  embeddedHosts?: string[];
  /** Folder where the embedded PGlite keeps its data (default: in memory). */
  pgliteDataDir?: string;
  /** A PGlite data-dir tarball: loaded when it exists (fast start), written after the first start otherwise. */
  pgliteSnapshot?: string;
  /** Redirects "host:port" as written in URLs to another "host:port". */
  hostMap?: Record<string, string>;
  /** Cloud SQL instance connection names ("project:region:instance") to the MySQL "host:port" serving them. */
  cloudSqlInstances?: Record<string, string>;
  /** Failed connections allowed per day (100 consumer, 500 Workspace). */
  failedConnectionQuota?: number;
  /** Connections allowed per day (10,000 consumer, 50,000 Workspace). */
  connectionQuota?: number;
  /** How long a connection attempt may take before it fails (default 10 s). */
  connectTimeoutMs?: number;
  /** Upper bound for any one worker call (default 10 minutes). */
  workerTimeoutMs?: number;
}

export interface ConnectionFailureRecord {
  url: string;
  /** The driver's or emulator's real cause (Apps Script shows only the umbrella text). */
  cause: string;
  code?: string;
  at: number;
}

export interface JdbcService extends EmulatedService {
  /** New connections to hostPort fail; open ones lose their socket (next call fails as the driver would). */
  _takeDown(hostPort: string): void;
  _bringUp(hostPort: string): void;
  /** Cancels the statements running on every open connection (pg_cancel_backend / KILL QUERY). */
  _killActiveQueries(): void;
  _lastConnectionError(): ConnectionFailureRecord | undefined;
  _connectionErrors(): readonly ConnectionFailureRecord[];
  _failedConnectionsToday(): number;
  _openConnections(): number;
}

const DAY_MS = 86_400_000;

class JdbcFake
  implements
    Pick<
      GoogleAppsScript.JDBC.Jdbc,
      | 'getConnection'
      | 'getCloudSqlConnection'
      | 'newDate'
      | 'newTime'
      | 'newTimestamp'
      | 'parseDate'
      | 'parseTime'
      | 'parseTimestamp'
    >
{
  static readonly appsScriptName = 'Jdbc';
  /** Overloads from the Jdbc reference (core/signatures.ts). */
  static readonly appsScriptSignatures = {
    getConnection: ['String', 'String,Object', 'String,String,String'],
    getCloudSqlConnection: ['String', 'String,Object', 'String,String,String'],
  };

  constructor(private readonly _svc: JdbcServiceImpl) {}

  getConnection(url: string, ...rest: unknown[]): GoogleAppsScript.JDBC.JdbcConnection {
    return this._svc.connect(url, rest, false) as unknown as GoogleAppsScript.JDBC.JdbcConnection;
  }

  getCloudSqlConnection(url: string, ...rest: unknown[]): GoogleAppsScript.JDBC.JdbcConnection {
    return this._svc.connect(url, rest, true) as unknown as GoogleAppsScript.JDBC.JdbcConnection;
  }

  newDate(milliseconds: number): GoogleAppsScript.JDBC.JdbcDate {
    return new JdbcDateFake(Number(milliseconds), this._svc.zone) as unknown as GoogleAppsScript.JDBC.JdbcDate;
  }

  newTime(milliseconds: number): GoogleAppsScript.JDBC.JdbcTime {
    return new JdbcTimeFake(Number(milliseconds), this._svc.zone) as unknown as GoogleAppsScript.JDBC.JdbcTime;
  }

  newTimestamp(milliseconds: number): GoogleAppsScript.JDBC.JdbcTimestamp {
    return new JdbcTimestampFake(
      Number(milliseconds),
      this._svc.zone,
    ) as unknown as GoogleAppsScript.JDBC.JdbcTimestamp;
  }

  parseDate(date: string): GoogleAppsScript.JDBC.JdbcDate {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(String(date));
    if (!m) throw new AppsScriptException('Invalid argument: date');
    const ms = wallToEpoch(
      { year: +m[1], month: +m[2], day: +m[3], hour: 0, minute: 0, second: 0, millis: 0 },
      this._svc.zone,
    );
    return new JdbcDateFake(ms, this._svc.zone) as unknown as GoogleAppsScript.JDBC.JdbcDate;
  }

  parseTime(time: string): GoogleAppsScript.JDBC.JdbcTime {
    const m = /^(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(String(time));
    if (!m) throw new AppsScriptException('Invalid argument: time');
    const ms = wallToEpoch(
      { year: 1970, month: 1, day: 1, hour: +m[1], minute: +m[2], second: +m[3], millis: 0 },
      this._svc.zone,
    );
    return new JdbcTimeFake(ms, this._svc.zone) as unknown as GoogleAppsScript.JDBC.JdbcTime;
  }

  parseTimestamp(timestamp: string): GoogleAppsScript.JDBC.JdbcTimestamp {
    const text = String(timestamp);
    const p = /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?$/.test(text)
      ? parseTemporal(text.replace(/-(\d)(?=\D)/g, '-0$1').replace(/ (\d):/, ' 0$1:'))
      : undefined;
    if (!p) throw new AppsScriptException('Timestamp format must be yyyy-mm-dd hh:mm:ss[.fffffffff]');
    return new JdbcTimestampFake(
      wallToEpoch(p.wall, this._svc.zone),
      this._svc.zone,
      p.nanos,
    ) as unknown as GoogleAppsScript.JDBC.JdbcTimestamp;
  }
}

class JdbcServiceImpl implements JdbcService {
  readonly globalName = 'Jdbc';
  readonly global: JdbcFake;
  readonly zone: string;
  private readonly embedded: Set<string>;
  private readonly down = new Set<string>();
  private readonly open = new Set<JdbcConnectionFake>();
  private readonly failures: ConnectionFailureRecord[] = [];
  private readonly failedByDay = new Map<number, number>();
  private readonly okByDay = new Map<number, number>();

  constructor(
    private readonly host: ServiceHost,
    private readonly options: JdbcOptions,
  ) {
    this.zone = options.jvmTimeZone ?? 'UTC';
    this.embedded = new Set((options.embeddedHosts ?? ['embedded.sheetdash.local']).map((h) => h.toLowerCase()));
    this.global = new JdbcFake(this);
  }

  private day(): number {
    return Math.floor(this.host.clock.now() / DAY_MS);
  }

  private fail(url: string, cause: string, code?: string): never {
    const day = this.day();
    this.failedByDay.set(day, (this.failedByDay.get(day) ?? 0) + 1);
    const record = { url, cause, code, at: this.host.clock.now() };
    this.failures.push(record);
    throw new AppsScriptException(CONNECTION_FAILED);
  }

  connect(url: string, rest: unknown[], cloudSql: boolean): JdbcConnectionFake {
    const target: ConnectTarget = applyCredentials(parseJdbcUrl(url, cloudSql), rest, cloudSql);
    const day = this.day();
    if ((this.failedByDay.get(day) ?? 0) >= (this.options.failedConnectionQuota ?? 100))
      throw new AppsScriptException(FAILED_CONNECTION_QUOTA);
    if ((this.okByDay.get(day) ?? 0) >= (this.options.connectionQuota ?? 10_000))
      throw new AppsScriptException(CONNECTION_QUOTA);

    let written: string;
    if (cloudSql) {
      const mapped = this.options.cloudSqlInstances?.[target.cloudSqlInstance!];
      if (!mapped)
        this.fail(
          url,
          `No MySQL server is mapped to Cloud SQL instance "${target.cloudSqlInstance}" (JdbcOptions.cloudSqlInstances).`,
        );
      const [h, p] = splitHostPort(mapped, 3306);
      target.host = h;
      target.port = p;
      written = `${target.cloudSqlInstance}`;
    } else {
      written = `${target.host.toLowerCase()}:${target.port}`;
      if (target.port < 1025)
        this.fail(url, `The JDBC service can only connect to ports 1025 or later (got ${target.port}).`);
    }
    const isEmbedded = !cloudSql && target.engine === 'pg' && this.embedded.has(target.host.toLowerCase());
    let host = target.host;
    let port = target.port;
    const mapped = this.options.hostMap?.[written];
    if (mapped && !isEmbedded) [host, port] = splitHostPort(mapped, port);
    const actual = `${host.toLowerCase()}:${port}`;
    if (this.down.has(written) || this.down.has(actual))
      this.fail(url, `Server ${written} is down (taken down by the test).`);

    const request: ConnectRequest = {
      kind: isEmbedded ? 'pglite' : target.engine,
      host,
      port,
      hostPort: written,
      database: target.database,
      user: target.user,
      password: target.password,
      timeZone: this.zone,
      timeZoneOffset: offsetText(this.zone, this.host.clock.now()),
      connectTimeoutMs: this.options.connectTimeoutMs ?? 10_000,
      pglite: isEmbedded ? { dataDir: this.options.pgliteDataDir, snapshot: this.options.pgliteSnapshot } : undefined,
    };
    let reply: { id: number; version: string };
    try {
      reply = callWorker('connect', request, this.options.workerTimeoutMs ?? 600_000);
    } catch (error) {
      if (error instanceof WorkerFailure) this.fail(url, error.error.message, error.error.code);
      throw error;
    }
    this.okByDay.set(day, (this.okByDay.get(day) ?? 0) + 1);
    const conn = new JdbcConnectionFake({
      workerId: reply.id,
      engine: isEmbedded ? 'pglite' : target.engine,
      url,
      user: target.user ?? '',
      hostPort: written,
      version: reply.version,
      jvmZone: this.zone,
      executionId: this.host.currentExecution()?.id,
      workerTimeoutMs: this.options.workerTimeoutMs ?? 600_000,
      onClose: (c) => this.open.delete(c),
    });
    (conn as unknown as { actualHostPort: string }).actualHostPort = actual;
    this.open.add(conn);
    return conn;
  }

  endExecution(execution: { id: number }): void {
    for (const conn of [...this.open])
      if (conn._executionId() === execution.id || conn._executionId() === undefined) conn._forceClose();
  }

  dispose(): void {
    for (const conn of [...this.open]) conn._forceClose();
  }

  _takeDown(hostPort: string): void {
    const key = hostPort.toLowerCase();
    this.down.add(key);
    const ids = [...this.open]
      .filter((c) => c._hostPort() === key || (c as unknown as { actualHostPort: string }).actualHostPort === key)
      .map((c) => c._workerId());
    if (ids.length) callWorker('sever', { ids }, this.options.workerTimeoutMs ?? 600_000);
  }

  _bringUp(hostPort: string): void {
    this.down.delete(hostPort.toLowerCase());
  }

  _killActiveQueries(): void {
    const ids = [...this.open].map((c) => c._workerId());
    if (ids.length) callWorker('killActive', { ids }, this.options.workerTimeoutMs ?? 600_000);
  }

  _lastConnectionError(): ConnectionFailureRecord | undefined {
    return this.failures[this.failures.length - 1];
  }

  _connectionErrors(): readonly ConnectionFailureRecord[] {
    return this.failures;
  }

  _failedConnectionsToday(): number {
    return this.failedByDay.get(this.day()) ?? 0;
  }

  _openConnections(): number {
    return this.open.size;
  }
}

function splitHostPort(text: string, defaultPort: number): [string, number] {
  const m = /^(.*?)(?::(\d+))?$/.exec(text)!;
  return [m[1], m[2] ? Number(m[2]) : defaultPort];
}

function offsetText(zone: string, at: number): string {
  const minutes = Math.round(zoneOffsetAt(zone, at) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function createJdbcService(host: ServiceHost, options: JdbcOptions): JdbcService {
  return new JdbcServiceImpl(host, options);
}
