/**
 * A saved query's alerts, evaluated after every run of it (from the sidebar or a tick, as Redash
 * evaluates on every execution): against the cells the refresh just wrote (collected as it
 * streamed them, only what the rules need), or `unknown` with the reason when the run gave no
 * result. Under the document lock, each alert's new status and the notification it decided are
 * saved in one property write before anything is sent; then the alerts' outboxes are delivered
 * and the history gets a row for every evaluation that changed state or notified.
 */
import { RowCollector, WHOLE_ROWS } from '../../core/alerts/collect';
import { isoWallClock } from '../../core/alerts/compare';
import { evaluateAlert, failedEvaluation, type AlertResult } from '../../core/alerts/evaluate';
import type { OutboxEntry } from '../../core/alerts/record';
import { alertReasonMessage } from '../../core/alerts/reasons';
import { nextAlertState, type AlertTransition } from '../../core/alerts/state';
import { checkSummary } from '../../core/alerts/view';
import type { MessageKey } from '../../core/i18n';
import type { AlertNotification as Message } from '../../alerts/message';
import { spreadsheetUrl } from '../../adapters/sheets';
import type { AlertEvaluation, CheckSummaryView } from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import type { RefreshResult, RunFailure } from '../refresh/refresh';
import { readAlerts, type StoredAlert } from './alert-sheet';
import { appendHistory, type HistoryDelivery } from './history';
import { deliverRecord } from './outbox';
import { readRecord, writeRecord } from './records';

/** Longest wait for the document lock to save the alerts' statuses. */
const LOCK_WAIT_MS = 30_000;
/** A run from the sidebar sends for at most this long (the user waits); the rest is the next tick's. */
export const INTERACTIVE_DELIVERY_MS = 30_000;

export interface AlertRun {
  collector: RowCollector;
  afterRun(result: RefreshResult, failure: RunFailure | null): CheckSummaryView | undefined;
  /** Sends what the run decided (and what the same alerts still owed), then writes the history. */
  deliver(): void;
}

interface Decision {
  alert: StoredAlert;
  transition: AlertTransition;
  entry: OutboxEntry | null;
  /** Notifications the alert had to deliver once this one was saved (this one included). */
  owed: number;
}

/** The run's alert work for a saved query, or null when it has none (or is archived). */
export function prepareAlertRun(
  query: { id: string; name: string; archived: boolean },
  ctx: ExecutionContext,
  options: { interactive: boolean; alerts?: StoredAlert[] },
): AlertRun | null {
  if (query.archived) return null;
  const alerts = (options.alerts ?? readAlerts(ctx.lang)).filter((a) => a.rule.queryId === query.id);
  if (alerts.length === 0) return null;
  const collector = new RowCollector(alerts.map((a) => a.rule.condition));
  let decisions: Decision[] = [];
  return {
    collector,
    afterRun(result, failure) {
      const cells = failure === null ? collector.result() : null;
      const evaluations = alerts.map((a) =>
        cells === null
          ? failedEvaluation(failure ?? 'query-failed', result.message)
          : evaluateAlert(cells, a.rule.condition),
      );
      const wait = Math.max(1_000, Math.min(LOCK_WAIT_MS, ctx.deadline.remainingMs()));
      const held = ctx.lock.hold(wait, () =>
        alerts.map((alert, i) => decide(alert, evaluations[i], query, result, cells, ctx)),
      );
      if (!held.ok) {
        console.warn(`sheetdash: the alerts of "${query.name}" were not evaluated: the document lock is busy`);
        return undefined;
      }
      decisions = held.value;
      return (
        checkSummary(
          ctx.lang,
          decisions.map((d) => ({ rule: d.alert.rule, status: d.transition.status })),
        ) ?? undefined
      );
    },
    deliver() {
      if (decisions.length === 0) return;
      deliverDecisions(decisions, query, options.interactive ? withDeadlineIn(ctx, INTERACTIVE_DELIVERY_MS) : ctx);
    },
  };
}

