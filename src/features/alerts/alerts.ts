/**
 * Alert rules as a user capability: list them with their status (in the reader's language),
 * save one (checked field by field; its query and every destination must exist; an edited
 * condition restarts the pending count), delete one (its status goes with it), add the
 * one-click "returns rows" check, preview a message over the query's current result, and open
 * the history tab. Any editor of the spreadsheet may change alerts (README, "Security").
 */
import { isoWallClock } from '../../core/alerts/compare';
import { evaluateAlert } from '../../core/alerts/evaluate';
import { alertReasonMessage } from '../../core/alerts/reasons';
import { alertRuleProblemsMessage, checkAlertRule, defaultAlertRule } from '../../core/alerts/rule';
import { statusAfterRuleEdit } from '../../core/alerts/state';
import { alertStatusView, checkSummary } from '../../core/alerts/view';
import { translate, type Lang } from '../../core/i18n';
import { UserError } from '../../core/user-error';
import { zoneOffsets } from '../../core/values/zone-offsets';
import {
  type AlertNotification as Message,
  isValidTemplate,
  messageBody,
  messageTitle,
  noEscape,
} from '../../alerts/message';
import { sampleNotification } from '../../alerts/sample';
import { readAllWithPrefix } from '../../adapters/document-properties';
import { userEmail } from '../../adapters/session';
import { sheetIdOf, spreadsheetUrl } from '../../adapters/sheets';
import type {
  AlertPreviewView,
  AlertRule,
  AlertRuleProblem,
  AlertView,
  CheckSummaryView,
  SaveAlertAnswer,
} from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import { findDestination, type StoredDestination } from '../destinations';
import { findQuery } from '../library/library-sheet';
import { findResultTab } from '../refresh/result-tab';
import { deleteAlertRow, readAlerts, type StoredAlert, writeAlert } from './alert-sheet';
import { historySheet } from './history';
import { deleteRecord, peekRecord, readRecord, writeRecord } from './records';

const LOCK_WAIT_MS = 10_000;
/** Rows of the result tab a preview reads. */
const PREVIEW_ROWS = 1_000;

function view(alert: StoredAlert, lang: Lang): AlertView {
  const record = peekRecord(alert.rule.id);
  return {
    ...alert.rule,
    status: alertStatusView(lang, alert.rule, record.status, record.outbox.length),
    createdBy: alert.createdBy,
    updatedBy: alert.updatedBy,
    updatedAt: alert.updatedAt,
  };
}

export function listAlerts(ctx: Pick<ExecutionContext, 'lang'>, queryId?: string): AlertView[] {
  return readAlerts(ctx.lang)
    .filter((a) => queryId === undefined || a.rule.queryId === queryId)
    .map((a) => view(a, ctx.lang));
}

/** Each query's checks in one line (queries without alerts are absent), for the library list. */
export function queryChecks(lang: Lang): Map<string, CheckSummaryView> {
  const byQuery = new Map<string, StoredAlert[]>();
  for (const alert of readAlerts(lang))
    byQuery.set(alert.rule.queryId, [...(byQuery.get(alert.rule.queryId) ?? []), alert]);
  const out = new Map<string, CheckSummaryView>();
  for (const [queryId, alerts] of byQuery) {
    const summary = checkSummary(
      lang,
      alerts.map((a) => ({ rule: a.rule, status: peekRecord(a.rule.id).status })),
    );
    if (summary) out.set(queryId, summary);
  }
  return out;
}

function locked<T>(ctx: ExecutionContext, fn: () => T): T {
  const held = ctx.lock.hold(LOCK_WAIT_MS, fn);
  if (!held.ok) throw new UserError(translate(ctx.lang, 'alert.busy'));
  return held.value;
}

function destinationProblems(ids: string[], lang: Lang): { problems: AlertRuleProblem[]; found: StoredDestination[] } {
  const problems: AlertRuleProblem[] = [];
  const found: StoredDestination[] = [];
  for (const id of ids) {
    const destination = findDestination(id);
    if (destination) found.push(destination);
    else problems.push({ field: 'destinations', message: translate(lang, 'alert.destinationNotFound', { id }) });
  }
  return { problems, found };
}

