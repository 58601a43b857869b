/**
 * Refresh: a data source plus SQL becomes a result tab. Rows are read with getRows in batches
 * (JDBC calls grow with rows / batch, not rows x columns), converted, and written chunk by
 * chunk into a hidden staging tab (a handful of Sheets calls per chunk); the result tab is then
 * replaced in one copy under the document lock. Any failure before that copy leaves the
 * previous result intact; every run is recorded in the run log.
 */
import { translate, type Lang } from '../../core/i18n';
import { SkipError, UserError, errorMessage } from '../../core/user-error';
import { TEMPORAL_FORMATS, toCellValue, type CellValue } from '../../core/values/cell-value';
import { uniqueHeaders } from '../../core/values/headers';
import { closeQuietly } from '../../adapters/jdbc';
import type { BoundValue } from '../../core/params/bound-sql';
import type { RefreshResultView } from '../../shared/api-types';
import { activeSpreadsheet } from '../../adapters/sheets';
import { withDocumentLock } from '../../adapters/lock';
import { getDataSource } from '../datasources';
import { startQuery } from './query-runner';
import { publish } from './result-tab';
import { appendRunLog } from './run-log';
import { StagingTab } from './staging-tab';

export const DEFAULT_ROW_LIMIT = 100_000;
/** Cells one result may fill; past it the result is cut, with a message. */
export const MAX_RESULT_CELLS = 1_000_000;
export const DEFAULT_TIMEOUT_SECONDS = 120;
/** Stop reading past this, to keep clear of Apps Script's 6-minute limit. */
export const READ_BUDGET_MS = 280_000;
const CELLS_PER_CHUNK = 50_000;

export interface RefreshRequest {
  queryId: string;
  queryName: string;
  sql: string;
  /** The SQL as the user wrote it (with {{ parameters }}), for the result tab's note; defaults to `sql`. */
  displaySql?: string;
  /** Values for the `?` placeholders of `sql` (from the query's parameters). */
  values?: BoundValue[];
  dataSourceId: string;
  rowLimit?: number;
  timeoutSeconds?: number;
  /** Scheduled runs skip paused data sources. */
  scheduled?: boolean;
  /** Who or what started the run, for the run log. */
  startedBy: string;
}

/** What a refresh reports (the API adds the result tab's link). */
export type RefreshResult = Omit<RefreshResultView, 'link'>;

export function refresh(request: RefreshRequest, lang: Lang): RefreshResult {
  const started = Date.now();
  let dataSourceName = request.dataSourceId;
  let staging: StagingTab | null = null;
  try {
    const config = getDataSource(request.dataSourceId, lang);
    dataSourceName = config.name;
    const ss = activeSpreadsheet();
    const rowLimit = Math.max(1, Math.min(request.rowLimit ?? DEFAULT_ROW_LIMIT, MAX_RESULT_CELLS));
    const timeoutSeconds = request.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    const running = startQuery(
      config,
      { sql: request.sql, values: request.values, timeoutSeconds, maxRows: rowLimit + 1, timeZone: ss.getSpreadsheetTimeZone(), scheduled: request.scheduled === true },
      lang,
    );
    try {
      const { columns, resultSet } = running;
      if (columns.length === 0) throw new UserError(translate(lang, 'refresh.noColumns'));
      const { headers, renamed } = uniqueHeaders(columns.map((c) => c.label));
      const rowCap = Math.min(rowLimit, Math.floor(MAX_RESULT_CELLS / columns.length));
      const batchSize = Math.max(100, Math.floor(CELLS_PER_CHUNK / columns.length));
      const spec = columns.map((_, i) => `getString(${i + 1})`).join(',');

      StagingTab.removeStale(started);
      staging = StagingTab.create(String(started) + Math.floor(Math.random() * 1e6), columns.length);
      staging.writeHeader(headers);
      let truncated = false;
      for (;;) {
        if (Date.now() - started > READ_BUDGET_MS) {
          throw new UserError(translate(lang, 'refresh.tooSlow', { seconds: Math.round((Date.now() - started) / 1000) }));
        }
        const batch = resultSet.getRows(spec, batchSize) as (string | null)[][];
        if (batch.length === 0) break;
        let rows = batch;
        if (staging.rowCount + rows.length > rowCap) {
          rows = rows.slice(0, rowCap - staging.rowCount);
          truncated = true;
        }
        staging.appendRows(
          rows.map((row) => row.map((text, c): CellValue => toCellValue(text, columns[c].kind, columns[c].shift))),
        );
        if (truncated) break;
      }
      columns.forEach((column, i) => {
        const format = TEMPORAL_FORMATS[column.kind];
        if (format && staging!.rowCount > 0) staging!.setColumnFormat(i + 1, format);
      });
      const rowCount = staging.rowCount;
      staging.setHeaderNote(
        translate(lang, 'refresh.source', {
          query: request.queryName,
          source: config.name,
          at: Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm:ss z'),
          rows: rowCount,
          truncated: truncated ? translate(lang, 'refresh.sourceTruncated') : '',
          sql: (request.displaySql ?? request.sql).slice(0, 20_000),
        }),
      );
      closeQuietly(resultSet);
      closeQuietly(running.connection);

      const filled = staging;
      const locked = withDocumentLock(30_000, () => publish(filled, request.queryId, request.queryName, lang));
      if (!locked.ok) throw new UserError(translate(lang, 'refresh.busy'));
      staging = null;
      const warnings = [...locked.value.warnings];
      if (renamed.length > 0) warnings.push(translate(lang, 'refresh.duplicateColumns', { names: renamed.join(', ') }));
      if (truncated) warnings.push(translate(lang, 'refresh.truncated', { rows: rowCount, cells: MAX_RESULT_CELLS.toLocaleString('en-US') }));
      const result: RefreshResult = {
        ok: true,
        queryId: request.queryId,
        sheetName: locked.value.sheet.getName(),
        sheetId: locked.value.sheet.getSheetId(),
        rows: rowCount,
        columns: columns.length,
        truncated,
        durationMs: Date.now() - started,
        message: '',
        warnings,
      };
      logRun(request, dataSourceName, result, lang);
      return result;
    } finally {
      closeQuietly(running.connection);
    }
  } catch (error) {
    if (staging) {
      try {
        staging.discard();
      } catch {
        // a leftover staging tab is removed by the next refresh
      }
    }
    const message = error instanceof UserError ? error.message : translateFailure(errorMessage(error), lang);
    const result: RefreshResult = {
      ok: false,
      skipped: error instanceof SkipError,
      queryId: request.queryId,
      sheetName: null,
      sheetId: null,
      rows: 0,
      columns: 0,
      truncated: false,
      durationMs: Date.now() - started,
      message,
      warnings: [],
    };
    logRun(request, dataSourceName, result, lang);
    return result;
  }
}

function translateFailure(message: string, lang: Lang): string {
  const cells = /above the limit of 10000000 cells/.exec(message);
  if (cells) return translate(lang, 'refresh.workbookFull', { cells: '10,000,000+' });
  return message;
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
      },
      lang,
    );
  } catch {
    // the run log must never turn a finished refresh into a failure
  }
}
