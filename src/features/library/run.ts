/**
 * Running a saved query: its parameters are bound (values given, else defaults) as
 * prepared-statement values, the refresh engine writes the query's own result tab, and the
 * outcome is stored on the query's row as its last run status. Also reads the run log for the
 * sidebar's status line.
 */
import { bindParameters } from '../../core/params/bind';
import { errorMessage } from '../../core/user-error';
import { userEmail } from '../../adapters/session';
import { spreadsheetUrl } from '../../adapters/sheets';
import type { ParameterDef, ParameterValues, RefreshResultView, RunStatusView } from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import type { StoredQuery } from '../../core/library/query-row';
import type { StoredAlert } from '../alerts/alert-sheet';
import { prepareAlertRun } from '../alerts/evaluate-run';
import { getDataSource } from '../datasources';
import { kindOf } from '../refresh/query-runner';
import { refresh } from '../refresh/refresh';
import { readRecentRuns } from '../refresh/run-log';
import { spreadsheetBindContext } from './bind-context';
import { findQuery, writeLastRun } from './library-sheet';
import { getStoredQuery } from './library';

export const RECENT_RUNS = 20;

/** The link that opens a result tab (`sheetId` from the refresh, so the tab is not searched for again). */
function linkTo(sheetId: number | null): string | null {
  return sheetId === null ? null : `${spreadsheetUrl()}#gid=${sheetId}&range=A1`;
}

/** How a saved query is run; a tick passes what it has read already, so each run does not read it again. */
export interface SavedRun {
  scheduled?: boolean;
  startedBy?: string;
  /** The query as just read from the library (a tick's listing). */
  stored?: StoredQuery;
  /** The query's alerts as just read from the alerts tab (a tick reads them once for every query). */
  alerts?: StoredAlert[];
}

export function runSavedQuery(
  id: string,
  values: ParameterValues,
  ctx: ExecutionContext,
  run: SavedRun = {},
): RefreshResultView {
  const query = run.stored?.id === id ? run.stored : getStoredQuery(id, ctx.lang).query;
  const config = getDataSource(query.dataSourceId, ctx.lang);
  const dialect = kindOf(config, ctx.lang).dialect;
  const bound = bindParameters(query.sql, query.parameters, values, dialect, spreadsheetBindContext(ctx));
  const alerts = prepareAlertRun(query, ctx, { interactive: run.scheduled !== true, alerts: run.alerts });
  const result = refresh(
    {
      collector: alerts?.collector,
      afterRun: alerts ? (done, failure) => alerts.afterRun(done, failure) : undefined,
      queryId: query.id,
      queryName: query.name,
      sql: bound.sql,
      displaySql: query.sql,
      values: bound.values,
      dataSourceId: query.dataSourceId,
      config,
      scheduled: run.scheduled === true,
      startedBy: run.startedBy ?? (userEmail() || 'sidebar'),
    },
    ctx,
  );
  const message = result.ok ? result.warnings.join('\n') : result.message;
  // A scheduled run the tick's own deadline stopped is not the run it was due for: it stays due.
  if (!(run.scheduled === true && result.outOfTime === true))
    storeLastRun(query.id, { ok: result.ok, rows: result.ok ? result.rows : null, message }, ctx);
  try {
    alerts?.deliver();
  } catch (error) {
    // what was not delivered stays in the alert's outbox for the next tick
    console.warn(`sheetdash: the alerts of "${query.name}" were not all delivered: ${errorMessage(error)}`);
  }
  return { ...result, link: result.ok ? linkTo(result.sheetId) : null };
}

/**
 * A scheduled run that could not start (its data source was deleted, its parameters no longer
 * bind): stored on the query's row as its last run, so the sidebar shows why, and the tick goes
 * on with the other queries.
 */
export function recordFailedStart(query: StoredQuery, message: string, ctx: ExecutionContext): void {
  storeLastRun(query.id, { ok: false, rows: null, message }, ctx);
}

/** A run's outcome on its query's row, now, under the document lock. */
function storeLastRun(
  queryId: string,
  outcome: { ok: boolean; rows: number | null; message: string },
  ctx: ExecutionContext,
) {
  const lastRun = { at: new Date(ctx.clock.now()).toISOString(), ...outcome, message: outcome.message.slice(0, 2000) };
  ctx.lock.hold(10_000, () => {
    const found = findQuery(queryId); // found again: the sheet may have been sorted meanwhile
    if (found) writeLastRun(found.sheet, found.row, lastRun);
  });
}

export interface AdhocRun {
  name: string;
  queryId?: string;
  dataSourceId: string;
  sql: string;
  parameters: ParameterDef[];
  values: ParameterValues;
  rowLimit?: number;
  timeoutSeconds?: number;
}

/** Runs SQL that is not saved (or not yet) into a tab of its own, binding its parameters. */
export function runAdhocQuery(run: AdhocRun, ctx: ExecutionContext): RefreshResultView {
  const config = getDataSource(run.dataSourceId, ctx.lang);
  const dialect = kindOf(config, ctx.lang).dialect;
  const bound = bindParameters(run.sql, run.parameters, run.values, dialect, spreadsheetBindContext(ctx));
  // an unsaved run's tab is its own: the id it names can never be a saved query's (whose tab holds that query's result)
  const queryId = run.queryId ? `adhoc-id:${run.queryId}` : `adhoc:${run.name}`;
  const result = refresh(
    {
      queryId,
      queryName: run.name,
      sql: bound.sql,
      displaySql: run.sql,
      values: bound.values,
      dataSourceId: run.dataSourceId,
      config,
      rowLimit: run.rowLimit,
      timeoutSeconds: run.timeoutSeconds,
      startedBy: userEmail() || 'sidebar',
    },
    ctx,
  );
  return { ...result, link: result.ok ? linkTo(result.sheetId) : null };
}

/** The newest runs from the run log tab, newest first. */
export function listRecentRuns(): RunStatusView[] {
  return readRecentRuns(RECENT_RUNS);
}
