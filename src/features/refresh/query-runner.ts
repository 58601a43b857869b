/**
 * Runs a query against a data source: refuses writes on read-only sources before sending,
 * opens the connection read-only, sets the session time zone to the spreadsheet's, and starts
 * the statement with a timeout and a row cap. Returns the open result set and its columns.
 */
import { translate, type Lang } from '../../core/i18n';
import { checkReadOnly } from '../../core/sql/read-only';
import { UserError, errorMessage } from '../../core/user-error';
import { columnKind, type ColumnKind } from '../../core/values/jdbc-types';
import type { DataSourceConfig } from '../../datasources/config';
import { parserFor } from '../../datasources/dialects';
import { findKind } from '../../datasources/registry';
import { closeQuietly } from '../../adapters/jdbc';
import { connect } from '../datasources';

export interface ResultColumn {
  label: string;
  kind: ColumnKind;
}

export interface RunningQuery {
  connection: GoogleAppsScript.JDBC.JdbcConnection;
  resultSet: GoogleAppsScript.JDBC.JdbcResultSet;
  columns: ResultColumn[];
}

export interface QueryRunOptions {
  sql: string;
  timeoutSeconds: number;
  /** Rows to ask the driver for at most (the cap plus one, to see truncation). */
  maxRows: number;
  timeZone: string;
  scheduled: boolean;
}

export function assertReadOnly(config: DataSourceConfig, sql: string, lang: Lang): void {
  if (config.writable) return;
  const kind = findKind(config.kind);
  if (!kind) return;
  const check = checkReadOnly(sql, parserFor(kind.dialect));
  if (check.ok) return;
  if (check.problem === 'empty') throw new UserError(translate(lang, 'sql.empty'));
  if (check.problem === 'multiple-statements') throw new UserError(translate(lang, 'sql.multiple'));
  if (check.problem === 'select-into') throw new UserError(translate(lang, 'sql.selectInto'));
  throw new UserError(translate(lang, 'sql.notRead', { statement: check.statement ?? '?' }));
}

export function startQuery(config: DataSourceConfig, options: QueryRunOptions, lang: Lang): RunningQuery {
  assertReadOnly(config, options.sql, lang);
  const kind = findKind(config.kind)!;
  const connection = connect(config, lang, { scheduled: options.scheduled });
  try {
    if (!config.writable) connection.setReadOnly(true);
    const offset = Utilities.formatDate(new Date(), options.timeZone, 'XXX').replace(/^Z$/, '+00:00');
    const tzSql = kind.sessionTimeZoneSql(options.timeZone, offset);
    const statement = connection.createStatement();
    if (tzSql) statement.execute(tzSql);
    statement.setQueryTimeout(options.timeoutSeconds);
    statement.setMaxRows(options.maxRows);
    let resultSet: GoogleAppsScript.JDBC.JdbcResultSet;
    try {
      resultSet = statement.executeQuery(options.sql);
    } catch (error) {
      const message = errorMessage(error);
      if (/cancel(l)?ed|timed? ?out|timeout/i.test(message)) {
        throw new UserError(translate(lang, 'refresh.timeout', { seconds: options.timeoutSeconds }), message);
      }
      throw new UserError(translate(lang, 'refresh.queryFailed', { error: message }), message);
    }
    const meta = resultSet.getMetaData();
    const count = meta.getColumnCount();
    const columns: ResultColumn[] = [];
    for (let c = 1; c <= count; c++) {
      columns.push({ label: meta.getColumnLabel(c), kind: columnKind(meta.getColumnType(c), meta.getColumnTypeName(c), meta.getPrecision(c)) });
    }
    return { connection, resultSet, columns };
  } catch (error) {
    closeQuietly(connection);
    throw error;
  }
}
