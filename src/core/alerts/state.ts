/**
 * The alert state machine, a pure function: the stored status, one evaluation and the rule
 * give the new status and what to send. Redash's semantics (notify on a change of state; the
 * recovery triggered → ok notifies; unknown → ok is silent; rearm; mute sends nothing but the
 * state still changes) plus a pending period (the condition must hold N evaluations in a row
 * before the alert fires), a switch for the recovery notice and one for unknown (a failed
 * query notifies once by default, so a broken check cannot look healthy).
 *
 * An alert that fired and was not yet announced as recovered stays "firing" through unknown:
 * triggered → unknown → ok is a recovery, so the thread that said "triggered" hears the end.
 * `sequence` numbers every notification decided, so delivery can be idempotent.
 */
import type { AlertEvaluation, AlertNotification, AlertRule, AlertState, AlertStatus } from '../../shared/api-types';

/** Why a notification the transition called for is not sent. */
export type AlertSuppression = 'muted' | 'recovery-off' | 'unknown-off';

export interface AlertTransition {
  status: AlertStatus;
  /** What the destinations must send ('none': nothing). */
  notify: AlertNotification;
  /** The state changed (or this is the first evaluation): worth a history row. */
  changed: boolean;
  /** What would have been sent, had the rule not turned it off or muted it. */
  suppressed: { notification: AlertNotification; why: AlertSuppression } | null;
  /** The state before this evaluation. */
  previousState: AlertState;
}

export type AlertRuleForState = Pick<
  AlertRule,
  'pendingEvaluations' | 'rearm' | 'notifyRecovery' | 'notifyUnknown' | 'muted'
>;

/** The status of an alert never evaluated. */
export function initialAlertStatus(): AlertStatus {
  return {
    state: 'unknown',
    evaluation: null,
    evaluatedAt: null,
    changedAt: null,
    pending: 0,
    firing: false,
    firedAt: null,
    sequence: 0,
  };
}

const STATES: AlertState[] = ['ok', 'triggered', 'unknown'];

/**
 * A status read back from storage (JSON someone may have edited, or an older version's): each
 * field that is not what it should be gets its initial value, so a damaged status costs at most
 * one extra notice, never a crash. The last evaluation is kept only when its state is valid.
 */
export function readAlertStatus(raw: unknown): AlertStatus {
  const initial = initialAlertStatus();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return initial;
  const r = raw as Record<string, unknown>;
  const time = (v: unknown) => (typeof v === 'string' && Number.isFinite(Date.parse(v)) ? v : null);
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
  const evaluation = r.evaluation as AlertEvaluation | null | undefined;
  const validEvaluation =
    evaluation !== null && typeof evaluation === 'object' && STATES.includes(evaluation.state) ? evaluation : null;
  return {
    state: STATES.find((s) => s === r.state) ?? initial.state,
    evaluation: validEvaluation,
    evaluatedAt: time(r.evaluatedAt),
    changedAt: time(r.changedAt),
    pending: count(r.pending),
    firing: r.firing === true,
    firedAt: time(r.firedAt),
    sequence: count(r.sequence),
  };
}

/**
 * The status to keep when a rule is edited: a new condition or pending period starts the
 * pending count again (it counted the old one). The state stays: the next evaluation of the
 * new condition decides, so a triggered alert whose new condition holds no more recovers, and
 * says so where it said it fired. Nothing is sent by the edit itself.
 */
export function statusAfterRuleEdit(
  status: AlertStatus,
  before: Pick<AlertRule, 'condition' | 'pendingEvaluations'>,
  after: Pick<AlertRule, 'condition' | 'pendingEvaluations'>,
): AlertStatus {
  const a = before.condition;
  const b = after.condition;
  const same =
    a.column === b.column &&
    a.op === b.op &&
    a.value === b.value &&
    a.selector === b.selector &&
    before.pendingEvaluations === after.pendingEvaluations;
  return same ? status : { ...status, pending: 0 };
}

export function nextAlertState(
  previous: AlertStatus | null,
  evaluation: AlertEvaluation,
  rule: AlertRuleForState,
  nowMs: number,
): AlertTransition {
  const before = previous ?? initialAlertStatus();
  const now = new Date(nowMs).toISOString();
  const first = before.evaluatedAt === null;
  const step = decide(before, evaluation, rule, nowMs, first);
  const changed = first || step.state !== before.state;
  let status: AlertStatus = {
    ...before,
    state: step.state,
    evaluation,
    evaluatedAt: now,
    changedAt: changed ? now : before.changedAt,
    pending: step.pending,
    firing: step.state === 'ok' ? false : before.firing,
  };
  let notify = step.notify;
  let suppressed = step.suppressed;
  if (notify !== 'none' && rule.muted) {
    suppressed = { notification: notify, why: 'muted' };
    notify = 'none';
  }
  if (notify !== 'none') {
    status = { ...status, sequence: before.sequence + 1 };
    if (notify === 'triggered' || notify === 'renotify') status = { ...status, firing: true, firedAt: now };
  }
  return { status, notify, changed, suppressed, previousState: before.state };
}

interface Step {
  state: AlertState;
  pending: number;
  notify: AlertNotification;
  suppressed: AlertTransition['suppressed'];
}

function decide(
  before: AlertStatus,
  evaluation: AlertEvaluation,
  rule: AlertRuleForState,
  nowMs: number,
  first: boolean,
): Step {
  const quiet = (state: AlertState): Step => ({ state, pending: 0, notify: 'none', suppressed: null });
  switch (evaluation.state) {
    case 'triggered': {
      if (before.state === 'triggered') return { ...quiet('triggered'), notify: rearmDue(before, rule, nowMs) };
      const pending = before.pending + 1;
      if (pending < Math.max(1, rule.pendingEvaluations)) return { ...quiet(before.state), pending };
      return { ...quiet('triggered'), notify: 'triggered' };
    }
    case 'ok': {
      if (before.state === 'ok') return quiet('ok');
      // unknown → ok is silent, unless the alert fired and its recovery was never announced.
      if (before.state !== 'triggered' && !before.firing) return quiet('ok');
      if (!rule.notifyRecovery)
        return { ...quiet('ok'), suppressed: { notification: 'recovered', why: 'recovery-off' } };
      return { ...quiet('ok'), notify: 'recovered' };
    }
    case 'unknown': {
      if (before.state === 'unknown' && !first) return quiet('unknown');
      if (!rule.notifyUnknown)
        return { ...quiet('unknown'), suppressed: { notification: 'unknown', why: 'unknown-off' } };
      return { ...quiet('unknown'), notify: 'unknown' };
    }
  }
}

/** Still triggered: whether the rearm policy asks to notify again now. */
function rearmDue(before: AlertStatus, rule: AlertRuleForState, nowMs: number): AlertNotification {
  switch (rule.rearm.mode) {
    case 'once':
      return 'none';
    case 'always':
      return 'renotify';
    case 'interval': {
      const last = before.firedAt === null ? Number.NaN : Date.parse(before.firedAt);
      const due = !Number.isFinite(last) || nowMs - last >= rule.rearm.minutes * 60_000;
      return due ? 'renotify' : 'none';
    }
  }
}
