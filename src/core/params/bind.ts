/**
 * Turns a query's SQL, its parameter definitions and the values the user chose (or the
 * defaults, for scheduled runs) into a BoundSql: one `?` per value, values typed and in order.
 * Numbers are bound as numbers; dates as 'YYYY-MM-DD' text and date-times as
 * 'YYYY-MM-DD HH:MM:SS' text, which the database casts where the column is a date. A multi
 * list or a cell range expands to "?, ?, ?" (one placeholder per value), for use in IN (...).
 * Any value that does not fit its type is refused with a message naming the parameter.
 */
import { translate, type Lang, type MessageKey } from '../i18n';
import { UserError } from '../user-error';
import type { Dialect } from '../../datasources/kind';
import type { ParameterDef, ParameterValues } from '../../shared/api-types';
import type { BoundSql, BoundValue } from './bound-sql';
import { effectiveParameters, parsePlaceholders } from './placeholders';
import {
  formatDate,
  parseIsoDate,
  resolveRelativeDate,
  resolveRelativeRange,
  type CalendarDate,
} from './relative-dates';

/** Most values one list or cell parameter may expand to. */
export const MAX_LIST_VALUES = 5_000;

export interface BindContext {
  lang: Lang;
  /** Today in the spreadsheet's time zone. */
  today: CalendarDate;
  /** The current time there, 'HH:MM:SS' (for "now"). */
  nowTime: string;
  /** The non-empty values of an A1 reference or named range, row by row; null when there is no such range. */
  cellValues(ref: string): BoundValue[] | null;
  /** The first-column values of a saved query's result tab; null when it has none yet. */
  queryOptions(queryId: string): string[] | null;
}

type Resolved =
  | { kind: 'one'; value: BoundValue }
  | { kind: 'many'; values: BoundValue[] }
  | { kind: 'range'; start: string; end: string };

export function bindParameters(
  sql: string,
  declared: ParameterDef[],
  values: ParameterValues,
  dialect: Dialect,
  ctx: BindContext,
): BoundSql {
  const defs = effectiveParameters(sql, declared, dialect);
  const resolved = new Map<string, Resolved>();
  let out = '';
  const bound: BoundValue[] = [];
  for (const piece of parsePlaceholders(sql, dialect)) {
    if ('text' in piece) {
      out += piece.text;
      continue;
    }
    const def = defs.find((d) => d.name === piece.param);
    if (!def) throw new UserError(translate(ctx.lang, 'param.badDefinition', { detail: piece.param }));
    let value = resolved.get(def.name);
    if (!value) {
      // Only a value given for this name: a parameter named "constructor" must not read Object.prototype's.
      const given = Object.prototype.hasOwnProperty.call(values, def.name) ? values[def.name] : undefined;
      value = resolveValue(def, given, ctx);
      resolved.set(def.name, value);
    }
    if (value.kind === 'range') {
      if (!piece.field) throw problem(ctx.lang, 'param.rangeField', def);
      out += '?';
      bound.push(piece.field === 'start' ? value.start : value.end);
    } else {
      if (piece.field) throw problem(ctx.lang, 'param.notRange', def);
      const list = value.kind === 'one' ? [value.value] : value.values;
      out += list.map(() => '?').join(', ');
      bound.push(...list);
    }
  }
  return { sql: out, values: bound };
}

function problem(
  lang: Lang,
  key: MessageKey,
  def: ParameterDef,
  vars: Record<string, string | number> = {},
): UserError {
  return new UserError(translate(lang, key, { name: def.label || def.name, ...vars }));
}

