/**
 * MySQL and MariaDB through Jdbc.getConnection("jdbc:mysql://host:port/db"). Apps Script's
 * driver speaks only mysql_native_password, so MySQL 8 users must be switched to it.
 */
import { sqlLiteral } from '../../core/params/literal';
import { credentialInfo, serverFields, type DataSourceKind } from '../kind';
import { MYSQL_PRIVILEGE_SQL } from '../privilege-sql';

export const mysqlKind: DataSourceKind = {
  id: 'mysql',
  label: { en: 'MySQL / MariaDB', ja: 'MySQL / MariaDB' },
  dialect: 'mysql',
  productName: 'MySQL',
  privilegeSql: MYSQL_PRIVILEGE_SQL,
  fields: serverFields(3306),
  connectionRequest(o) {
    const host = String(o.host ?? '');
    const port = Number(o.port ?? 3306);
    return {
      method: 'getConnection',
      url: `jdbc:mysql://${host}:${port}/${encodeURIComponent(String(o.database ?? ''))}`,
      info: credentialInfo(o),
      display: { host, port },
    };
  },
  // Named zones need the server's time zone tables, which are often not loaded: then the offset.
  readOnlySession: 'driver',
  sessionSql: ({ timeZone }) => `SET time_zone = ${sqlLiteral(timeZone, 'mysql')}`,
  timeoutInSession: false,
  sessionOffsetSql: (offset) => `SET time_zone = ${sqlLiteral(offset, 'mysql')}`,
  instantTypeNames: ['TIMESTAMP'],
  versionSql: 'SELECT VERSION()',
  connectionChecks: ['hostPort', 'allowlist', 'credentials', 'mysqlNativePassword', 'tls'],
};
