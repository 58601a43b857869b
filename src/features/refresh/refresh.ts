/**
 * Refresh: a data source plus SQL becomes a result tab. Rows are read with getRows in batches
 * (JDBC calls grow with rows / batch, not rows x columns) and converted. A result that fits one
 * write (one batch) goes straight into the result tab with one setValues: no other tab is made.
 * A larger one is written chunk by chunk into a hidden staging tab and published in one copy.
 * Either way the result tab changes in one step under the document lock, and any failure
 * before it leaves the previous result intact. Reading stops when the execution's deadline
 * passes; every run is recorded in the run log.
 */
import { translate, type Lang } from '../../core/i18n';
import { OutOfTimeError, SkipError, TimeoutError, UserError, errorMessage } from '../../core/user-error';
import type { RowCollector } from '../../core/alerts/collect';
import { TEMPORAL_FORMATS, toCellValue, type CellValue } from '../../core/values/cell-value';
import { uniqueHeaders } from '../../core/values/headers';
import { sheetIdOf } from '../../adapters/sheets';
import { zoneOffsets } from '../../core/values/zone-offsets';
import { closeQuietly } from '../../adapters/jdbc';
import type { BoundValue } from '../../core/params/bound-sql';
import type { DataSourceConfig } from '../../datasources/config';
import type { CheckSummaryView, RefreshResultView } from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import { getDataSource } from '../datasources';
import { startQuery, type ResultColumn } from './query-runner';
import { PLAIN_FORMAT, publish, writeResult, type Published } from './result-tab';
import { appendRunLog } from './run-log';
import { StagingTab } from './staging-tab';

export const DEFAULT_ROW_LIMIT = 100_000;
/** Cells one result may fill; past it the result is cut, with a message. */
export const MAX_RESULT_CELLS = 1_000_000;
export const DEFAULT_TIMEOUT_SECONDS = 120;
/** Cells per getRows batch and per write: a result of at most this many cells takes one write. */
export const CELLS_PER_CHUNK = 50_000;
/** Longest wait for the document lock before publishing. */
const LOCK_WAIT_MS = 30_000;

export interface RefreshRequest {
  queryId: string;
  queryName: string;
  sql: string;
  /** The SQL as the user wrote it (with {{ parameters }}), for the result tab's note; defaults to `sql`. */
  displaySql?: string;
  /** Values for the `?` placeholders of `sql` (from the query's parameters). */
  values?: BoundValue[];
  dataSourceId: string;
  /** The data source, when the caller has read it already. */
  config?: DataSourceConfig;
  rowLimit?: number;
  timeoutSeconds?: number;
  /** Scheduled runs skip paused data sources. */
  scheduled?: boolean;
  /** Who or what started the run, for the run log. */
  startedBy: string;
  /** Keeps what the query's alerts need of the rows, as they are read. */
  collector?: RowCollector;
  /**
   * Called once the run is over, before it is logged: the query's alerts evaluated against it
   * (`failure` classifies a run without a result), as the run log and the answer show them.
   */
  afterRun?: (result: RefreshResult, failure: RunFailure | null) => CheckSummaryView | undefined;
}

/** Why a run gave no result, by the refresh's own classification (never by an error's text). */
export type RunFailure = 'query-failed' | 'query-timeout' | 'source-paused';

function failureOf(error: unknown): RunFailure {
  if (error instanceof SkipError) return 'source-paused';
  return error instanceof TimeoutError ? 'query-timeout' : 'query-failed';
}

/** What a refresh reports (the API adds the result tab's link). */
export type RefreshResult = Omit<RefreshResultView, 'link'>;

/** Rows read so far, converted, with what the cap cut. */
interface Reader {
  columns: ResultColumn[];
  rowCap: number;
  /** Reads the next batch; null at the end of the result (or of the cap). */
  next(): CellValue[][] | null;
  truncated(): boolean;
}