function resolveValue(def: ParameterDef, given: string | string[] | undefined, ctx: BindContext): Resolved {
  const raw = given ?? def.default;
  const single = (): string => {
    if (Array.isArray(raw)) {
      if (raw.length === 1) return raw[0];
      throw problem(ctx.lang, 'param.oneValue', def);
    }
    if (raw === undefined || raw === null) throw problem(ctx.lang, 'param.required', def);
    return String(raw);
  };
  switch (def.type) {
    case 'text':
      return { kind: 'one', value: single() };
    case 'number': {
      const text = single().normalize('NFKC').trim().replace(/,/g, '');
      const n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n)) throw problem(ctx.lang, 'param.number', def);
      return { kind: 'one', value: n };
    }
    case 'date': {
      const date = dateValue(single(), ctx);
      if (!date) throw problem(ctx.lang, 'param.date', def);
      return { kind: 'one', value: formatDate(date) };
    }
    case 'datetime': {
      const text = dateTimeValue(single(), ctx);
      if (!text) throw problem(ctx.lang, 'param.datetime', def);
      return { kind: 'one', value: text };
    }
    case 'daterange': {
      const range = rangeValue(raw, ctx);
      if (!range) throw problem(ctx.lang, 'param.daterange', def);
      if (range[0] > range[1]) throw problem(ctx.lang, 'param.rangeOrder', def);
      return { kind: 'range', start: range[0], end: range[1] };
    }
    case 'list': {
      let options = def.options ?? [];
      if (options.length === 0 && def.optionsQueryId) {
        const fromQuery = ctx.queryOptions(def.optionsQueryId);
        if (fromQuery === null) throw problem(ctx.lang, 'param.optionsQuery', def);
        options = fromQuery;
      }
      const chosen =
        raw === undefined || raw === null
          ? []
          : Array.isArray(raw)
            ? raw.map(String)
            : def.multi
              ? splitList(String(raw))
              : [String(raw)];
      if (chosen.length === 0) throw problem(ctx.lang, def.multi ? 'param.listEmpty' : 'param.required', def);
      if (!def.multi && chosen.length > 1) throw problem(ctx.lang, 'param.oneValue', def);
      const unknown = options.length > 0 ? chosen.find((v) => !options.includes(v)) : undefined;
      if (unknown !== undefined)
        throw problem(ctx.lang, 'param.notAnOption', def, { value: unknown, options: options.slice(0, 10).join(', ') });
      if (chosen.length > MAX_LIST_VALUES) throw problem(ctx.lang, 'param.tooMany', def, { max: MAX_LIST_VALUES });
      return def.multi ? { kind: 'many', values: chosen } : { kind: 'one', value: chosen[0] };
    }
    case 'cell': {
      const ref =
        typeof raw === 'string' && raw.trim() && given !== undefined ? raw.trim() : (def.cellRef ?? '').trim();
      if (!ref) throw problem(ctx.lang, 'param.cellRefMissing', def);
      const found = ctx.cellValues(ref);
      if (found === null) throw problem(ctx.lang, 'param.cellRefBad', def, { ref });
      if (found.length === 0) throw problem(ctx.lang, 'param.cellEmpty', def, { ref });
      if (found.length > MAX_LIST_VALUES) throw problem(ctx.lang, 'param.tooMany', def, { max: MAX_LIST_VALUES });
      return { kind: 'many', values: found };
    }
    default:
      throw problem(ctx.lang, 'param.unknownType', def, { type: String((def as { type: unknown }).type) });
  }
}

/** "a, b, c" or one value per line, for a multi list typed as text. */
function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function dateValue(text: string, ctx: BindContext): CalendarDate | null {
  return parseIsoDate(text) ?? resolveRelativeDate(text, ctx.today);
}

const DATE_TIME = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function dateTimeValue(text: string, ctx: BindContext): string | null {
  const t = text.normalize('NFKC').trim();
  if (/^(now|現在)$/i.test(t)) return `${formatDate(ctx.today)} ${ctx.nowTime}`;
  const m = DATE_TIME.exec(t);
  if (m) {
    const date = parseIsoDate(m[1]);
    const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
    if (!date || h > 23 || mi > 59 || s > 59) return null;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${formatDate(date)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
  }
  const date = dateValue(t, ctx);
  return date ? `${formatDate(date)} 00:00:00` : null;
}

function rangeValue(raw: string | string[] | undefined, ctx: BindContext): [string, string] | null {
  if (raw === undefined || raw === null) return null;
  let sides: string[];
  if (Array.isArray(raw)) sides = raw;
  else {
    const word = resolveRelativeRange(raw, ctx.today);
    if (word) return [formatDate(word[0]), formatDate(word[1])];
    sides = raw
      .normalize('NFKC')
      .split(/\.\.|~| to |〜/)
      .map((s) => s.trim());
  }
  if (sides.length !== 2) return null;
  const start = dateValue(sides[0], ctx);
  const end = dateValue(sides[1], ctx);
  return start && end ? [formatDate(start), formatDate(end)] : null;
}
