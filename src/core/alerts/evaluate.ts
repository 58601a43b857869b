/**
 * Evaluates an alert's condition against a query result: a pure function, no Apps Script
 * service. Redash's rules plus the selectors it lacks (`any`, `all`, `count`); where Redash
 * crashes (NULL under min / max, text ordered against a number) the answer is `unknown`, with
 * a language-neutral reason (messages in ./reasons.ts). The rules are in the README, "Alert
 * evaluation"; the comparison of one value is in ./compare.ts.
 */
import type { AlertCondition, AlertEvaluation, AlertUnknownReason, AlertValue } from '../../shared/api-types';
import { compareNumbers, holds, judge, type Operand, operandReader, parseThreshold, type Threshold } from './compare';

/**
 * A query result as the sheet holds it. `rows` hold cell values: numbers, booleans, Dates, text,
 * '' (or null) for NULL. `timeZone` (the spreadsheet's) is the zone whose wall clock a Date
 * shows, as `Range.getValues()` returns them; UTC when absent.
 */
export interface AlertResult {
  columns: string[];
  rows: unknown[][];
  timeZone?: string;
}

export function evaluateAlert(result: AlertResult, condition: AlertCondition): AlertEvaluation {
  const threshold = parseThreshold(condition.value);
  if (condition.selector === 'count') return countRows(result.rows.length, condition, threshold);
  if (result.rows.length === 0) return unknown('no-rows', null);
  const index = condition.column === '' ? -1 : result.columns.indexOf(condition.column);
  if (index < 0) return unknown('missing-column', null);
  const read = operandReader(result.timeZone);
  const operands = result.rows.map((row) => read(row[index]));
  switch (condition.selector) {
    case 'first':
      return judged(operands[0], condition, threshold);
    case 'min':
    case 'max':
      return extreme(operands, condition, threshold);
    case 'any':
    case 'all':
      return everyRow(operands, condition, threshold);
  }
}

/** At most this many characters of a failure's message are kept (the status is stored in a property). */
export const MAX_DETAIL_CHARS = 1_000;

/** The evaluation of an alert whose query gave no result (an error, a timeout, a paused source). */
export function failedEvaluation(
  reason: 'query-failed' | 'query-timeout' | 'source-paused',
  detail: string,
): AlertEvaluation {
  const cut = detail.length <= MAX_DETAIL_CHARS ? detail : `${detail.slice(0, MAX_DETAIL_CHARS - 1)}…`;
  return { state: 'unknown', value: null, reason, detail: cut };
}

function countRows(count: number, condition: AlertCondition, threshold: Threshold): AlertEvaluation {
  if (threshold.n === null) return unknown('threshold-not-a-number', count);
  const sign = compareNumbers(String(count), count, threshold.text, threshold.n);
  return { state: holds(condition.op, sign) ? 'triggered' : 'ok', value: count };
}

function judged(operand: Operand, condition: AlertCondition, threshold: Threshold): AlertEvaluation {
  const value = operand.kind === 'null' ? null : operand.value;
  const judgement = judge(operand, condition.op, threshold);
  if (judgement.state === 'unknown') return unknown(judgement.reason, value);
  return { state: judgement.state, value };
}

/** min / max: every value must be a number (NULL or text gives unknown, where Redash crashes or gives up). */
function extreme(operands: Operand[], condition: AlertCondition, threshold: Threshold): AlertEvaluation {
  let best: Extract<Operand, { kind: 'number' }> | null = null;
  for (const operand of operands) {
    if (operand.kind === 'null') return unknown('null', null);
    if (operand.kind !== 'number') return unknown('not-a-number', operand.value);
    const sign = best === null ? 0 : compareNumbers(operand.text, operand.n, best.text, best.n);
    if (best === null || (condition.selector === 'max' ? sign > 0 : sign < 0)) best = operand;
  }
  return best === null ? unknown('no-rows', null) : judged(best, condition, threshold);
}

/**
 * any / all, in three-valued logic: `any` is triggered when a row meets the condition, else
 * unknown when a row cannot be judged, else ok; `all` is ok when a row is judged ok, else
 * unknown when a row cannot be judged, else triggered. The value is a deciding row's.
 */
function everyRow(operands: Operand[], condition: AlertCondition, threshold: Threshold): AlertEvaluation {
  const judgements = operands.map((operand) => judged(operand, condition, threshold));
  const matches = judgements.filter((j) => j.state === 'triggered').length;
  const firstOf = (state: AlertEvaluation['state']) => judgements.find((j) => j.state === state);
  const hit = firstOf('triggered');
  const fine = firstOf('ok');
  const unsure = firstOf('unknown');
  const decided = condition.selector === 'any' ? (hit ?? unsure ?? fine) : (fine ?? unsure ?? hit);
  return { ...(decided ?? unknown('no-rows', null)), matches };
}

function unknown(reason: AlertUnknownReason, value: AlertValue): AlertEvaluation {
  return { state: 'unknown', value, reason };
}
