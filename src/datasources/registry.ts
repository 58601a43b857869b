/**
 * The registry of data source kinds. Adding a kind is one new file in kinds/ and one line here.
 */
import type { DataSourceKind } from './kind';
import { cloudSqlMysqlKind } from './kinds/cloudsql-mysql';
import { mysqlKind } from './kinds/mysql';
import { postgresqlKind } from './kinds/postgresql';
import { sqlServerKind } from './kinds/sqlserver';

const KINDS: DataSourceKind[] = [postgresqlKind, mysqlKind, cloudSqlMysqlKind, sqlServerKind];

export function listKinds(): readonly DataSourceKind[] {
  return KINDS;
}

export function findKind(id: string): DataSourceKind | undefined {
  return KINDS.find((k) => k.id === id);
}
