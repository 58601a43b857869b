/**
 * Cloud SQL for MySQL through Jdbc.getCloudSqlConnection("jdbc:google:mysql://instance/db"):
 * no IP allowlist needed, but the sqlservice scope is.
 */
import { sqlLiteral } from '../../core/params/literal';
import { credentialInfo, type DataSourceKind } from '../kind';
import { MYSQL_PRIVILEGE_SQL } from '../privilege-sql';

export const cloudSqlMysqlKind: DataSourceKind = {
  id: 'cloudsql-mysql',
  label: { en: 'Cloud SQL for MySQL', ja: 'Cloud SQL for MySQL' },
  dialect: 'mysql',
  productName: 'MySQL',
  privilegeSql: MYSQL_PRIVILEGE_SQL,
  fields: [
    {
      name: 'instance',
      label: {
        en: 'Instance connection name (project:region:instance)',
        ja: 'インスタンス接続名 (project:region:instance)',
      },
      type: 'text',
      required: true,
    },
    { name: 'database', label: { en: 'Database', ja: 'データベース' }, type: 'text', required: true },
    { name: 'user', label: { en: 'User', ja: 'ユーザー' }, type: 'text', required: true },
    { name: 'password', label: { en: 'Password', ja: 'パスワード' }, type: 'password', secret: true },
  ],
  connectionRequest(o) {
    const instance = String(o.instance ?? '');
    const info = credentialInfo(o);
    return {
      method: 'getCloudSqlConnection',
      // The database goes in the URL path: the `database` info key is refused by Apps Script.
      url: `jdbc:google:mysql://${instance}/${encodeURIComponent(String(o.database ?? ''))}`,
      info: { user: info.user, password: info.password },
      display: { host: instance, port: 3306 },
    };
  },
  // Named zones need the server's time zone tables, which are often not loaded: then the offset.
  readOnlySession: 'driver',
  sessionSql: ({ timeZone }) => `SET time_zone = ${sqlLiteral(timeZone, 'mysql')}`,
  timeoutInSession: false,
  sessionOffsetSql: (offset) => `SET time_zone = ${sqlLiteral(offset, 'mysql')}`,
  instantTypeNames: ['TIMESTAMP'],
  versionSql: 'SELECT VERSION()',
  connectionChecks: ['cloudSqlInstance', 'credentials', 'mysqlNativePassword'],
};
