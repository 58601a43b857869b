/**
 * Preview: runs a query with a small row cap and returns the first rows as display text for
 * the sidebar, without writing any tab. The read-only check, the connection and the session
 * time zone are the refresh engine's (startQuery); parameters are bound as for a real run.
 */
import { bindParameters } from '../core/params/bind';
import { shiftedText } from '../core/values/cell-value';
import { uniqueHeaders } from '../core/values/headers';
import { closeQuietly } from '../adapters/jdbc';
import type { ParameterDef, ParameterValues, PreviewView } from '../shared/api-types';
import type { ExecutionContext } from './context';
import { getDataSource } from './datasources';
import { spreadsheetBindContext } from './library/bind-context';
import { kindOf, type ResultColumn, startQuery } from './refresh/query-runner';

export const DEFAULT_PREVIEW_ROWS = 100;
export const MAX_PREVIEW_ROWS = 1_000;
const PREVIEW_TIMEOUT_SECONDS = 60;
/** Longest text shown per cell in the sidebar. */
const MAX_PREVIEW_CHARS = 500;

export interface PreviewRequest {
  dataSourceId: string;
  sql: string;
  parameters: ParameterDef[];
  values: ParameterValues;
  limit: number;
}

export function previewQuery(request: PreviewRequest, ctx: ExecutionContext): PreviewView {
  const started = ctx.clock.now();
  const config = getDataSource(request.dataSourceId, ctx.lang);
  const kind = kindOf(config, ctx.lang);
  const bindContext = spreadsheetBindContext(ctx);
  const bound = bindParameters(request.sql, request.parameters, request.values, kind.dialect, bindContext);
  const query = {
    sql: bound.sql,
    values: bound.values,
    timeoutSeconds: PREVIEW_TIMEOUT_SECONDS,
    maxRows: request.limit + 1,
    scheduled: false,
  };
  const running = startQuery(config, query, ctx);
  try {
    const { columns, resultSet } = running;
    const spec = columns.map((_, i) => `getString(${i + 1})`).join(',');
    const rows: string[][] = [];
    if (columns.length > 0) {
      for (;;) {
        const batch = resultSet.getRows(spec, request.limit + 1) as (string | null)[][];
        if (batch.length === 0) break;
        for (const row of batch) rows.push(row.map((v, c) => previewText(v, columns[c])));
        if (rows.length > request.limit) break;
      }
    }
    const truncated = rows.length > request.limit;
    const shown = rows.slice(0, request.limit);
    return {
      columns: uniqueHeaders(columns.map((c) => c.label)).headers,
      rows: shown,
      rowCount: shown.length,
      truncated,
      ms: ctx.clock.now() - started,
    };
  } finally {
    closeQuietly(running.resultSet);
    closeQuietly(running.connection);
  }
}

/** A value as the sidebar shows it: a TIMESTAMP read at a fixed offset moved into the sheet's zone, long text cut. */
function previewText(value: string | null, column: ResultColumn): string {
  if (value === null) return '';
  const text = column.shift ? shiftedText(value, column.shift) : value;
  return text.length > MAX_PREVIEW_CHARS ? `${text.slice(0, MAX_PREVIEW_CHARS)}…` : text;
}
