/**
 * Date-time serial numbers in a spreadsheet's time zone. Sheets stores a date as days since
 * 1899-12-30 in wall-clock time of the spreadsheet's zone; a JS Date is an instant. These
 * helpers convert between the two with Intl's time-zone data.
 */
const SERIAL_EPOCH_DAYS = 25569; // days from 1899-12-30 to 1970-01-01
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (used to validate setSpreadsheetTimeZone). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const offsetCache = new Map<string, Map<number, number>>();
const BUCKET_MS = 15 * 60_000; // zone offsets only change on quarter-hour boundaries

/** Offset of the zone from UTC at an instant, in ms (JST: +9h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const bucket = Math.floor(instantMs / BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(bucket * BUCKET_MS, timeZone);
    if (cache.size > 100_000) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

function computeOffset(instantMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const floored = Math.floor(instantMs / 1000) * 1000;
  return wall - floored;
}

/** Wall-clock ms (as if UTC) of an instant in the zone. */
export function instantToWallMs(instantMs: number, timeZone: string): number {
  return instantMs + zoneOffsetMs(instantMs, timeZone);
}

/** The instant a wall-clock time (ms as if UTC) means in the zone. */
export function wallMsToInstant(wallMs: number, timeZone: string): number {
  let guess = wallMs - zoneOffsetMs(wallMs, timeZone);
  const second = wallMs - zoneOffsetMs(guess, timeZone);
  if (second !== guess) guess = second;
  return guess;
}

export function dateToSerial(date: Date, timeZone: string): number {
  return instantToWallMs(date.getTime(), timeZone) / DAY_MS + SERIAL_EPOCH_DAYS;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - SERIAL_EPOCH_DAYS) * DAY_MS);
  return new Date(wallMsToInstant(wall, timeZone));
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
