/**
 * What a cell holds and how input becomes it. Script writes (`setValue(s)`) and user typing
 * both go through `parseInput`, which reads strings as Sheets reads typed input: "=..." is a
 * formula, a leading apostrophe keeps text, numbers/booleans/ISO dates are recognised unless the
 * cell's format is plain text "@". JS Dates become serials in the spreadsheet's zone.
 */
import { AppsScriptException } from '../../core/errors';
import { dateToSerial, wallPartsToSerial } from './time';

/** A formula as written (with its leading "="). */
export class Formula {
  constructor(readonly text: string) {}
}

/** Stored content of a non-empty cell: text, number (dates are numbers with a date format), boolean or formula. */
export type Cell = string | number | boolean | Formula;

export const MAX_CELL_CHARS = 50_000;
export const TOO_MANY_CHARS = 'Your input contains more than the maximum of 50000 characters in a single cell.';
export const PLAIN_TEXT = '@';

export interface ParsedInput {
  cell: Cell | undefined;
  /** A number format the input implies (dates, percentages), if any. */
  format?: string;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function defaultDateTimeFormat(locale: string): string {
  return locale.startsWith('ja') ? 'yyyy/MM/dd H:mm:ss' : 'M/d/yyyy H:mm:ss';
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === PLAIN_TEXT) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[yYdD]/.test(bare) || /[hH]/.test(bare) || /m+:s/.test(bare);
}

export function checkLength(value: unknown): void {
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw new AppsScriptException(TOO_MANY_CHARS);
}

/** Converts one input value (host value) as Sheets would store it in a cell with format `format`. */
export function parseInput(
  value: unknown,
  format: string | undefined,
  ctx: { timeZone: string; locale: string },
): ParsedInput {
  if (value === null || value === undefined || value === '') return { cell: undefined };
  if (typeof value === 'number') return { cell: Number.isFinite(value) ? value : '#NUM!' };
  if (typeof value === 'boolean') return { cell: value };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { cell: 'Invalid Date' };
    return {
      cell: dateToSerial(value, ctx.timeZone),
      format: isDateFormat(format) ? undefined : defaultDateTimeFormat(ctx.locale),
    };
  }
  const text = typeof value === 'string' ? value : String(value);
  if (text.startsWith('=') && text.length > 1) return { cell: new Formula(text) };
  if (text.startsWith("'")) return { cell: text.slice(1) === '' ? undefined : text.slice(1) };
  if (format === PLAIN_TEXT) return { cell: text };
  if (NUMBER.test(text)) return { cell: Number(text) };
  if (GROUPED.test(text)) return { cell: Number(text.replace(/,/g, '')) };
  const pct = PERCENT.exec(text);
  if (pct) return { cell: Number(pct[1]) / 100, format: format ?? (pct[1].includes('.') ? '0.00%' : '0%') };
  const upper = text.toUpperCase();
  if (upper === 'TRUE') return { cell: true };
  if (upper === 'FALSE') return { cell: false };
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d) {
      const hasTime = iso[4] !== undefined;
      const serial = wallPartsToSerial(y, mo, d, Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0));
      const implied = hasTime ? 'yyyy-MM-dd H:mm:ss' : 'yyyy-MM-dd';
      return { cell: serial, format: isDateFormat(format) ? undefined : implied };
    }
  }
  return { cell: text };
}
