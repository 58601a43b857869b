/**
 * What a destination is told when an alert changes state (or re-notifies), and its text: the
 * notification (alert, query, state, value, threshold, link to the result tab, first rows),
 * the Mustache variables it offers to templates (Redash's names, so Redash users' templates
 * work), and rendering with a destination's escaping. Values are escaped once by the
 * destination's rule; the template's own text is the author's markup and is left as written.
 */
import Mustache from 'mustache';
import { translate } from '../core/i18n';
import type { AlertCondition, AlertState, Lang } from '../shared/api-types';
import { DEFAULT_TEMPLATES, type MessageKind } from './templates';
import { cellText, textTableLines } from './text-table';

export type { MessageKind };

/** Rows a notification carries (and a message shows at most). */
export const MAX_NOTIFICATION_ROWS = 10;

export interface AlertNotification {
  alert: { id: string; name: string };
  query: { id: string; name: string };
  state: AlertState;
  previousState: AlertState;
  condition: AlertCondition;
  /** The selected value (the row count for `count`); null when there is none. */
  value: string | number | boolean | null;
  /** Why the state is unknown (a failed query's message, in the reader's language), or null. */
  reason: string | null;
  /** Link to the result tab, or null when there is none yet. */
  resultUrl: string | null;
  /** The first rows of the result (at most MAX_NOTIFICATION_ROWS are shown). */
  result: { columns: string[]; rows: unknown[][] };
  /** How many rows the query returned. */
  rowCount: number;
  /** When the alert was evaluated (ISO). */
  at: string;
  /** The alert's own templates; the defaults of templates.ts otherwise. */
  templates?: { triggered?: string; recovered?: string };
  /** `${alert id}:${sequence}`: the same for every retry of one notification (webhooks dedupe by it). */
  key?: string;
  /** A ready text instead of a check's (health band notices): its title and lines, plain. */
  text?: { title: string; lines: string[] };
}

/** triggered for a fired check, recovered for a return to ok, unknown otherwise. */
export function messageKind(n: Pick<AlertNotification, 'state'>): MessageKind {
  if (n.state === 'triggered') return 'triggered';
  return n.state === 'ok' ? 'recovered' : 'unknown';
}

/** Text on one line: line breaks and other control characters become spaces (a value never adds a line of its own). */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}

/** Every string in `value` (arrays and plain objects too) passed through `escapeValue`. */
function escapedDeep(value: unknown, escapeValue: (text: string) => string): unknown {
  if (typeof value === 'string') return escapeValue(value);
  if (Array.isArray(value)) return value.map((v) => escapedDeep(v, escapeValue));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapedDeep(v, escapeValue)]));
  return value;
}

/** The Mustache variables of a notification, as they are (plain text; one line where a value could add lines). */
export function templateView(n: AlertNotification): Record<string, unknown> {
  const rows = n.result.rows.slice(0, MAX_NOTIFICATION_ROWS);
  return {
    ALERT_ID: n.alert.id,
    ALERT_NAME: oneLine(n.alert.name),
    ALERT_STATUS: n.state.toUpperCase(),
    ALERT_PREVIOUS_STATUS: n.previousState.toUpperCase(),
    ALERT_SELECTOR: n.condition.selector,
    ALERT_COLUMN: n.condition.selector === 'count' ? '' : n.condition.column,
    ALERT_CONDITION: n.condition.op,
    ALERT_THRESHOLD: n.condition.value,
    ALERT_REASON: oneLine(n.reason ?? ''),
    QUERY_ID: n.query.id,
    QUERY_NAME: oneLine(n.query.name),
    QUERY_URL: n.resultUrl ?? '',
    QUERY_RESULT_VALUE: n.value === null ? 'NULL' : oneLine(String(n.value)),
    QUERY_RESULT_COUNT: n.rowCount,
    QUERY_RESULT_COLS: n.result.columns.map((c) => cellText(c)),
    QUERY_RESULT_ROWS: rows.map((row) => Object.fromEntries(n.result.columns.map((c, i) => [c, cellText(row[i])]))),
    QUERY_RESULT_TABLE: rows.map((row) => n.result.columns.map((_, i) => cellText(row[i]))),
    QUERY_RESULT_TEXT: textTableLines(n.result.columns, rows).join('\n'),
    EVALUATED_AT: n.at,
  };
}

/** Whether Mustache can read `template` (an unclosed section or tag cannot be rendered). */
export function isValidTemplate(template: string): boolean {
  try {
    Mustache.parse(template);
    return true;
  } catch {
    return false;
  }
}

/**
 * The template for this notification: the alert's own for its kind when it can be read, else the
 * default in `lang` (a broken custom text must not stop the notification).
 */
export function templateFor(n: AlertNotification, lang: Lang): string {
  const kind = messageKind(n);
  const custom = kind === 'unknown' ? undefined : n.templates?.[kind];
  return custom && custom.trim() !== '' && isValidTemplate(custom) ? custom : DEFAULT_TEMPLATES[kind][lang];
}

/**
 * A template rendered over the notification. Every value is escaped by `escapeValue` before
 * Mustache sees it, and Mustache escapes nothing more: so `{{x}}`, `{{{x}}}`, `{{& x}}` and a
 * section that calls a method of a value (`{{#join}}`) all give escaped data, never a mention or
 * a link from a database row.
 */
export function renderTemplate(template: string, n: AlertNotification, escapeValue: (text: string) => string): string {
  return Mustache.render(template, escapedDeep(templateView(n), escapeValue), {}, { escape: String });
}

/**
 * The message's body text in `lang`, values escaped by `escapeValue` (identity for plain text).
 * A custom template that fails as it renders, or renders to nothing, gives way to the default.
 */
export function messageBody(n: AlertNotification, lang: Lang, escapeValue: (text: string) => string): string {
  if (n.text) return n.text.lines.map(escapeValue).join('\n');
  const fallback = DEFAULT_TEMPLATES[messageKind(n)][lang];
  const template = templateFor(n, lang);
  if (template === fallback) return renderTemplate(fallback, n, escapeValue);
  try {
    const text = renderTemplate(template, n, escapeValue);
    if (text.trim() !== '') return text;
  } catch {
    // a template Mustache can read but not render (say, a section naming a method of a list)
  }
  return renderTemplate(fallback, n, escapeValue);
}

/** The one-line title: "Triggered: <alert>", "Recovered: <alert>" or "Unknown: <alert>" (plain text). */
export function messageTitle(n: AlertNotification, lang: Lang): string {
  if (n.text) return oneLine(n.text.title);
  return translate(lang, `alert.title.${messageKind(n)}`, { alert: oneLine(n.alert.name) });
}

/** The value against the threshold in words: "12 (count > 0)". Plain text, one line. */
export function valueText(n: AlertNotification): string {
  const value = n.value === null ? 'NULL' : oneLine(String(n.value));
  const subject = n.condition.selector === 'count' ? 'count' : `${n.condition.selector} ${n.condition.column}`;
  return oneLine(`${value} (${subject} ${n.condition.op} ${n.condition.value})`);
}

/** Plain `text` as is (templates for plain-text destinations). */
export const noEscape = (text: string): string => text;
