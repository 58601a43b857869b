/**
 * An alert's status in words, for the sidebar, the library and the run log: "Triggered: 12
 * (count > 0)", "Unknown: <the reason>", "Not evaluated yet"; and a query's checks in one line,
 * whose state is the worst of its alerts (triggered, then unknown, then ok), so a triggered
 * check never reads as a green OK. Pure.
 */
import type { AlertRule, AlertState, AlertStatus, AlertStatusView, CheckSummaryView } from '../../shared/api-types';
import { type Lang, translate } from '../i18n';
import { alertReasonMessage, alertStateLabel } from './reasons';

/** "12 (count > 0)": the value against the condition. */
export function valueAgainstCondition(rule: Pick<AlertRule, 'condition'>, value: unknown): string {
  const c = rule.condition;
  const shown = value === null || value === undefined ? 'NULL' : String(value);
  const subject = c.selector === 'count' ? 'count' : `${c.selector} ${c.column}`;
  return `${shown} (${subject} ${c.op} ${c.value.trim()})`;
}

export function alertStatusText(
  lang: Lang,
  rule: Pick<AlertRule, 'condition' | 'pendingEvaluations'>,
  status: AlertStatus,
): string {
  const evaluation = status.evaluation;
  if (evaluation === null) return translate(lang, 'alert.status.never');
  const state = alertStateLabel(lang, status.state);
  if (status.state === 'unknown' && evaluation.state === 'unknown')
    return translate(lang, 'alert.status.value', {
      state,
      value: alertReasonMessage(lang, evaluation, rule.condition),
    });
  const value = valueAgainstCondition(rule, evaluation.value);
  if (status.pending > 0 && status.state !== 'triggered')
    return translate(lang, 'alert.status.pending', {
      state,
      value,
      pending: status.pending,
      needed: rule.pendingEvaluations,
    });
  return translate(lang, 'alert.status.value', { state, value });
}

export function alertStatusView(
  lang: Lang,
  rule: Pick<AlertRule, 'condition' | 'pendingEvaluations'>,
  status: AlertStatus,
  undelivered: number,
): AlertStatusView {
  return {
    state: status.state,
    value: status.evaluation?.value ?? null,
    text: alertStatusText(lang, rule, status),
    evaluatedAt: status.evaluatedAt,
    changedAt: status.changedAt,
    pending: status.state === 'triggered' ? 0 : status.pending,
    undelivered,
  };
}

const RANK: Record<AlertState, number> = { ok: 0, unknown: 1, triggered: 2 };

/** The query's checks in one line; null when it has no alerts. */
export function checkSummary(
  lang: Lang,
  alerts: { rule: Pick<AlertRule, 'condition' | 'pendingEvaluations'>; status: AlertStatus }[],
): CheckSummaryView | null {
  if (alerts.length === 0) return null;
  const state = alerts.reduce<AlertState>(
    (worst, a) => (RANK[a.status.state] > RANK[worst] ? a.status.state : worst),
    'ok',
  );
  const triggered = alerts.filter((a) => a.status.state === 'triggered').length;
  const unknown = alerts.filter((a) => a.status.state === 'unknown').length;
  let text: string;
  if (alerts.length === 1) text = alertStatusText(lang, alerts[0].rule, alerts[0].status);
  else if (triggered > 0) text = translate(lang, 'alert.check.triggered', { triggered, alerts: alerts.length });
  else if (unknown > 0) text = translate(lang, 'alert.check.unknown', { unknown, alerts: alerts.length });
  else text = translate(lang, 'alert.check.ok', { alerts: alerts.length });
  return { state, alerts: alerts.length, triggered, text };
}
