/**
 * Checks an alert rule from untrusted input (the sidebar, or a stored row read back): every
 * field typed, defaults filled in (Redash's: selector `first`, rearm once; ours: recovery and
 * unknown notices on, pending 1), and every problem listed with the field it belongs to, in
 * the user's language. Also the one-click check "alert when this query returns rows".
 */
import type {
  AlertCondition,
  AlertOp,
  AlertRearm,
  AlertRule,
  AlertRuleProblem,
  AlertSelector,
} from '../../shared/api-types';
import { type Lang, type MessageKey, translate } from '../i18n';
import { parseThreshold } from './compare';

export type AlertRuleCheck = { ok: true; rule: AlertRule } | { ok: false; problems: AlertRuleProblem[] };

export const ALERT_SELECTORS: AlertSelector[] = ['first', 'min', 'max', 'any', 'all', 'count'];
export const ALERT_OPS: AlertOp[] = ['>', '>=', '<', '<=', '==', '!='];

/** Other spellings of the operators (Redash's legacy words, SQL's, the UI's symbols). */
const OP_ALIASES: Record<string, AlertOp> = {
  '=': '==',
  '<>': '!=',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  'greater than': '>',
  'less than': '<',
  equals: '==',
};

/** Selectors whose value is always a number. */
const NUMERIC_SELECTORS: AlertSelector[] = ['min', 'max', 'count'];

const MAX_NAME = 200;
const MAX_ID = 100;
const MAX_COLUMN = 1_000;
const MAX_THRESHOLD = 1_000;
const MAX_TEMPLATE = 10_000;
const MAX_DESTINATIONS = 20;
const MAX_PENDING = 100;
/** 30 days. */
const MAX_REARM_MINUTES = 43_200;

/** "Alert when this query returns rows": the count of rows, > 0. */
export const ROWS_CHECK_CONDITION: Readonly<AlertCondition> = { column: '', op: '>', value: '0', selector: 'count' };

/** A new rule with every default, for the one-click check or an empty form. */
export function defaultAlertRule(queryId: string, name: string): AlertRule {
  return {
    id: '',
    queryId,
    name,
    condition: { ...ROWS_CHECK_CONDITION },
    destinations: [],
    pendingEvaluations: 1,
    rearm: { mode: 'once' },
    notifyRecovery: true,
    notifyUnknown: true,
    muted: false,
    templates: { triggered: '', recovered: '' },
  };
}

export function checkAlertRule(raw: unknown, lang: Lang): AlertRuleCheck {
  const problems: AlertRuleProblem[] = [];
  const say = (field: string, key: MessageKey, vars: Record<string, string | number> = {}) => {
    problems.push({ field, message: translate(lang, key, vars) });
  };
  if (!isObject(raw)) return { ok: false, problems: [{ field: '', message: translate(lang, 'alert.rule.notObject') }] };
  const fields = new Reader(raw, say);
  const id = fields.text('id', MAX_ID);
  const queryId = fields.text('queryId', MAX_ID);
  if (queryId === '' && !problems.some((p) => p.field === 'queryId')) say('queryId', 'alert.rule.queryRequired');
  const name = fields.text('name', MAX_NAME).trim();
  if (name === '' && !problems.some((p) => p.field === 'name')) say('name', 'alert.rule.nameRequired');
  const condition = checkCondition(raw.condition, say);
  const destinations = checkDestinations(raw.destinations, say);
  const pendingEvaluations = fields.whole('pendingEvaluations', 1, MAX_PENDING, 1);
  const rearm = checkRearm(raw.rearm, say);
  const notifyRecovery = fields.flag('notifyRecovery', true);
  const notifyUnknown = fields.flag('notifyUnknown', true);
  const muted = fields.flag('muted', false);
  const templates = isObject(raw.templates) ? raw.templates : {};
  if (raw.templates !== undefined && raw.templates !== null && !isObject(raw.templates))
    say('templates', 'alert.rule.notObject');
  const texts = new Reader(templates, (field, key, vars) => say(`templates.${field}`, key, vars));
  const triggered = texts.text('triggered', MAX_TEMPLATE);
  const recovered = texts.text('recovered', MAX_TEMPLATE);
  if (problems.length > 0 || condition === null || rearm === null) return { ok: false, problems };
  return {
    ok: true,
    rule: {
      id,
      queryId,
      name,
      condition,
      destinations,
      pendingEvaluations,
      rearm,
      notifyRecovery,
      notifyUnknown,
      muted,
      templates: { triggered, recovered },
    },
  };
}

