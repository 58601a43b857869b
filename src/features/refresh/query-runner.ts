/**
 * Runs a query against a data source: refuses writes on read-only sources before sending,
 * makes the session read-only at the server (by the driver or the kind's session SQL), sets the
 * session time zone to the spreadsheet's, and starts the statement with a timeout (the one
 * asked for, or the time the execution has left if that is shorter) and a row cap. Returns the
 * open result set and its columns. Failures are classified by structure, never by the
 * (localized) text of the error: a statement that failed once its timeout had passed timed out;
 * a prepared statement refused by a driver that also refuses a one-placeholder probe is re-run
 * with literals.
 */
import { translate, type Lang } from '../../core/i18n';
import { checkReadOnly } from '../../core/sql/read-only';
import { readOnlyMessage } from '../../core/sql/read-only-message';
import { OutOfTimeError, TimeoutError, UserError, errorMessage } from '../../core/user-error';
import { columnKind, SQL_TYPES, type ColumnKind } from '../../core/values/jdbc-types';
import type { ZoneShift } from '../../core/values/zone-offsets';
import type { DataSourceConfig } from '../../datasources/config';
import { findKind, listKinds } from '../../datasources/registry';
import type { DataSourceKind, Dialect } from '../../datasources/kind';
import { closeQuietly } from '../../adapters/jdbc';
import type { BoundValue } from '../../core/params/bound-sql';
import { inlineLiterals } from '../../core/params/literal';
import type { ExecutionContext } from '../context';
import { connect } from '../datasources';
import { type SessionZone, setUpSession } from './session-zone';

/** A statement that failed this close to its timeout (or later) was stopped by the timeout. */
const TIMEOUT_TOLERANCE_MS = 250;
/** Type codes whose database type name changes how the column is converted (see columnKind). */
const NAME_DEPENDENT_TYPES: readonly number[] = [
  SQL_TYPES.BIT,
  SQL_TYPES.INTEGER,
  SQL_TYPES.DATE,
  SQL_TYPES.TIME,
  SQL_TYPES.TIMESTAMP,
];

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
  scheduled: boolean;
}

/** A query's run options once its session is set up: did the session statement set the timeout? */
interface SessionRunOptions extends QueryRunOptions {
  timeoutInSession: boolean;
}

type Statement = GoogleAppsScript.JDBC.JdbcStatement;
type Connection = GoogleAppsScript.JDBC.JdbcConnection;
type ResultSet = GoogleAppsScript.JDBC.JdbcResultSet;

function limit(statement: Statement, options: SessionRunOptions): void {
  if (!options.timeoutInSession) statement.setQueryTimeout(options.timeoutSeconds);
  statement.setMaxRows(options.maxRows);
}

