/** Opens a JDBC connection as a data source kind described it. */
import type { ConnectionRequest } from '../datasources/kind';

export function openConnection(request: ConnectionRequest): GoogleAppsScript.JDBC.JdbcConnection {
  if (request.method === 'getCloudSqlConnection') {
    return Jdbc.getCloudSqlConnection(request.url, request.info.user, request.info.password);
  }
  return Jdbc.getConnection(request.url, request.info);
}

export function closeQuietly(resource: { close(): void } | null | undefined): void {
  try {
    resource?.close();
  } catch {
    // closing a broken connection may throw; the execution's end closes it anyway
  }
}
