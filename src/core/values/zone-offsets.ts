/**
 * UTC offsets of a named time zone (IANA id, as a spreadsheet's time zone is), read from the
 * JavaScript engine's time-zone data (Intl), and cached per quarter hour: zones change their
 * offset only on such bounds, so converting 100k timestamps costs one lookup per quarter hour
 * they span, not one per value. Pure: no Apps Script service is called.
 */

/** The zone's offset from UTC at an instant, in ms (America/Los_Angeles in July: -25,200,000). */
export type OffsetAt = (utcMs: number) => number;

const BUCKET_MS = 15 * 60_000;
/** Past this many cached quarter hours (about 3 years of them, a few MB) the cache starts over. */
const MAX_CACHED = 100_000;

/** The zone's offsets, or null when the engine does not know the zone. */
export function zoneOffsets(timeZone: string): OffsetAt | null {
  const format = formatterFor(timeZone);
  if (!format) return null;
  return cachedPerQuarterHour((utcMs) => offsetFromParts(format, utcMs));
}

/** Wraps an offset source so that it is asked at most once per quarter hour. */
export function cachedPerQuarterHour(source: OffsetAt): OffsetAt {
  const cache = new Map<number, number>();
  return (utcMs) => {
    const bucket = Math.floor(utcMs / BUCKET_MS);
    let offset = cache.get(bucket);
    if (offset === undefined) {
      offset = source(bucket * BUCKET_MS);
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(bucket, offset);
    }
    return offset;
  };
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (typeof Intl === 'undefined' || typeof Intl.DateTimeFormat !== 'function') return null;
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null; // RangeError: a zone the engine does not know
  }
}

function offsetFromParts(format: Intl.DateTimeFormat, utcMs: number): number {
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(new Date(utcMs))) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  // Engines without hourCycle support write midnight as hour 24 of the same day.
  const wall = new Date(Date.UTC(2000, 0, 1, fields.hour % 24, fields.minute, fields.second));
  wall.setUTCFullYear(fields.year, fields.month - 1, fields.day); // Date.UTC would read years 0-99 as 19xx
  return wall.getTime() - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Instants a server rendered as wall-clock text at a fixed UTC offset (MySQL TIMESTAMP when the
 * session had to be set to an offset because the server has no time zone tables), to be shown
 * in the spreadsheet's zone instead: the offset of today is wrong across a DST change.
 */
export interface ZoneShift {
  /** The session's fixed offset from UTC, in ms. */
  sessionOffsetMs: number;
  /** The spreadsheet zone's offset at an instant. */
  offsetAt: OffsetAt;
}

/** What to add to a wall clock read at the session's offset to get the spreadsheet zone's. */
export function shiftMs(wallMs: number, shift: ZoneShift): number {
  return shift.offsetAt(wallMs - shift.sessionOffsetMs) - shift.sessionOffsetMs;
}
