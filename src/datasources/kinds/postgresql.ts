/** PostgreSQL through Jdbc.getConnection("jdbc:postgresql://host:port/db"). */
import { credentialInfo, serverFields, type DataSourceKind } from '../kind';
import { POSTGRES_PRIVILEGE_SQL } from '../privilege-sql';

export const postgresqlKind: DataSourceKind = {
  id: 'postgresql',
  label: { en: 'PostgreSQL', ja: 'PostgreSQL' },
  dialect: 'postgresql',
  productName: 'PostgreSQL',
  privilegeSql: POSTGRES_PRIVILEGE_SQL,
  fields: serverFields(5432),
  connectionRequest(o) {
    const host = String(o.host ?? '');
    const port = Number(o.port ?? 5432);
    return {
      method: 'getConnection',
      url: `jdbc:postgresql://${host}:${port}/${encodeURIComponent(String(o.database ?? ''))}`,
      info: credentialInfo(o),
      display: { host, port },
    };
  },
  readOnlySession: 'sessionSql',
  // One statement for the whole session: zone, read-only transactions, statement timeout (ms).
  sessionSql: ({ timeZone, readOnly, timeoutMs }) => {
    const settings = [`set_config('TimeZone', '${timeZone.replace(/'/g, "''")}', false)`];
    if (readOnly) settings.push(`set_config('default_transaction_read_only', 'on', false)`);
    settings.push(`set_config('statement_timeout', '${Math.max(0, Math.floor(timeoutMs))}', false)`);
    return `SELECT ${settings.join(', ')}`;
  },
  timeoutInSession: true,
  versionSql: 'SELECT version()',
  connectionChecks: ['hostPort', 'allowlist', 'credentials', 'tls'],
};
