/**
 * Runs a query against a data source: refuses writes on read-only sources before sending,
 * opens the connection read-only, sets the session time zone to the spreadsheet's, and starts
 * the statement with a timeout and a row cap. Returns the open result set and its columns.
 */
import { translate, type Lang } from '../../core/i18n';
import { checkReadOnly } from '../../core/sql/read-only';
import { readOnlyMessage } from '../../core/sql/read-only-message';
import { UserError, errorMessage } from '../../core/user-error';
import { columnKind, SQL_TYPES, type ColumnKind } from '../../core/values/jdbc-types';
import type { ZoneShift } from '../../core/values/zone-offsets';
import type { DataSourceConfig } from '../../datasources/config';
import { findKind, listKinds } from '../../datasources/registry';
import type { Dialect } from '../../datasources/kind';
import { closeQuietly } from '../../adapters/jdbc';
import type { BoundValue } from '../../core/params/bound-sql';
import { inlineLiterals } from '../../core/params/literal';
import { connect } from '../datasources';
import { setSessionTimeZone } from './session-zone';

export interface ResultColumn {
  label: string;
  kind: ColumnKind;
  /** Set when the session could only take a fixed offset: moves this column's instants into the sheet's zone. */
  shift?: ZoneShift;
}

export interface RunningQuery {
  connection: GoogleAppsScript.JDBC.JdbcConnection;
  resultSet: GoogleAppsScript.JDBC.JdbcResultSet;
  columns: ResultColumn[];
}

export interface QueryRunOptions {
  sql: string;
  /** Values for the `?` placeholders of `sql`, bound with a prepared statement. */
  values?: BoundValue[];
  timeoutSeconds: number;
  /** Rows to ask the driver for at most (the cap plus one, to see truncation). */
  maxRows: number;
  timeZone: string;
  scheduled: boolean;
}

/** Runs the SQL: a plain statement, or a prepared one when there are values to bind. */
function execute(connection: GoogleAppsScript.JDBC.JdbcConnection, options: QueryRunOptions, dialect: Dialect): GoogleAppsScript.JDBC.JdbcResultSet {
  const values = options.values ?? [];
  if (values.length === 0) {
    const statement = connection.createStatement();
    statement.setQueryTimeout(options.timeoutSeconds);
    statement.setMaxRows(options.maxRows);
    return statement.executeQuery(options.sql);
  }
  try {
    const statement = connection.prepareStatement(options.sql);
    statement.setQueryTimeout(options.timeoutSeconds);
    statement.setMaxRows(options.maxRows);
    values.forEach((value, i) => bind(statement, i + 1, value));
    return statement.executeQuery();
  } catch (error) {
    // Apps Script's driver for external MySQL 8 may refuse placeholders outright.
    if (!/Parameter index out of range/.test(errorMessage(error))) throw error;
    const statement = connection.createStatement();
    statement.setQueryTimeout(options.timeoutSeconds);
    statement.setMaxRows(options.maxRows);
    return statement.executeQuery(inlineLiterals({ sql: options.sql, values }, dialect));
  }
}

function bind(statement: GoogleAppsScript.JDBC.JdbcPreparedStatement, index: number, value: BoundValue): void {
  if (value === null) statement.setNull(index, 12 /* java.sql.Types.VARCHAR */);
  else if (typeof value === 'number' && Number.isSafeInteger(value)) {
    if (Math.abs(value) <= 2_147_483_647) statement.setInt(index, value);
    else statement.setLong(index, value);
  } else if (typeof value === 'number') statement.setDouble(index, value);
  else if (typeof value === 'boolean') statement.setBoolean(index, value);
  else statement.setString(index, value);
}

export function assertReadOnly(config: DataSourceConfig, sql: string, lang: Lang): void {
  if (config.writable) return;
  const kind = findKind(config.kind);
  // Fail closed: a kind this version does not know has no lexer to check with.
  if (!kind) {
    const kinds = listKinds().map((k) => k.id).join(', ');
    throw new UserError(translate(lang, 'ds.unknownKind', { kind: config.kind, kinds }));
  }
  const check = checkReadOnly(sql, kind.dialect);
  if (!check.ok) throw new UserError(readOnlyMessage(check.problem, check.word, kind.dialect, lang));
}

export function startQuery(config: DataSourceConfig, options: QueryRunOptions, lang: Lang): RunningQuery {
  assertReadOnly(config, options.sql, lang);
  const kind = findKind(config.kind)!;
  const connection = connect(config, lang, { scheduled: options.scheduled });
  try {
    if (!config.writable) connection.setReadOnly(true);
    const sessionZone = setSessionTimeZone(connection, kind, options.timeZone);
    let resultSet: GoogleAppsScript.JDBC.JdbcResultSet;
    try {
      resultSet = execute(connection, options, kind.dialect);
    } catch (error) {
      const message = errorMessage(error);
      if (/cancel|timed? ?out|timeout/i.test(message)) {
        throw new UserError(translate(lang, 'refresh.timeout', { seconds: options.timeoutSeconds }), message);
      }
      throw new UserError(translate(lang, 'refresh.queryFailed', { error: message }), message);
    }
    const meta = resultSet.getMetaData();
    const count = meta.getColumnCount();
    const columns: ResultColumn[] = [];
    for (let c = 1; c <= count; c++) {
      const type = meta.getColumnType(c);
      // Precision matters only for BIT (BIT(1) is a boolean): ask for it only then.
      const precision = type === SQL_TYPES.BIT ? meta.getPrecision(c) : 0;
      const typeName = meta.getColumnTypeName(c);
      columns.push({
        label: meta.getColumnLabel(c),
        kind: columnKind(type, typeName, precision),
        shift: sessionZone.shiftFor(typeName),
      });
    }
    return { connection, resultSet, columns };
  } catch (error) {
    closeQuietly(connection);
    throw error;
  }
}
