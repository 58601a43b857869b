/**
 * Band alerts, the pure part: between two snapshots, whether a customer moved down a band (or
 * dropped more than N points) or recovered, decided by the check alerts' state machine (a
 * synthetic evaluation: triggered while below its previous band, ok when back), and the
 * notification's content: company, old and new score and band, the measures that moved most,
 * the CS owner, in English or Japanese. Delivery through the destinations is not wired here.
 */
import type { AlertEvaluation, AlertStatus } from '../../shared/api-types';
import { nextAlertState, type AlertRuleForState, type AlertTransition } from '../alerts/state';
import { type Lang, translate } from '../i18n';
import type { HealthBand } from './model';

export interface HealthPoint {
  score: number;
  band: string;
  /** Measure scores by measure name (non-numbers left out). */
  measures: Record<string, number>;
}

export interface BandAlertSettings {
  /** A drop of more than this many points since the last snapshot also triggers (0: off). */
  dropPoints: number;
}

/** Position of a band (0 = lowest), or -1 when it is not one of the bands. */
export function bandRank(band: string, bands: readonly HealthBand[]): number {
  return bands.findIndex((b) => b.name === band);
}

/**
 * The synthetic evaluation of a customer between its reference point (the band it was in
 * before it was last fine) and now: triggered when it is in a lower band or dropped more than
 * `dropPoints`, ok otherwise.
 */
export function bandEvaluation(
  before: HealthPoint,
  now: HealthPoint,
  bands: readonly HealthBand[],
  settings: BandAlertSettings,
): AlertEvaluation {
  const down = bandRank(now.band, bands) < bandRank(before.band, bands);
  const dropped = settings.dropPoints > 0 && before.score - now.score > settings.dropPoints;
  return { state: down || dropped ? 'triggered' : 'ok', value: now.score };
}

/** Band alerts notify once per move down and once on recovery (the check alerts' rules). */
export const BAND_ALERT_RULE: AlertRuleForState = {
  pendingEvaluations: 1,
  rearm: { mode: 'once' },
  notifyRecovery: true,
  notifyUnknown: false,
  muted: false,
};

export function nextBandState(
  previous: AlertStatus | null,
  evaluation: AlertEvaluation,
  nowMs: number,
): AlertTransition {
  return nextAlertState(previous, evaluation, BAND_ALERT_RULE, nowMs);
}

/** What is kept per customer between snapshots: the alert status and the point it is judged against. */
export interface BandState {
  status: AlertStatus;
  /** While fine: the last snapshot. While down: the point before it fell, which a recovery must reach. */
  baseline: HealthPoint;
}

export interface BandStep {
  state: BandState;
  notify: AlertTransition['notify'];
  /** The point the message compares the customer's current one with. */
  from: HealthPoint;
}

/**
 * One customer at one snapshot: judged against its baseline (the previous snapshot while fine,
 * the point before it fell while down, so staying down is not a recovery), then the check
 * alerts' state machine decides what to send.
 */
export function bandStep(
  state: BandState | null,
  previous: HealthPoint,
  now: HealthPoint,
  bands: readonly HealthBand[],
  settings: BandAlertSettings,
  nowMs: number,
): BandStep {
  const down = state !== null && state.status.state === 'triggered';
  const baseline = down ? state.baseline : previous;
  const transition = nextBandState(state?.status ?? null, bandEvaluation(baseline, now, bands, settings), nowMs);
  const stillDown = transition.status.state === 'triggered';
  return {
    state: { status: transition.status, baseline: stillDown ? baseline : now },
    notify: transition.notify,
    from: transition.notify === 'triggered' ? previous : baseline,
  };
}

export interface MeasureMove {
  name: string;
  before: number;
  after: number;
}

/** The measures whose scores moved most (by absolute change), at most `limit`. */
export function biggestMoves(before: HealthPoint, now: HealthPoint, limit = 3): MeasureMove[] {
  return Object.keys(now.measures)
    .filter((name) => typeof before.measures[name] === 'number')
    .map((name) => ({ name, before: before.measures[name], after: now.measures[name] }))
    .filter((m) => m.after !== m.before)
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before))
    .slice(0, limit);
}

export interface BandMessage {
  title: string;
  lines: string[];
}

/** The text of a band alert (a move down) or of its recovery. */
export function bandMessage(
  lang: Lang,
  kind: 'triggered' | 'recovered',
  customer: { company: string; companyId: string; csOwner: string },
  before: HealthPoint,
  now: HealthPoint,
): BandMessage {
  const title = translate(lang, kind === 'triggered' ? 'health.alert.down' : 'health.alert.recovered', {
    company: customer.company || customer.companyId,
  });
  const lines = [
    translate(lang, 'health.alert.score', {
      before: before.score,
      beforeBand: before.band,
      after: now.score,
      afterBand: now.band,
    }),
  ];
  const moves = biggestMoves(before, now);
  if (moves.length > 0)
    lines.push(
      translate(lang, 'health.alert.moves', {
        moves: moves.map((m) => `${m.name} ${m.before} → ${m.after}`).join(', '),
      }),
    );
  lines.push(translate(lang, 'health.alert.owner', { owner: customer.csOwner || '—' }));
  return { title, lines };
}