/** The problems as one sentence, for an API error. */
export function alertRuleProblemsMessage(lang: Lang, problems: AlertRuleProblem[]): string {
  return translate(lang, 'alert.rule.invalid', { problems: problems.map((p) => p.message).join(' ') });
}

type Say = (field: string, key: MessageKey, vars?: Record<string, string | number>) => void;

function checkCondition(raw: unknown, say: Say): AlertCondition | null {
  if (!isObject(raw)) {
    say('condition', 'alert.rule.notObject');
    return null;
  }
  let bad = false;
  const counted: Say = (field, key, vars) => {
    bad = true;
    say(`condition.${field}`, key, vars);
  };
  const fields = new Reader(raw, counted);
  const selectorText = fields.text('selector', 20) || 'first';
  const selector = ALERT_SELECTORS.find((s) => s === selectorText);
  if (!selector)
    counted('selector', 'alert.rule.selector', { selector: selectorText, choices: ALERT_SELECTORS.join(', ') });
  const opText = fields.text('op', 20).trim();
  const op = ALERT_OPS.find((o) => o === opText) ?? OP_ALIASES[opText.toLowerCase()];
  if (!op && opText === '') counted('op', 'alert.rule.opRequired', { choices: ALERT_OPS.join(', ') });
  else if (!op) counted('op', 'alert.rule.op', { op: opText, choices: ALERT_OPS.join(', ') });
  const value =
    typeof raw.value === 'number' && Number.isFinite(raw.value)
      ? String(raw.value)
      : fields.text('value', MAX_THRESHOLD);
  const threshold = parseThreshold(value);
  if (threshold.text === '') counted('value', 'alert.rule.thresholdRequired');
  else if (selector && NUMERIC_SELECTORS.includes(selector) && threshold.n === null)
    counted('value', 'alert.rule.thresholdNumber', { selector, threshold: threshold.text });
  const column = selector === 'count' ? '' : fields.text('column', MAX_COLUMN);
  if (selector && selector !== 'count' && column === '') counted('column', 'alert.rule.columnRequired');
  if (bad || !selector || !op) return null;
  return { column, op, value, selector };
}

function checkDestinations(raw: unknown, say: Say): string[] {
  if (raw === undefined || raw === null) return [];
  const ids = Array.isArray(raw) ? raw : null;
  const valid =
    ids !== null &&
    ids.length <= MAX_DESTINATIONS &&
    ids.every((id) => typeof id === 'string' && id !== '' && id.length <= MAX_ID) &&
    new Set(ids).size === ids.length;
  if (!valid) {
    say('destinations', 'alert.rule.destinations', { max: MAX_DESTINATIONS });
    return [];
  }
  return ids as string[];
}

function checkRearm(raw: unknown, say: Say): AlertRearm | null {
  if (raw === undefined || raw === null) return { mode: 'once' };
  if (isObject(raw) && (raw.mode === 'once' || raw.mode === 'always')) return { mode: raw.mode };
  if (isObject(raw) && raw.mode === 'interval') {
    const minutes = raw.minutes;
    if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_REARM_MINUTES)
      return { mode: 'interval', minutes };
    say('rearm.minutes', 'alert.rule.whole', { field: 'rearm.minutes', min: 1, max: MAX_REARM_MINUTES });
    return null;
  }
  say('rearm', 'alert.rule.rearm');
  return null;
}

/** Typed reads of one object's fields, each problem reported under the field's name. */
class Reader {
  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly say: Say,
  ) {}

  text(field: string, max: number): string {
    const value = this.raw[field];
    if (value === undefined || value === null) return '';
    if (typeof value === 'string' && value.length <= max) return value;
    this.say(field, 'alert.rule.text', { field, max });
    return '';
  }

  whole(field: string, min: number, max: number, fallback: number): number {
    const value = this.raw[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.say(field, 'alert.rule.whole', { field, min, max });
    return fallback;
  }

  flag(field: string, fallback: boolean): boolean {
    const value = this.raw[field];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    this.say(field, 'alert.rule.flag', { field });
    return fallback;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
