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
  sessionSql: (timeZone, _offset, readOnly) => {
    const zone = `set_config('TimeZone', '${timeZone.replace(/'/g, "''")}', false)`;
    return readOnly ? `SELECT ${zone}, set_config('default_transaction_read_only', 'on', false)` : `SELECT ${zone}`;
  },
  versionSql: 'SELECT version()',
  connectionChecks: ['hostPort', 'allowlist', 'credentials', 'tls'],
};
