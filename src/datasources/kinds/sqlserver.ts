/** Microsoft SQL Server through Jdbc.getConnection("jdbc:sqlserver://host:port;databaseName=db"). */
import { credentialInfo, serverFields, type DataSourceKind } from '../kind';

export const sqlServerKind: DataSourceKind = {
  id: 'sqlserver',
  label: { en: 'SQL Server', ja: 'SQL Server' },
  dialect: 'transactsql',
  productName: 'Microsoft SQL Server',
  privilegeSql: null,
  fields: serverFields(1433),
  connectionRequest(o) {
    const host = String(o.host ?? '');
    const port = Number(o.port ?? 1433);
    return {
      method: 'getConnection',
      url: `jdbc:sqlserver://${host}:${port};databaseName=${String(o.database ?? '')}`,
      info: credentialInfo(o),
      display: { host, port },
    };
  },
  // SQL Server has no session time zone; DATETIMEOFFSET values keep their own offset.
  readOnlySession: 'driver',
  sessionSql: () => null,
  timeoutInSession: false,
  versionSql: 'SELECT @@VERSION',
  connectionChecks: ['hostPort', 'allowlist', 'credentials', 'tls'],
};