/** Does the driver accept a `?` placeholder at all? Run only after a prepared statement failed. */
function placeholdersWork(connection: Connection, timeoutSeconds: number): boolean {
  try {
    const probe = connection.prepareStatement('SELECT ?');
    probe.setQueryTimeout(timeoutSeconds);
    probe.setString(1, 'probe');
    closeQuietly(probe.executeQuery());
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the SQL: on `setup` (the statement that set the session up) when there is nothing to
 * bind, else as a prepared statement. If the prepared statement fails and the driver refuses
 * even a one-placeholder probe (reported for external MySQL 8 through Apps Script), the SQL is
 * re-run with dialect-correct literals.
 */
function execute(
  connection: Connection,
  setup: Statement | null,
  options: SessionRunOptions,
  dialect: Dialect,
): ResultSet {
  const values = options.values ?? [];
  const plain = (sql: string): ResultSet => {
    const statement = setup ?? connection.createStatement();
    limit(statement, options);
    return statement.executeQuery(sql);
  };
  if (values.length === 0) return plain(options.sql);
  try {
    const statement = connection.prepareStatement(options.sql);
    limit(statement, options);
    values.forEach((value, i) => {
      bind(statement, i + 1, value);
    });
    return statement.executeQuery();
  } catch (error) {
    if (placeholdersWork(connection, options.timeoutSeconds)) throw error;
    return plain(inlineLiterals({ sql: options.sql, values }, dialect));
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
    const kinds = listKinds()
      .map((k) => k.id)
      .join(', ');
    throw new UserError(translate(lang, 'ds.unknownKind', { kind: config.kind, kinds }));
  }
  const check = checkReadOnly(sql, kind.dialect);
  if (!check.ok) throw new UserError(readOnlyMessage(check.problem, check.word, kind.dialect, lang));
}

/** The data source's kind; an unknown kind is refused (fail closed), never given a default. */
export function kindOf(config: DataSourceConfig, lang: Lang): DataSourceKind {
  const kind = findKind(config.kind);
  if (kind) return kind;
  const kinds = listKinds()
    .map((k) => k.id)
    .join(', ');
  throw new UserError(translate(lang, 'ds.unknownKind', { kind: config.kind, kinds }));
}

/** The statement timeout: the one asked for, or the whole seconds the execution has left. */
export function effectiveTimeout(requestedSeconds: number, ctx: ExecutionContext): number {
  const left = Math.floor(ctx.deadline.remainingMs() / 1000);
  if (left < 1) {
    const seconds = Math.round(ctx.deadline.elapsedMs() / 1000);
    throw new OutOfTimeError(translate(ctx.lang, 'refresh.tooSlow', { seconds }));
  }
  return Math.min(requestedSeconds, left);
}

function readColumns(resultSet: ResultSet, sessionZone: SessionZone): ResultColumn[] {
  const meta = resultSet.getMetaData();
  const count = meta.getColumnCount();
  const columns: ResultColumn[] = [];
  for (let c = 1; c <= count; c++) {
    const type = meta.getColumnType(c);
    // The type name and precision are asked for only where they change the conversion.
    const name = NAME_DEPENDENT_TYPES.includes(type) ? meta.getColumnTypeName(c) : '';
    const precision = type === SQL_TYPES.BIT ? meta.getPrecision(c) : 0;
    columns.push({
      label: meta.getColumnLabel(c),
      kind: columnKind(type, name, precision),
      shift: sessionZone.shiftFor(name),
    });
  }
  return columns;
}

export function startQuery(config: DataSourceConfig, request: QueryRunOptions, ctx: ExecutionContext): RunningQuery {
  const lang = ctx.lang;
  assertReadOnly(config, request.sql, lang);
  const kind = kindOf(config, lang);
  const connection = connect(config, lang, { scheduled: request.scheduled });
  try {
    const readOnly = !config.writable;
    if (readOnly && kind.readOnlySession === 'driver') connection.setReadOnly(true);
    // Asked for after connecting, so the time spent connecting counts against the execution's deadline.
    const timeoutSeconds = effectiveTimeout(request.timeoutSeconds, ctx);
    const sessionZone = setUpSession(connection, kind, {
      timeZone: ctx.timeZone(),
      nowMs: ctx.clock.now(),
      readOnly,
      timeoutSeconds,
    });
    const setup = sessionZone.statement;
    const options: SessionRunOptions = { ...request, timeoutSeconds, timeoutInSession: sessionZone.timeoutSet };
    let resultSet: ResultSet;
    const sent = ctx.clock.now();
    try {
      resultSet = execute(connection, setup, options, kind.dialect);
    } catch (error) {
      const message = errorMessage(error);
      if (ctx.clock.now() - sent >= options.timeoutSeconds * 1000 - TIMEOUT_TOLERANCE_MS) {
        // the execution's time, not the query's own limit, when the timeout was cut to fit the deadline
        const TimedOut = options.timeoutSeconds < request.timeoutSeconds ? OutOfTimeError : TimeoutError;
        throw new TimedOut(translate(lang, 'refresh.timeout', { seconds: options.timeoutSeconds }), message);
      }
      throw new UserError(translate(lang, 'refresh.queryFailed', { error: message }), message);
    }
    return { connection, resultSet, columns: readColumns(resultSet, sessionZone) };
  } catch (error) {
    closeQuietly(connection);
    throw error;
  }
}
