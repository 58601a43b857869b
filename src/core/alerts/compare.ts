/**
 * One cell value against an alert's threshold, by Redash's rules (README, "Alert evaluation"):
 * a number or numeric text against a numeric threshold compares as numbers (exactly, digit by
 * digit, when both are plain decimals, so a BIGINT kept as text is never rounded); anything
 * else compares as text in Unicode code-point order. Values arrive as a sheet cell holds them:
 * numbers, booleans (compared as the text "true" / "false"), Dates (as ISO text in the given
 * time zone), text, and '' for NULL. Pure: no Apps Script service.
 */
import type { AlertOp, AlertUnknownReason, AlertValue } from '../../shared/api-types';
import { type OffsetAt, zoneOffsets } from '../values/zone-offsets';

/** A cell value made comparable. `value` is what the alert reports. */
export type Operand =
  | { kind: 'null' }
  | { kind: 'number'; n: number; text: string; value: AlertValue }
  | { kind: 'text'; text: string; value: AlertValue; from: 'text' | 'boolean' | 'date' };

export interface Threshold {
  /** As typed, without surrounding blanks. */
  text: string;
  /** The threshold's number when it is numeric text. */
  n: number | null;
}

export type Judgement = { state: 'ok' | 'triggered' } | { state: 'unknown'; reason: AlertUnknownReason };

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const MS_PER_DAY = 86_400_000;
/** 1899-12-30, the day a sheet gives a time-of-day cell. */
const TIME_ONLY_DAY = -25_569;

export function parseThreshold(typed: string): Threshold {
  const text = typed.trim();
  return { text, n: NUMERIC.test(text) ? Number(text) : null };
}

/** Reads cells into operands; Dates read their wall clock in `timeZone` (UTC when absent or unknown). */
export function operandReader(timeZone?: string): (cell: unknown) => Operand {
  let offsetAt: OffsetAt | null | undefined;
  return (cell) => {
    if (!(cell instanceof Date)) return operandOf(cell);
    if (offsetAt === undefined) offsetAt = timeZone ? zoneOffsets(timeZone) : null;
    const utc = cell.getTime();
    if (!Number.isFinite(utc)) return { kind: 'null' };
    const text = isoWallClock(utc + (offsetAt ? offsetAt(utc) : 0));
    return { kind: 'text', text, value: text, from: 'date' };
  };
}

function operandOf(cell: unknown): Operand {
  if (cell === null || cell === undefined || cell === '') return { kind: 'null' };
  if (typeof cell === 'number') {
    if (Number.isFinite(cell)) return { kind: 'number', n: cell, text: String(cell), value: cell };
    return { kind: 'text', text: String(cell), value: String(cell), from: 'text' };
  }
  if (typeof cell === 'boolean') return { kind: 'text', text: String(cell), value: cell, from: 'boolean' };
  const text = typeof cell === 'string' ? cell : String(cell);
  const trimmed = text.trim();
  if (NUMERIC.test(trimmed)) return { kind: 'number', n: Number(trimmed), text: trimmed, value: reported(text) };
  return { kind: 'text', text, value: reported(text), from: 'text' };
}

/** At most this many characters of a text value are reported (and stored with the alert's status). */
export const MAX_REPORTED_CHARS = 500;

/** The value as reported: the whole text is compared, but a long one is cut with a visible marker. */
function reported(text: string): string {
  return text.length <= MAX_REPORTED_CHARS ? text : `${text.slice(0, MAX_REPORTED_CHARS - 1)}…`;
}

/**
 * A wall clock (ms since 1970-01-01 read as UTC) as ISO text: "2024-01-31" at midnight,
 * "09:30:00" on the sheet's time-only day, else "2024-01-31 09:30:00" (".250" when it has ms).
 */
export function isoWallClock(wallMs: number): string {
  const d = new Date(wallMs);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const ms = d.getUTCMilliseconds();
  const fraction = ms ? `.${pad(ms, 3)}` : '';
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction}`;
  if (Math.floor(wallMs / MS_PER_DAY) === TIME_ONLY_DAY) return time;
  return wallMs % MS_PER_DAY === 0 ? date : `${date} ${time}`;
}

/** Judges one operand against the threshold. */
export function judge(operand: Operand, op: AlertOp, threshold: Threshold): Judgement {
  if (operand.kind === 'null') return { state: 'unknown', reason: 'null' };
  if (operand.kind === 'number') {
    if (threshold.n === null) return { state: 'unknown', reason: 'threshold-not-a-number' };
    return holds(op, compareNumbers(operand.text, operand.n, threshold.text, threshold.n)) ? triggered() : ok();
  }
  const ordering = op !== '==' && op !== '!=';
  // Redash crashes here (str > float); text has no order against a number.
  if (ordering && threshold.n !== null) return { state: 'unknown', reason: 'not-a-number' };
  if (holds(op, compareCodePoints(operand.text, textThreshold(operand, threshold.text)))) return triggered();
  return ordering ? { state: 'unknown', reason: 'text-order' } : ok();
}

/** Booleans match TRUE / True / true; a date-time threshold may be written with a "T". */
function textThreshold(operand: Operand & { kind: 'text' }, text: string): string {
  if (operand.from === 'boolean') return text.toLowerCase();
  if (operand.from === 'date' && /^\d{4}-\d{2}-\d{2}T\d/.test(text)) return text.replace('T', ' ');
  return text;
}

function ok(): Judgement {
  return { state: 'ok' };
}

function triggered(): Judgement {
  return { state: 'triggered' };
}

/** Whether `a op b` holds, given the sign of a compared with b. */
export function holds(op: AlertOp, sign: number): boolean {
  switch (op) {
    case '>':
      return sign > 0;
    case '>=':
      return sign >= 0;
    case '<':
      return sign < 0;
    case '<=':
      return sign <= 0;
    case '==':
      return sign === 0;
    case '!=':
      return sign !== 0;
  }
}

/** -1, 0 or 1: exact for two plain decimals (any number of digits), else as doubles. */
export function compareNumbers(aText: string, a: number, bText: string, b: number): number {
  const exact = compareDecimals(aText, bText);
  if (exact !== null) return exact;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDecimals(a: string, b: string): number | null {
  const x = decimalParts(a);
  const y = decimalParts(b);
  if (!x || !y) return null;
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  const magnitude = compareMagnitudes(x, y);
  return x.negative ? -magnitude : magnitude;
}

interface DecimalParts {
  negative: boolean;
  whole: string;
  fraction: string;
}

function decimalParts(text: string): DecimalParts | null {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m || !/\d/.test(text)) return null;
  const whole = (m[2] ?? '').replace(/^0+/, '');
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const zero = whole === '' && fraction === '';
  return { negative: m[1] === '-' && !zero, whole, fraction };
}

function compareMagnitudes(x: DecimalParts, y: DecimalParts): number {
  if (x.whole.length !== y.whole.length) return x.whole.length < y.whole.length ? -1 : 1;
  if (x.whole !== y.whole) return x.whole < y.whole ? -1 : 1;
  const width = Math.max(x.fraction.length, y.fraction.length);
  const fx = x.fraction.padEnd(width, '0');
  const fy = y.fraction.padEnd(width, '0');
  return fx === fy ? 0 : fx < fy ? -1 : 1;
}

/** -1, 0 or 1 in Unicode code-point order (JavaScript's `<` compares UTF-16 units, which differs past U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
  }
  if (a.length === b.length) return 0;
  return a.length < b.length ? -1 : 1;
}