function reader(
  ctx: ExecutionContext,
  resultSet: GoogleAppsScript.JDBC.JdbcResultSet,
  columns: ResultColumn[],
  rowLimit: number,
  collector?: RowCollector,
): Reader {
  const rowCap = Math.min(rowLimit, Math.floor(MAX_RESULT_CELLS / columns.length));
  const batchSize = Math.max(100, Math.floor(CELLS_PER_CHUNK / columns.length));
  const spec = columns.map((_, i) => `getString(${i + 1})`).join(',');
  let read = 0;
  let truncated = false;
  let ended = false;
  return {
    columns,
    rowCap,
    truncated: () => truncated,
    next: () => {
      if (ended) return null;
      if (ctx.deadline.remainingMs() <= 0) {
        const seconds = Math.round(ctx.deadline.elapsedMs() / 1000);
        throw new OutOfTimeError(translate(ctx.lang, 'refresh.tooSlow', { seconds }));
      }
      let batch = resultSet.getRows(spec, batchSize) as (string | null)[][];
      if (batch.length === 0) {
        ended = true;
        return null;
      }
      // getRows reads on until it has batchSize rows or the result ends: a short batch is the last.
      if (batch.length < batchSize) ended = true;
      if (read + batch.length > rowCap) {
        batch = batch.slice(0, rowCap - read);
        truncated = true;
        ended = true;
      }
      read += batch.length;
      const cells = batch.map((row) =>
        row.map((text, c): CellValue => toCellValue(text, columns[c].kind, columns[c].shift)),
      );
      collector?.add(cells);
      return cells;
    },
  };
}

function columnFormats(columns: ResultColumn[]): string[] {
  return columns.map((column) => TEMPORAL_FORMATS[column.kind] ?? PLAIN_FORMAT);
}

/** "2026-11-30 17:05:09 (Asia/Tokyo)": from the engine's zone data, else (a zone it lacks) Utilities. */
function wallClock(utcMs: number, timeZone: string): string {
  const offsetAt = zoneOffsets(timeZone);
  if (!offsetAt) return Utilities.formatDate(new Date(utcMs), timeZone, 'yyyy-MM-dd HH:mm:ss z');
  const iso = new Date(utcMs + offsetAt(utcMs)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} (${timeZone})`;
}

function sourceNote(
  ctx: ExecutionContext,
  request: RefreshRequest,
  source: string,
  rows: number,
  truncated: boolean,
): string {
  return translate(ctx.lang, 'refresh.source', {
    query: request.queryName,
    source,
    at: wallClock(ctx.clock.now(), ctx.timeZone()),
    rows,
    truncated: truncated ? translate(ctx.lang, 'refresh.sourceTruncated') : '',
    sql: (request.displaySql ?? request.sql).slice(0, 20_000),
  });
}

function locked<T>(ctx: ExecutionContext, fn: () => T): T {
  const wait = Math.max(1_000, Math.min(LOCK_WAIT_MS, ctx.deadline.remainingMs()));
  const result = ctx.lock.hold(wait, fn);
  if (!result.ok) throw new UserError(translate(ctx.lang, 'refresh.busy'));
  return result.value;
}

/** Writes the rows read so far and the rest of the result through a staging tab, then publishes it. */
function viaStaging(
  ctx: ExecutionContext,
  request: RefreshRequest,
  rows: Reader,
  first: CellValue[][][],
  header: string[],
  source: string,
): { published: Published; rowCount: number } {
  StagingTab.removeStale(ctx);
  const runId = String(ctx.deadline.startedAt) + Math.floor(Math.random() * 1e6);
  const staging = StagingTab.create(ctx, runId, rows.columns.length);
  try {
    first.forEach((chunk, i) => {
      staging.appendRows(chunk, i === 0 ? header : undefined);
    });
    for (let chunk = rows.next(); chunk !== null; chunk = rows.next()) staging.appendRows(chunk);
    columnFormats(rows.columns).forEach((format, i) => {
      if (format !== PLAIN_FORMAT && staging.rowCount > 0) staging.setColumnFormat(i + 1, format);
    });
    staging.setHeaderNote(sourceNote(ctx, request, source, staging.rowCount, rows.truncated()));
    const published = locked(ctx, () => publish(ctx, staging, request.queryId, request.queryName));
    return { published, rowCount: staging.rowCount };
  } catch (error) {
    try {
      staging.discard();
    } catch {
      // a leftover staging tab is removed by a later refresh
    }
    throw error;
  }
}

/**
 * Writes the whole result: straight into the result tab when it came in one batch (the
 * connection is closed first: nothing more is read), else through a staging tab.
 */
function writeAll(
  ctx: ExecutionContext,
  request: RefreshRequest,
  rows: Reader,
  header: string[],
  source: string,
  closeConnection: () => void,
): { published: Published; rowCount: number } {
  const first = rows.next();
  const second = first === null ? null : rows.next();
  if (second !== null) return viaStaging(ctx, request, rows, [first ?? [], second], header, source);
  closeConnection();
  const data = first ?? [];
  const grid = {
    header,
    rows: data,
    formats: columnFormats(rows.columns),
    note: sourceNote(ctx, request, source, data.length, rows.truncated()),
  };
  const direct = locked(ctx, () => writeResult(ctx, request.queryId, request.queryName, grid));
  if (direct) return { published: direct, rowCount: data.length };
  // A large old result to clear: through a staging tab, whose one copy replaces it all.
  return viaStaging(ctx, request, rows, [data], header, source);
}

export function refresh(request: RefreshRequest, ctx: ExecutionContext): RefreshResult {
  const lang = ctx.lang;
  const started = ctx.clock.now();
  let dataSourceName = request.dataSourceId;
  try {
    const config = request.config ?? getDataSource(request.dataSourceId, lang);
    dataSourceName = config.name;
    const rowLimit = Math.max(1, Math.min(request.rowLimit ?? DEFAULT_ROW_LIMIT, MAX_RESULT_CELLS));
    const timeoutSeconds = request.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    const query = {
      sql: request.sql,
      values: request.values,
      timeoutSeconds,
      maxRows: rowLimit + 1,
      scheduled: request.scheduled === true,
    };
    const running = startQuery(config, query, ctx);
    let open = true;
    const close = () => {
      if (open) closeQuietly(running.connection);
      open = false;
    };
    try {
      const { columns, resultSet } = running;
      if (columns.length === 0) throw new UserError(translate(lang, 'refresh.noColumns'));
      const { headers, renamed } = uniqueHeaders(columns.map((c) => c.label));
      const header = headers.map((h) => `'${h}`);
      request.collector?.start(
        headers,
        columns.map((c) => c.kind),
      );
      const rows = reader(ctx, resultSet, columns, rowLimit, request.collector);
      const { published, rowCount } = writeAll(ctx, request, rows, header, config.name, close);
      const truncated = rows.truncated();
      const warnings = [...published.warnings];
      if (renamed.length > 0) warnings.push(translate(lang, 'refresh.duplicateColumns', { names: renamed.join(', ') }));
      if (truncated)
        warnings.push(
          translate(lang, 'refresh.truncated', { rows: rowCount, cells: MAX_RESULT_CELLS.toLocaleString('en-US') }),
        );
      const result: RefreshResult = {
        ok: true,
        queryId: request.queryId,
        sheetName: published.sheet.getName(),
        sheetId: sheetIdOf(published.sheet),
        rows: rowCount,
        columns: columns.length,
        truncated,
        durationMs: ctx.clock.now() - started,
        message: '',
        warnings,
      };
      return finish(request, dataSourceName, result, null, lang);
    } finally {
      close();
    }
  } catch (error) {
    const result: RefreshResult = {
      ok: false,
      skipped: error instanceof SkipError,
      queryId: request.queryId,
      sheetName: null,
      sheetId: null,
      rows: 0,
      columns: 0,
      truncated: false,
      durationMs: ctx.clock.now() - started,
      message: error instanceof UserError ? error.message : errorMessage(error),
      warnings: [],
      ...(error instanceof OutOfTimeError ? { outOfTime: true } : {}),
    };
    return finish(request, dataSourceName, result, failureOf(error), lang);
  }
}

