/**
 * Date-time serial numbers in a spreadsheet's time zone. Sheets stores a date as days since
 * 1899-12-30 in wall-clock time of the spreadsheet's zone; a JS Date is an instant. These
 * helpers convert between the two with the shared time-zone arithmetic.
 */
import { isIanaZone, wallToInstant, zoneOffsetMs } from '../../core/time-zone';
const SERIAL_EPOCH_DAYS = 25569; // days from 1899-12-30 to 1970-01-01
const DAY_MS = 86_400_000;
/** Whether the zone can be a spreadsheet's time zone (an IANA id). */
export function isValidTimeZone(timeZone: string): boolean {
  return isIanaZone(timeZone);
}

/** Wall-clock ms (as if UTC) of an instant in the zone. */
export function instantToWallMs(instantMs: number, timeZone: string): number {
  return instantMs + zoneOffsetMs(instantMs, timeZone);
}

export function dateToSerial(date: Date, timeZone: string): number {
  return instantToWallMs(date.getTime(), timeZone) / DAY_MS + SERIAL_EPOCH_DAYS;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS);
  return new Date(wallToInstant(wall, timeZone));
}

export function wallPartsToSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) / DAY_MS + SERIAL_EPOCH_DAYS;
}

/** Wall-clock fields of a serial (for display). */
export function serialToParts(serial: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const dt = new Date(Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS));
  return {
    y: dt.getUTCFullYear(),
    mo: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    h: dt.getUTCHours(),
    mi: dt.getUTCMinutes(),
    s: dt.getUTCSeconds(),
  };
}
