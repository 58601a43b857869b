/**
 * The alert form's model (pure): the form's fields from a stored rule and back, the rearm
 * interval typed in minutes or hours turned into `rearm.minutes`, the few checks made before
 * asking the server, and which control a server problem ("condition.value", "rearm.minutes")
 * belongs to.
 */
import type { AlertOp, AlertRule, AlertRuleProblem, AlertSelector } from '../../shared/api-types';
import { t } from './i18n';

export const SELECTORS: AlertSelector[] = ['first', 'min', 'max', 'any', 'all', 'count'];
export const OPS: AlertOp[] = ['>', '>=', '<', '<=', '==', '!='];
export type RearmMode = 'once' | 'always' | 'interval';
export const REARM_MODES: RearmMode[] = ['once', 'always', 'interval'];
export type RearmUnit = 'minutes' | 'hours';

/**
 * The Mustache variables a message template can use (src/alerts/message.ts templateView), in the
 * order the form lists them.
 */
export const TEMPLATE_VARIABLES = [
  'ALERT_NAME',
  'ALERT_STATUS',
  'ALERT_PREVIOUS_STATUS',
  'ALERT_SELECTOR',
  'ALERT_COLUMN',
  'ALERT_CONDITION',
  'ALERT_THRESHOLD',
  'ALERT_REASON',
  'QUERY_NAME',
  'QUERY_URL',
  'QUERY_RESULT_VALUE',
  'QUERY_RESULT_COUNT',
  'QUERY_RESULT_TEXT',
  'QUERY_RESULT_COLS',
  'QUERY_RESULT_ROWS',
  'EVALUATED_AT',
] as const;

/** What the form's controls hold (numbers as typed, so a wrong one can be shown back as it was). */
export interface AlertFields {
  name: string;
  selector: AlertSelector;
  column: string;
  op: AlertOp;
  value: string;
  destinations: string[];
  pending: string;
  rearmMode: RearmMode;
  rearmEvery: string;
  rearmUnit: RearmUnit;
  notifyRecovery: boolean;
  notifyUnknown: boolean;
  muted: boolean;
  triggered: string;
  recovered: string;
}

/** The controls a problem can be shown next to. */
export type AlertControl =
  | 'name'
  | 'selector'
  | 'column'
  | 'op'
  | 'value'
  | 'destinations'
  | 'pending'
  | 'rearm'
  | 'rearmEvery'
  | 'notifyRecovery'
  | 'notifyUnknown'
  | 'muted'
  | 'triggered'
  | 'recovered';

/** The controls in the order they appear in the form: the first one with a problem gets the focus. */
export const CONTROL_ORDER: AlertControl[] = [
  'name',
  'selector',
  'column',
  'op',
  'value',
  'destinations',
  'pending',
  'rearm',
  'rearmEvery',
  'notifyRecovery',
  'notifyUnknown',
  'muted',
  'triggered',
  'recovered',
];

const CONTROL_OF_FIELD: Record<string, AlertControl> = {
  name: 'name',
  condition: 'selector',
  'condition.selector': 'selector',
  'condition.column': 'column',
  'condition.op': 'op',
  'condition.value': 'value',
  destinations: 'destinations',
  pendingEvaluations: 'pending',
  rearm: 'rearm',
  'rearm.mode': 'rearm',
  'rearm.minutes': 'rearmEvery',
  notifyRecovery: 'notifyRecovery',
  notifyUnknown: 'notifyUnknown',
  muted: 'muted',
  templates: 'triggered',
  'templates.triggered': 'triggered',
  'templates.recovered': 'recovered',
};

/** The control a server problem belongs to (a field path, or one of its parents); null for the whole rule. */
export function controlOf(field: string): AlertControl | null {
  const parts = field.split('.');
  while (parts.length > 0) {
    const control = CONTROL_OF_FIELD[parts.join('.')];
    if (control) return control;
    parts.pop();
  }
  return null;
}

/** The form's fields for a rule; an interval of whole hours is shown in hours. */
export function fieldsFromRule(rule: AlertRule): AlertFields {
  const minutes = rule.rearm.mode === 'interval' ? rule.rearm.minutes : 60;
  const inHours = minutes % 60 === 0;
  return {
    name: rule.name,
    selector: rule.condition.selector,
    column: rule.condition.column,
    op: rule.condition.op,
    value: rule.condition.value,
    destinations: [...rule.destinations],
    pending: String(rule.pendingEvaluations),
    rearmMode: rule.rearm.mode,
    rearmEvery: String(inHours ? minutes / 60 : minutes),
    rearmUnit: inHours ? 'hours' : 'minutes',
    notifyRecovery: rule.notifyRecovery,
    notifyUnknown: rule.notifyUnknown,
    muted: rule.muted,
    triggered: rule.templates.triggered,
    recovered: rule.templates.recovered,
  };
}

/** The interval in whole minutes ("2" hours → 120), or null when it is not a positive whole number of minutes. */
export function rearmMinutes(every: string, unit: RearmUnit): number | null {
  const text = every.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const minutes = Number(text) * (unit === 'hours' ? 60 : 1);
  return Number.isInteger(minutes) && minutes >= 1 ? minutes : null;
}

export type RuleFromFields = { rule: AlertRule } | { problems: AlertRuleProblem[] };

/**
 * The rule to send, or the problems the form can tell by itself (numbers that are not whole);
 * everything else is the server's to judge. The threshold is sent exactly as typed.
 */
export function ruleFromFields(base: Pick<AlertRule, 'id' | 'queryId'>, f: AlertFields): RuleFromFields {
  const problems: AlertRuleProblem[] = [];
  const pendingText = f.pending.trim();
  const pending = /^\d+$/.test(pendingText) ? Number(pendingText) : Number.NaN;
  if (!(pending >= 1)) problems.push({ field: 'pendingEvaluations', message: t('alerts.problem.pending') });
  let rearm: AlertRule['rearm'] = { mode: f.rearmMode === 'always' ? 'always' : 'once' };
  if (f.rearmMode === 'interval') {
    const minutes = rearmMinutes(f.rearmEvery, f.rearmUnit);
    if (minutes === null) problems.push({ field: 'rearm.minutes', message: t('alerts.problem.rearmEvery') });
    rearm = { mode: 'interval', minutes: minutes ?? 0 };
  }
  if (problems.length > 0) return { problems };
  return {
    rule: {
      id: base.id,
      queryId: base.queryId,
      name: f.name.trim(),
      condition: {
        column: f.selector === 'count' ? '' : f.column.trim(),
        op: f.op,
        value: f.value,
        selector: f.selector,
      },
      destinations: [...f.destinations],
      pendingEvaluations: pending,
      rearm,
      notifyRecovery: f.notifyRecovery,
      notifyUnknown: f.notifyUnknown,
      muted: f.muted,
      templates: { triggered: f.triggered, recovered: f.recovered },
    },
  };
}

/** A new rule's fields: Redash's defaults (first, rearm once) and ours (recovery and unknown notices on). */
export function newRuleFields(name: string): AlertFields {
  return {
    name,
    selector: 'count',
    column: '',
    op: '>',
    value: '0',
    destinations: [],
    pending: '1',
    rearmMode: 'once',
    rearmEvery: '1',
    rearmUnit: 'hours',
    notifyRecovery: true,
    notifyUnknown: true,
    muted: false,
    triggered: '',
    recovered: '',
  };
}