/** The alerts' verdict on the run (their failure never fails the run), then the run log. */
function finish(
  request: RefreshRequest,
  dataSourceName: string,
  result: RefreshResult,
  failure: RunFailure | null,
  lang: Lang,
): RefreshResult {
  let check: CheckSummaryView | undefined;
  let done = result;
  try {
    check = request.afterRun?.(result, failure);
  } catch (error) {
    // Shown where the run is shown (run log, sidebar): a check that silently did not run is a lie.
    const note = translate(lang, 'alert.notEvaluated', { error: errorMessage(error) });
    done = {
      ...result,
      warnings: [...result.warnings, note],
      message: result.ok ? result.message : `${result.message}\n${note}`,
    };
  }
  if (check) done = { ...done, check };
  logRun(request, dataSourceName, done, lang);
  return done;
}

function logRun(request: RefreshRequest, dataSourceName: string, result: RefreshResult, lang: Lang): void {
  try {
    appendRunLog(
      {
        at: new Date(),
        who: request.startedBy,
        query: request.queryName,
        dataSource: dataSourceName,
        rows: result.ok ? result.rows : '',
        durationMs: result.durationMs,
        outcome: result.ok ? 'ok' : result.skipped ? 'skipped' : 'failed',
        message: result.ok ? result.warnings.join('\n') : result.message,
        check: result.check ? { state: result.check.state, text: result.check.text } : undefined,
      },
      lang,
    );
  } catch {
    // the run log must never turn a finished refresh into a failure
  }
}
