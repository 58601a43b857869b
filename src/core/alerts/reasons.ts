/**
 * What an `unknown` evaluation means, for people: the reason code stored with the alert is
 * language-neutral; this turns it into a sentence in the reader's language that says what to do.
 */
import type { AlertCondition, AlertEvaluation, AlertState, AlertUnknownReason } from '../../shared/api-types';
import { type Lang, type MessageKey, translate } from '../i18n';

const REASON_KEYS: Record<AlertUnknownReason, MessageKey> = {
  'no-rows': 'alert.reason.noRows',
  'missing-column': 'alert.reason.missingColumn',
  null: 'alert.reason.null',
  'not-a-number': 'alert.reason.notANumber',
  'threshold-not-a-number': 'alert.reason.thresholdNotANumber',
  'text-order': 'alert.reason.textOrder',
  'query-failed': 'alert.reason.queryFailed',
  'query-timeout': 'alert.reason.queryTimeout',
  'source-paused': 'alert.reason.sourcePaused',
};

const STATE_KEYS: Record<AlertState, MessageKey> = {
  ok: 'alert.state.ok',
  triggered: 'alert.state.triggered',
  unknown: 'alert.state.unknown',
};

export const ALERT_UNKNOWN_REASONS = Object.keys(REASON_KEYS) as AlertUnknownReason[];

export function alertStateLabel(lang: Lang, state: AlertState): string {
  return translate(lang, STATE_KEYS[state]);
}

/** The sentence for an unknown evaluation's reason; '' for an evaluation that is not unknown. */
export function alertReasonMessage(lang: Lang, evaluation: AlertEvaluation, condition: AlertCondition): string {
  if (evaluation.state !== 'unknown' || evaluation.reason === undefined) return '';
  return translate(lang, REASON_KEYS[evaluation.reason], {
    column: condition.column,
    op: condition.op,
    threshold: condition.value.trim(),
    value: evaluation.value === null ? '' : String(evaluation.value),
    detail: evaluation.detail ?? '',
  });
}
