/**
 * What a data source kind declares: its configuration fields (and which are secret), its SQL
 * dialect, how it turns a configuration into a JDBC connection request, and its known
 * quirks. Kinds are pure: the JDBC adapter makes the actual call.
 */
import type { Dialect, FieldView, Lang } from '../shared/api-types';

export type { Dialect };

/** A configuration field as the kind declares it: the sidebar's FieldView, labelled in each language. */
export interface FieldSpec extends Omit<FieldView, 'label'> {
  label: Record<Lang, string>;
  /**
   * A secret that decides where the other secrets may go (the server's CA certificate, which
   * pins the server the password is sent to): a new value, or clearing it, is a change of target.
   */
  bindsTarget?: true;
}

/** What a user can check when a connection fails; each kind lists the ones that apply to it, in order. */
export type ConnectionCheck =
  | 'hostPort'
  | 'cloudSqlInstance'
  | 'allowlist'
  | 'credentials'
  | 'mysqlNativePassword'
  | 'tls';

export type OptionValues = Record<string, string | number | boolean | undefined>;

/** What the JDBC adapter needs to open a connection. */
export interface ConnectionRequest {
  method: 'getConnection' | 'getCloudSqlConnection';
  url: string;
  info: Record<string, string>;
  /** Where the connection goes, for messages ("db.example.com:5432"). */
  display: { host: string; port: number };
}

/** What a query's session is set up with (see DataSourceKind.sessionSql). */
export interface SessionSettings {
  timeZone: string;
  offset: string;
  readOnly: boolean;
  timeoutMs: number;
}

export interface DataSourceKind {
  id: string;
  label: Record<Lang, string>;
  dialect: Dialect;
  fields: FieldSpec[];
  connectionRequest(options: OptionValues): ConnectionRequest;
  /**
   * How a read-only source's session is made read-only at the server: by the driver's
   * setReadOnly (Connector/J sends SET SESSION TRANSACTION READ ONLY), or by `sessionSql`
   * (pgjdbc's setReadOnly sends nothing while autocommit is on, its default readOnlyMode).
   */
  readOnlySession: 'driver' | 'sessionSql';
  /**
   * One statement that makes the session render and interpret times in `timeZone` (IANA) /
   * `offset` ("+09:00"); when `readOnly` and the kind's `readOnlySession` is 'sessionSql',
   * makes every transaction of the session read-only; and when the kind's `timeoutInSession`
   * is true, limits every later statement of the session to `timeoutMs` (0: no limit).
   */
  sessionSql(session: SessionSettings): string | null;
  /**
   * True when `sessionSql` sets the statement timeout for the whole session (PostgreSQL's
   * statement_timeout), so the query needs no setQueryTimeout call of its own.
   */
  timeoutInSession: boolean;
  /**
   * When the server refuses `sessionSql` (MySQL without time zone tables), SQL that sets
   * the session to the zone's current fixed `offset` instead. Values of `instantTypeNames` are
   * then moved into the zone one by one, since today's offset is wrong across a DST change.
   */
  sessionOffsetSql?(offset: string): string;
  /** Type names (as the driver reports them) of columns holding instants rendered in the session zone. */
  instantTypeNames?: string[];
  /** A trivial query that returns the server's version as one text column. */
  versionSql: string;
  /** The privilege probe of "Test connection" (see privilege-sql.ts), or null if the kind has none. */
  privilegeSql: string | null;
  productName: string;
  /** The checklist shown after a failed connection, in the order to check. */
  connectionChecks: ConnectionCheck[];
}

/** Fields shared by the host/port/database/user/password kinds. */
export function serverFields(defaultPort: number): FieldSpec[] {
  return [
    { name: 'host', label: { en: 'Host', ja: 'ホスト' }, type: 'text', required: true },
    { name: 'port', label: { en: 'Port', ja: 'ポート' }, type: 'number', required: true, default: defaultPort },
    { name: 'database', label: { en: 'Database', ja: 'データベース' }, type: 'text', required: true },
    { name: 'user', label: { en: 'User', ja: 'ユーザー' }, type: 'text', required: true },
    { name: 'password', label: { en: 'Password', ja: 'パスワード' }, type: 'password', secret: true },
    ...sslFields(),
  ];
}

export function sslFields(): FieldSpec[] {
  return [
    {
      name: 'serverCertificate',
      label: { en: 'Server CA certificate (PEM)', ja: 'サーバー CA 証明書 (PEM)' },
      type: 'textarea',
      secret: true,
      bindsTarget: true,
    },
    {
      name: 'clientCertificate',
      label: { en: 'Client certificate (PEM)', ja: 'クライアント証明書 (PEM)' },
      type: 'textarea',
      secret: true,
    },
    {
      name: 'clientKey',
      label: { en: 'Client key (PEM)', ja: 'クライアント鍵 (PEM)' },
      type: 'textarea',
      secret: true,
    },
  ];
}

/** user, password and the SSL material as Apps Script's `info` keys. */
export function credentialInfo(options: OptionValues): Record<string, string> {
  const info: Record<string, string> = { user: String(options.user ?? ''), password: String(options.password ?? '') };
  if (options.serverCertificate) info._serverSslCertificate = String(options.serverCertificate);
  if (options.clientCertificate) info._clientSslCertificate = String(options.clientCertificate);
  if (options.clientKey) info._clientSslKey = String(options.clientKey);
  return info;
}
