/**
 * The saved, scheduled "health inputs" query (one row per company, company_id first, then the
 * measure columns) and its result tab, found by the query's tag so a renamed tab is still
 * found. The query's id is kept in Document properties. When the query cannot run yet (no data
 * source given, or the run failed), its tab is made with the header alone, so the Health
 * formulas have something to refer to and score every measure from it as missing.
 */
import { translate } from '../../core/i18n';
import { INPUT_COLUMNS } from '../../core/health/model';
import { readJson, writeJson } from '../../adapters/document-properties';
import type { Sheet } from '../../adapters/sheets';
import { findTaggedSheet, insertFreeSheet, tagSheet } from '../../adapters/sheets';
import type { ExecutionContext } from '../context';
import { getStoredQuery, saveQuery } from '../library/library';
import { runSavedQuery } from '../library/run';
import { findResultTab, RESULT_KEY } from '../refresh/result-tab';
import { HEALTH_KEY, tabTitle } from './tabs';

const INPUTS_QUERY_KEY = 'sheetdash.health.inputsQuery';
export const INPUTS_SCHEDULE = 'daily at 06:00';

export interface InputsRequest {
  dataSourceId?: string;
  sql?: string;
}

export interface InputsOutcome {
  sheet: Sheet;
  queryId: string | null;
  created: string[];
  problems: string[];
}

/** The inputs query's id as recorded (the query itself may be gone). */
export function recordedInputsQueryId(): string | null {
  const id = readJson<string>(INPUTS_QUERY_KEY);
  return typeof id === 'string' && id ? id : null;
}

function storedQueryId(ctx: ExecutionContext): string | null {
  const id = recordedInputsQueryId();
  if (!id) return null;
  try {
    getStoredQuery(id, ctx.lang);
    return id;
  } catch {
    return null;
  }
}

/** The inputs query (saved and run once when new) and the tab its result lands in. */
export function ensureInputs(ctx: ExecutionContext, request: InputsRequest): InputsOutcome {
  const created: string[] = [];
  const problems: string[] = [];
  let queryId = storedQueryId(ctx);
  if (!queryId && request.dataSourceId && request.sql) {
    const answer = saveQuery(
      {
        name: translate(ctx.lang, 'health.query.name'),
        description: translate(ctx.lang, 'health.query.description'),
        dataSourceId: request.dataSourceId,
        sql: request.sql,
        parameters: [],
        schedule: INPUTS_SCHEDULE,
        tags: ['health'],
        force: false,
      },
      ctx.lang,
    );
    if ('saved' in answer) {
      queryId = answer.saved.id;
      writeJson(INPUTS_QUERY_KEY, queryId);
      created.push(translate(ctx.lang, 'health.query.name'));
    }
  }
  if (!queryId) problems.push(translate(ctx.lang, 'health.setup.noQuery'));
  let sheet = queryId ? findResultTab(queryId) : findTaggedSheet(HEALTH_KEY, 'inputs');
  if (!sheet && queryId) {
    const run = runSavedQuery(queryId, {}, ctx);
    if (!run.ok) problems.push(translate(ctx.lang, 'health.setup.queryFailed', { message: run.message }));
    sheet = findResultTab(queryId);
  }
  if (!sheet) {
    sheet = insertFreeSheet(tabTitle(ctx.lang, 'inputs')).sheet;
    if (queryId) tagSheet(sheet, RESULT_KEY, queryId, { value: queryId });
    else tagSheet(sheet, HEALTH_KEY, 'inputs', { value: 'inputs' });
    sheet.getRange(1, 1, 1, INPUT_COLUMNS.length).setValues([INPUT_COLUMNS]);
    sheet.setFrozenRows(1);
    created.push(sheet.getName());
  }
  return { sheet, queryId, created, problems };
}
