/**
 * Converts one database value, read as the driver's text (getString), into what the sheet
 * should hold. The rules:
 * - numbers stay numbers; a DECIMAL becomes a number only when the double holds it exactly,
 *   and a BIGINT beyond 2^53 stays text, so no digit is ever rounded away;
 * - booleans become TRUE/FALSE; NULL becomes an empty cell;
 * - DATE, TIME and TIMESTAMP keep their wall-clock reading: they become sheet date serials
 *   (days since 1899-12-30) with a date format, so the sheet shows exactly what the database
 *   holds whatever the spreadsheet's time zone. TIMESTAMP WITH TIME ZONE is rendered by the
 *   server in the spreadsheet's time zone (the session time zone is set to it) and then kept
 *   the same way. So is MySQL's TIMESTAMP (an instant), except when the server could only be
 *   given a fixed offset: then each value is moved into the spreadsheet's zone (`ZoneShift`);
 * - everything else (text, JSON, arrays, UUIDs, bytes) is text, written so that Sheets never
 *   parses it (no formula, no number, no date): see `literalText`.
 */
import type { ColumnKind } from './jdbc-types';
import { shiftMs, type ZoneShift } from './zone-offsets';

export const MAX_CELL_CHARS = 50_000;

/** Number formats the result tab uses for temporal columns. */
export const TEMPORAL_FORMATS: Partial<Record<ColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  time: '[h]:mm:ss',
  timestamp: 'yyyy-mm-dd hh:mm:ss',
  timestamptz: 'yyyy-mm-dd hh:mm:ss',
};

export type CellValue = string | number | boolean;

const MS_PER_DAY = 86_400_000;

/** `shift`: for instants the server rendered at a fixed offset, the move into the sheet's zone. */
export function toCellValue(text: string | null, kind: ColumnKind, shift?: ZoneShift): CellValue {
  if (text === null) return '';
  switch (kind) {
    case 'integer':
    case 'float': {
      const n = Number(text);
      return Number.isFinite(n) ? n : literalText(text);
    }
    case 'bigint':
      return exactInteger(text) ?? literalText(text);
    case 'decimal':
      return exactDecimal(text) ?? literalText(text);
    case 'boolean':
      if (text === 't' || text === 'true' || text === '1') return true;
      if (text === 'f' || text === 'false' || text === '0') return false;
      return literalText(text);
    case 'date':
      return dateTimeSerial(text) ?? literalText(text);
    case 'timestamp':
    case 'timestamptz':
      return dateTimeSerial(text, shift) ?? literalText(text);
    case 'time':
      return timeSerial(text) ?? literalText(text);
    default:
      return literalText(text);
  }
}

/**
 * Text as Sheets must store it: a leading apostrophe makes Sheets keep the rest as literal
 * text (it never becomes a formula, number, date or boolean, and the apostrophe is not part
 * of the value). Values over 50,000 characters are cut with a visible marker.
 */
export function literalText(text: string): string {
  // The apostrophe is typed input too: with it the cell input stays within the limit.
  return `'${truncateForCell(text, MAX_CELL_CHARS - 1)}`;
}

/** A value to write as it is, except text, which is written literally (never a formula, number or date); '' stays empty. */
export function literalCell<T extends CellValue | Date | null>(value: T): T | string {
  return typeof value === 'string' && value !== '' ? literalText(value) : value;
}

export function truncateForCell(text: string, limit = MAX_CELL_CHARS): string {
  if (text.length <= limit) return text;
  const marker = ` …[cut: ${text.length.toLocaleString('en-US')} characters]`;
  return text.slice(0, limit - marker.length) + marker;
}

function exactInteger(text: string): number | null {
  if (!/^-?\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** A decimal's number when the double holds exactly the same value, else null. */
export function exactDecimal(text: string): number | null {
  const n = Number(text);
  if (!Number.isFinite(n) || text.trim() === '') return null;
  // Up to 15 significant digits always survive the trip through a double.
  if (text.length <= 16) return n + 0; // + 0 turns -0 into 0
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, intPart, fracPart = ''] = match;
  const digits = `${intPart.replace(/^0+(?=\d)/, '')}.${fracPart.replace(/0+$/, '')}`.replace(/\.$/, '');
  const canonical = (sign && digits !== '0' ? '-' : '') + digits;
  return String(n) === canonical ? n + 0 : null;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(?:([+-]\d{2})(?::?(\d{2}))?(?::?\d{2})?|Z)?$/;

/**
 * Wall-clock date or date-time text → sheet serial (days since 1899-12-30), or null. With a
 * shift, the wall clock is first moved from the session's fixed offset into the sheet's zone.
 */
export function dateTimeSerial(text: string, shift?: ZoneShift): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  let wall = wallClockMs(m);
  if (wall === null) return null;
  if (shift) wall += shiftMs(wall, shift);
  const days = Math.floor(wall / MS_PER_DAY);
  return days - SERIAL_EPOCH_DAYS + (wall - days * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * The text as the sheet's zone would show it ("2024-07-01 05:00:00.0"), for display as text
 * (the preview); the fraction is kept as written. Text that is not a date-time is returned as is.
 */
export function shiftedText(text: string, shift: ZoneShift): string {
  const m = DATE_TIME.exec(text);
  const wall = m && m[4] !== undefined ? wallClockMs(m) : null;
  if (!m || wall === null) return text;
  const delta = shiftMs(wall, shift);
  if (delta === 0) return text;
  const d = new Date(wall + delta);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date} ${time}${m[7] === undefined ? '' : `.${m[7]}`}`;
}

/** Milliseconds since 1970-01-01 of the wall clock matched by DATE_TIME, or null for an impossible date. */
function wallClockMs(m: RegExpExecArray): number | null {
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null; // MySQL zero dates, bad days
  const ms = ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + Number(`${frac}000`.slice(0, 3));
  return daysFromCivil(year, month, day) * MS_PER_DAY + ms;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; no Date objects). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const SERIAL_EPOCH_DAYS = -25_569; // 1899-12-30

/** "HH:MM:SS[.fff]" (MySQL allows up to 838 hours) → fraction of days, or null. */
export function timeSerial(text: string): number | null {
  const m = /^(-?)(\d{1,3}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const [, sign, h, mi, s, frac = ''] = m;
  const ms = ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + Number(`${frac}000`.slice(0, 3));
  return ((sign ? -1 : 1) * ms) / MS_PER_DAY;
}