/** The new status of one alert and the notification it calls for, saved together (one write). */
function decide(
  alert: StoredAlert,
  evaluation: AlertEvaluation,
  query: { id: string; name: string },
  result: RefreshResult,
  cells: AlertResult | null,
  ctx: ExecutionContext,
): Decision {
  const record = readRecord(alert.rule.id);
  const transition = nextAlertState(record.status, evaluation, alert.rule, ctx.clock.now());
  record.status = transition.status;
  let entry: OutboxEntry | null = null;
  if (transition.notify !== 'none' && alert.rule.destinations.length > 0) {
    entry = {
      key: `${alert.rule.id}:${transition.status.sequence}`,
      notify: transition.notify,
      message: message(alert, evaluation, transition, query, result, cells, ctx),
      pending: [...alert.rule.destinations],
      notBefore: {},
      outcomes: {},
    };
    record.outbox.push(entry);
  }
  writeRecord(alert.rule.id, record);
  return { alert, transition, entry, owed: record.outbox.length };
}

function message(
  alert: StoredAlert,
  evaluation: AlertEvaluation,
  transition: AlertTransition,
  query: { id: string; name: string },
  result: RefreshResult,
  cells: AlertResult | null,
  ctx: ExecutionContext,
): Message {
  const shown = (cell: unknown) => (cell instanceof Date ? isoWallClock(cell.getTime()) : (cell ?? null));
  return {
    alert: { id: alert.rule.id, name: alert.rule.name },
    query: { id: query.id, name: query.name },
    state: transition.status.state,
    previousState: transition.previousState,
    condition: alert.rule.condition,
    value: evaluation.value,
    reason: evaluation.state === 'unknown' ? alertReasonMessage(ctx.lang, evaluation, alert.rule.condition) : null,
    resultUrl: result.ok && result.sheetId !== null ? `${spreadsheetUrl()}#gid=${result.sheetId}&range=A1` : null,
    result: {
      columns: cells?.columns ?? [],
      rows: (cells?.rows ?? []).slice(0, WHOLE_ROWS).map((row) => (cells?.columns ?? []).map((_, i) => shown(row[i]))),
    },
    rowCount: result.ok ? result.rows : 0,
    at: new Date(ctx.clock.now()).toISOString(),
  };
}

/** The context with a deadline `ms` from now, or the execution's own when that comes first. */
function withDeadlineIn(ctx: ExecutionContext, ms: number): ExecutionContext {
  const at = Math.min(ctx.deadline.at, ctx.clock.now() + ms);
  const deadline = { ...ctx.deadline, at, remainingMs: () => at - ctx.clock.now() };
  return { ...ctx, deadline };
}

const SUPPRESSED_NOTES: Record<string, MessageKey> = {
  muted: 'alert.history.muted',
  'recovery-off': 'alert.history.recoveryOff',
  'unknown-off': 'alert.history.unknownOff',
};

function deliverDecisions(decisions: Decision[], query: { id: string; name: string }, ctx: ExecutionContext): void {
  const wait = Math.max(1_000, Math.min(LOCK_WAIT_MS, ctx.deadline.remainingMs()));
  ctx.lock.hold(wait, () => {
    for (const d of decisions) {
      const t = d.transition;
      // Written once: as the decision's notification settles (before the write that drops it), else after.
      let logged = !t.changed && t.notify === 'none' && t.suppressed === null;
      const log = (deliveries: HistoryDelivery[]) => {
        if (logged) return;
        logged = true;
        const evaluation = t.status.evaluation;
        const value =
          evaluation?.state === 'unknown'
            ? alertReasonMessage(ctx.lang, evaluation, d.alert.rule.condition)
            : String(evaluation?.value ?? 'NULL');
        let note: MessageKey = 'alert.history.none';
        if (t.suppressed) note = SUPPRESSED_NOTES[t.suppressed.why];
        else if (t.notify !== 'none' && d.entry === null) note = 'alert.history.noDestinations';
        else if (d.entry !== null) note = 'alert.history.queued';
        appendHistory(
          {
            at: new Date(ctx.clock.now()),
            alertId: d.alert.rule.id,
            alert: d.alert.rule.name,
            query: query.name,
            from: t.previousState,
            to: t.status.state,
            value,
            notification: t.suppressed ? `${t.suppressed.notification} (${t.suppressed.why})` : t.notify,
            note,
            deliveries,
          },
          ctx.lang,
        );
      };
      const key = d.entry?.key ?? null;
      const delivered = d.owed > 0 ? deliverRecord(d.alert.rule.id, d.alert, ctx, key, log) : null;
      log((key && delivered?.get(key)) || []);
    }
  });
}
