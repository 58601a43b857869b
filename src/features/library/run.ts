/**
 * Running a saved query: its parameters are bound (values given, else defaults) as
 * prepared-statement values, the refresh engine writes the query's own result tab, and the
 * outcome is stored on the query's row as its last run status. Also reads the run log for the
 * sidebar's status line.
 */
import type { Lang } from '../../core/i18n';
import { bindParameters } from '../../core/params/bind';
import { findKind } from '../../datasources/registry';
import { withDocumentLock } from '../../adapters/lock';
import { userEmail } from '../../adapters/session';
import type { ParameterDef, ParameterValues, RefreshResultView, RunStatusView } from '../../shared/api-types';
import { getDataSource } from '../datasources';
import { refresh } from '../refresh/refresh';
import { readRecentRuns } from '../refresh/run-log';
import { spreadsheetBindContext } from './bind-context';
import { findQuery, writeLastRun } from './library-sheet';
import { getStoredQuery, resultLink } from './library';

export const RECENT_RUNS = 20;

export function runSavedQuery(id: string, values: ParameterValues, lang: Lang, run: { scheduled?: boolean; startedBy?: string } = {}): RefreshResultView {
  const { query } = getStoredQuery(id, lang);
  const config = getDataSource(query.dataSourceId, lang);
  const dialect = findKind(config.kind)?.dialect ?? 'postgresql';
  const bound = bindParameters(query.sql, query.parameters, values, dialect, spreadsheetBindContext(lang));
  const result = refresh(
    {
      queryId: query.id, queryName: query.name, sql: bound.sql, displaySql: query.sql, values: bound.values, dataSourceId: query.dataSourceId,
      scheduled: run.scheduled === true, startedBy: run.startedBy ?? (userEmail() || 'sidebar'),
    },
    lang,
  );
  const lastRun = { at: new Date().toISOString(), ok: result.ok, rows: result.ok ? result.rows : null, message: result.ok ? result.warnings.join('\n') : result.message };
  withDocumentLock(10_000, () => {
    const found = findQuery(query.id); // found again: the sheet may have been sorted meanwhile
    if (found) writeLastRun(found.sheet, found.row, { ...lastRun, message: lastRun.message.slice(0, 2000) });
  });
  return { ...result, link: result.ok ? resultLink(query.id) : null };
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
export function runAdhocQuery(run: AdhocRun, lang: Lang): RefreshResultView {
  const config = getDataSource(run.dataSourceId, lang);
  const dialect = findKind(config.kind)?.dialect ?? 'postgresql';
  const bound = bindParameters(run.sql, run.parameters, run.values, dialect, spreadsheetBindContext(lang));
  const queryId = run.queryId || `adhoc:${run.name}`;
  const result = refresh(
    {
      queryId, queryName: run.name, sql: bound.sql, displaySql: run.sql, values: bound.values, dataSourceId: run.dataSourceId,
      rowLimit: run.rowLimit, timeoutSeconds: run.timeoutSeconds, startedBy: userEmail() || 'sidebar',
    },
    lang,
  );
  return { ...result, link: result.ok ? resultLink(queryId) : null };
}

/** The newest runs from the run log tab, newest first. */
export function listRecentRuns(): RunStatusView[] {
  return readRecentRuns(RECENT_RUNS);
}