export function saveAlert(raw: AlertRule, ctx: ExecutionContext): SaveAlertAnswer {
  const lang = ctx.lang;
  const checked = checkAlertRule(raw, lang);
  if (!checked.ok) return { problems: checked.problems };
  const rule = checked.rule;
  const problems: AlertRuleProblem[] = [];
  if (!findQuery(rule.queryId))
    problems.push({ field: 'queryId', message: translate(lang, 'alert.queryNotFound', { id: rule.queryId }) });
  const destinations = destinationProblems(rule.destinations, lang);
  problems.push(...destinations.problems);
  // A text Mustache cannot read would be replaced by the default at every delivery: say so now.
  for (const kind of ['triggered', 'recovered'] as const) {
    const template = rule.templates[kind];
    if (template.trim() !== '' && !isValidTemplate(template))
      problems.push({ field: `templates.${kind}`, message: translate(lang, 'alert.templateInvalid') });
  }
  if (problems.length > 0) return { problems };
  return locked(ctx, () => {
    const existing = rule.id ? readAlerts(lang).find((a) => a.rule.id === rule.id) : undefined;
    if (rule.id && !existing)
      return { problems: [{ field: 'id', message: translate(lang, 'alert.notFound', { id: rule.id }) }] };
    const who = userEmail();
    const now = new Date(ctx.clock.now()).toISOString();
    const saved: StoredAlert = {
      rule: { ...rule, id: existing?.rule.id ?? Utilities.getUuid() },
      createdBy: existing?.createdBy ?? who,
      createdAt: existing?.createdAt ?? now,
      updatedBy: who,
      updatedAt: now,
      row: existing?.row ?? 0,
    };
    if (existing) {
      const record = readRecord(existing.rule.id);
      if (existing.rule.queryId !== rule.queryId) deleteRecord(existing.rule.id);
      else {
        const status = statusAfterRuleEdit(record.status, existing.rule, saved.rule);
        if (status !== record.status) writeRecord(existing.rule.id, { ...record, status });
      }
    }
    writeAlert(
      saved,
      existing ? existing.row : null,
      destinations.found.map((d) => d.name),
      lang,
    );
    return { saved: view(saved, lang) };
  });
}

export function deleteAlert(id: string, ctx: ExecutionContext): void {
  locked(ctx, () => {
    const existing = readAlerts(ctx.lang).find((a) => a.rule.id === id);
    if (existing) deleteAlertRow(existing.row, ctx.lang);
    deleteRecord(id);
  });
}

export function addRowsCheck(queryId: string, destinations: string[] | undefined, ctx: ExecutionContext): AlertView {
  const lang = ctx.lang;
  const found = findQuery(queryId);
  if (!found) throw new UserError(translate(lang, 'alert.queryNotFound', { id: queryId }));
  const rule = defaultAlertRule(queryId, translate(lang, 'alert.rowsCheckName', { query: found.query.name }));
  if (destinations) rule.destinations = destinations;
  else {
    const all = readAllWithPrefix<StoredDestination>('sheetdash.dest.');
    if (all.length === 1) rule.destinations = [all[0].id];
  }
  const answer = saveAlert(rule, ctx);
  if ('problems' in answer) throw new UserError(alertRuleProblemsMessage(lang, answer.problems));
  return answer.saved;
}

/** The first rows of the query's result tab (dates shown as the sheet's wall clock), or null. */
function resultTabValues(queryId: string) {
  const tab = findResultTab(queryId);
  if (!tab) return null;
  const last = tab.getLastRow();
  const width = tab.getLastColumn();
  if (last < 1 || width < 1) return null;
  const values = tab.getRange(1, 1, Math.min(last, PREVIEW_ROWS + 1), width).getValues();
  return { columns: values[0].map((h) => String(h)), rows: values.slice(1), rowCount: last - 1, tab };
}

export function previewAlertMessage(
  raw: AlertRule,
  kind: 'triggered' | 'recovered',
  ctx: ExecutionContext,
): AlertPreviewView {
  const lang = ctx.lang;
  const checked = checkAlertRule(raw, lang);
  if (!checked.ok) throw new UserError(alertRuleProblemsMessage(lang, checked.problems));
  const rule = checked.rule;
  const at = new Date(ctx.clock.now()).toISOString();
  const state = kind === 'triggered' ? 'triggered' : 'ok';
  const query = findQuery(rule.queryId);
  const tab = query ? resultTabValues(rule.queryId) : null;
  const base: Message = sampleNotification(lang, at, state);
  let n: Message = {
    ...base,
    alert: { id: rule.id || 'preview', name: rule.name },
    query: query ? { id: query.query.id, name: query.query.name } : base.query,
    condition: rule.condition,
    templates: rule.templates,
  };
  if (tab) {
    const timeZone = ctx.timeZone();
    const evaluation = evaluateAlert({ columns: tab.columns, rows: tab.rows, timeZone }, rule.condition);
    const offsetAt = zoneOffsets(timeZone);
    const shown = (cell: unknown) =>
      cell instanceof Date ? isoWallClock(cell.getTime() + (offsetAt ? offsetAt(cell.getTime()) : 0)) : cell;
    n = {
      ...n,
      value: rule.condition.selector === 'count' ? tab.rowCount : evaluation.value,
      reason: evaluation.state === 'unknown' ? alertReasonMessage(lang, evaluation, rule.condition) : null,
      resultUrl: `${spreadsheetUrl()}#gid=${sheetIdOf(tab.tab)}&range=A1`,
      result: { columns: tab.columns, rows: tab.rows.slice(0, 10).map((row) => row.map(shown)) },
      rowCount: tab.rowCount,
    };
  } else if (rule.condition.selector !== 'count') n = { ...n, value: null };
  return { title: messageTitle(n, lang), text: messageBody(n, lang, noEscape), sample: tab === null };
}

export function openAlertHistory(ctx: ExecutionContext): { url: string; sheetName: string } {
  const sheet = locked(ctx, () => historySheet(true, ctx.lang));
  if (!sheet) throw new UserError(translate(ctx.lang, 'alert.busy'));
  sheet.showSheet();
  sheet.activate();
  return { url: `${spreadsheetUrl()}#gid=${sheetIdOf(sheet)}`, sheetName: sheet.getName() };
}
