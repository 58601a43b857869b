/**
 * Parameters for the sidebar's live form (pure, no DOM): finds `{{ name }}` in the SQL as the
 * user types, keeps each parameter's saved definition while its name stays in the SQL, and
 * turns the form's values into the payload the server validates again.
 */
import type { Lang, ParameterDef, ParameterType, ParameterValues } from '../../shared/api-types';

export const PARAMETER_TYPES: ParameterType[] = ['text', 'number', 'date', 'datetime', 'daterange', 'list', 'cell'];

/**
 * Relative dates and ranges offered as choices; the server (src/core/params/relative-dates.ts)
 * resolves them in the spreadsheet's time zone and understands both languages.
 */
export const RELATIVE_DATES: Record<Lang, string[]> = {
  en: [
    'today',
    'yesterday',
    '7 days ago',
    '30 days ago',
    'start of this week',
    'start of this month',
    'start of last month',
    'end of last month',
    'start of this year',
  ],
  ja: ['今日', '昨日', '7日前', '30日前', '今週初め', '今月初め', '先月初め', '先月末', '今年初め'],
};
export const RELATIVE_DATETIMES: Record<Lang, string[]> = {
  en: ['now', ...RELATIVE_DATES.en],
  ja: ['現在', ...RELATIVE_DATES.ja],
};
/** A whole range in one word, typed in the "from" box with "to" left empty. */
export const RELATIVE_RANGES: Record<Lang, string[]> = {
  en: ['last 7 days', 'last 30 days', 'this week', 'last week', 'this month', 'last month', 'this year', 'last year'],
  ja: ['過去7日', '過去30日', '今週', '先週', '今月', '先月', '今年', '昨年'],
};

export interface ParameterUse {
  name: string;
  /** Used as {{ name.start }} / {{ name.end }}. */
  range: boolean;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.(start|end))?\s*\}\}/g;

/** The parameters the SQL uses, in order of first use, each once. */
export function findParameters(sql: string): ParameterUse[] {
  const found = new Map<string, ParameterUse>();
  for (const match of sql.matchAll(PLACEHOLDER)) {
    const name = match[1];
    const use = found.get(name) ?? { name, range: false };
    if (match[2]) use.range = true;
    found.set(name, use);
  }
  return [...found.values()];
}

/**
 * The definitions for the parameters now in the SQL: a known definition is kept (from the
 * current list first, then from `remembered`, definitions of names the user deleted and may
 * type again); a new name gets a type guessed from how it is used.
 */
export function reconcileDefinitions(
  sql: string,
  current: ParameterDef[],
  remembered: Map<string, ParameterDef> = new Map(),
): ParameterDef[] {
  const byName = new Map(current.map((d) => [d.name, d] as const));
  return findParameters(sql).map((use) => {
    const known = byName.get(use.name) ?? remembered.get(use.name);
    if (known) return use.range && known.type !== 'daterange' ? { ...known, type: 'daterange' } : known;
    return { name: use.name, type: use.range ? 'daterange' : guessType(use.name) };
  });
}

function guessType(name: string): ParameterType {
  if (/(^|_)(date|day|since|until|from|to)$/i.test(name)) return 'date';
  if (/(^|_)(at|time|datetime)$/i.test(name)) return 'datetime';
  if (/(^|_)(count|limit|n|num|number|amount|min|max)$/i.test(name)) return 'number';
  return 'text';
}

/** The value a form shows first for a definition: its default, or empty. */
export function initialValue(def: ParameterDef): string | string[] {
  if (def.type === 'daterange') {
    const [start = '', end = ''] = (def.default ?? '').split('..');
    return [start, end];
  }
  if (def.type === 'list' && def.multi) return def.default ? def.default.split('\n').filter(Boolean) : [];
  if (def.type === 'cell') return def.cellRef ?? '';
  return def.default ?? '';
}

/** The definition to save: the value in the form becomes the default (as Redash does). */
export function withDefault(def: ParameterDef, value: string | string[] | undefined): ParameterDef {
  if (value === undefined) return def;
  if (def.type === 'cell') return { ...def, cellRef: String(value) };
  const text = Array.isArray(value) ? (def.type === 'daterange' ? value.join('..') : value.join('\n')) : value;
  return text === '' ? def : { ...def, default: text };
}

/**
 * A quick check before sending, for what is plainly missing or not a number. Dates are left to
 * the server, which knows every relative word in both languages and names the parameter.
 */
export type ValueProblem = 'param.empty' | 'param.notNumber';

export function checkValue(def: ParameterDef, value: string | string[] | undefined): ValueProblem | null {
  if (def.type === 'cell') return null;
  if (def.type === 'daterange' && isWholeRange(value)) return null;
  const values = Array.isArray(value) ? value : [value ?? ''];
  if (values.length === 0 || values.some((v) => v.trim() === '')) return 'param.empty';
  if (
    def.type === 'number' &&
    values.some((v) => !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.normalize('NFKC').trim().replace(/,/g, '')))
  )
    return 'param.notNumber';
  return null;
}

/** A range given as one word ("last 7 days", "今月") in the first box, the second left empty. */
function isWholeRange(value: string | string[] | undefined): boolean {
  return Array.isArray(value) && value.length === 2 && value[0].trim() !== '' && value[1].trim() === '';
}

/** The values to send: one entry per parameter that takes a value (cell parameters read their range on the server). */
export function valuesForRun(defs: ParameterDef[], form: ParameterValues): ParameterValues {
  const values: ParameterValues = {};
  for (const def of defs) {
    if (def.type === 'cell') continue;
    const value = form[def.name] ?? initialValue(def);
    if (def.type === 'daterange' && isWholeRange(value)) values[def.name] = (value as string[])[0].trim();
    else values[def.name] = Array.isArray(value) ? value.map((v) => v.trim()) : value.trim();
  }
  return values;
}

/** Definitions with the form's cell references folded in (a cell parameter's "value" is its reference). */
export function definitionsForRun(defs: ParameterDef[], form: ParameterValues): ParameterDef[] {
  return defs.map((def) =>
    def.type === 'cell' && typeof form[def.name] === 'string'
      ? { ...def, cellRef: String(form[def.name]).trim() }
      : def,
  );
}
