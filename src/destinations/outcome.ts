/**
 * A delivery outcome in the reader's language, for the alert history and "Send test": the
 * outcome itself is stored as codes (api-types DeliveryOutcome) and worded only when shown.
 */
import { translate } from '../core/i18n';
import type { DeliveryOutcome, DeliveryProblem, Lang } from '../shared/api-types';

export function describeProblem(lang: Lang, problem: DeliveryProblem): string {
  return translate(lang, `dest.problem.${problem.code}`, {
    status: problem.httpStatus ?? '',
    detail: problem.detail ?? '',
  }).replace(/ \)/g, ')');
}

export function describeOutcome(lang: Lang, outcome: DeliveryOutcome): string {
  if (outcome.status === 'delivered') return translate(lang, 'dest.outcome.delivered');
  const key = outcome.status === 'failed' ? 'dest.outcome.failed' : 'dest.outcome.retryLater';
  return translate(lang, key, { problem: describeProblem(lang, outcome.problem) });
}
