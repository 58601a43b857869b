/**
 * Parameters for the sidebar's live form (pure, no DOM): finds `{{ name }}` in the SQL as the
 * user types, keeps each parameter's saved definition while its name stays in the SQL, and
 * turns the form's values into the payload the server validates again.
 */
import type { ParameterDef, ParameterType, ParameterValues } from '../../shared/api-types';

export const PARAMETER_TYPES: ParameterType[] = ['text', 'number', 'date', 'datetime', 'daterange', 'list', 'cell'];

/** Relative dates the server resolves in the spreadsheet's time zone. */
export const RELATIVE_DATES = ['today', 'yesterday', '7 days ago', '30 days ago', 'start of week', 'start of month', 'start of last month', 'start of year'];
export const RELATIVE_DATETIMES = ['now', ...RELATIVE_DATES];

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
export function reconcileDefinitions(sql: string, current: ParameterDef[], remembered: Map<string, ParameterDef> = new Map()): ParameterDef[] {
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/;

/** A quick check before sending, so typos are caught while typing; the server checks again. */
export type ValueProblem = 'param.empty' | 'param.notNumber' | 'param.notDate' | 'param.notDatetime';

export function checkValue(def: ParameterDef, value: string | string[] | undefined): ValueProblem | null {
  const values = Array.isArray(value) ? value : [value ?? ''];
  if (def.type === 'cell') return null;
  if (values.length === 0 || values.some((v) => v.trim() === '')) return 'param.empty';
  for (const v of values.map((x) => x.trim())) {
    if (def.type === 'number' && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return 'param.notNumber';
    if ((def.type === 'date' || def.type === 'daterange') && !ISO_DATE.test(v) && !isRelative(v, RELATIVE_DATES)) return 'param.notDate';
    if (def.type === 'datetime' && !ISO_DATETIME.test(v) && !ISO_DATE.test(v) && !isRelative(v, RELATIVE_DATETIMES)) return 'param.notDatetime';
  }
  return null;
}

function isRelative(value: string, known: string[]): boolean {
  const lower = value.toLowerCase();
  return known.includes(lower) || /^\d+ (day|week|month|year)s? ago$/.test(lower);
}

/** The values to send: one entry per parameter that takes a value (cell parameters read their range on the server). */
export function valuesForRun(defs: ParameterDef[], form: ParameterValues): ParameterValues {
  const values: ParameterValues = {};
  for (const def of defs) {
    if (def.type === 'cell') continue;
    const value = form[def.name] ?? initialValue(def);
    values[def.name] = Array.isArray(value) ? value.map((v) => v.trim()) : value.trim();
  }
  return values;
}

/** Definitions with the form's cell references folded in (a cell parameter's "value" is its reference). */
export function definitionsForRun(defs: ParameterDef[], form: ParameterValues): ParameterDef[] {
  return defs.map((def) => (def.type === 'cell' && typeof form[def.name] === 'string' ? { ...def, cellRef: String(form[def.name]).trim() } : def));
}
