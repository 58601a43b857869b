/**
 * Time-zone arithmetic for the Jdbc service, as java.util.Calendar/TimeZone would do it:
 * turning a wall-clock reading (a timestamp without zone, as the server sends it) into epoch
 * milliseconds in a zone, and back. Zones are IANA IDs, Java short IDs (PST, EST, ...) or
 * offsets ("GMT+6:30", "+09:00"). Unknown IDs fall back to GMT, as TimeZone.getTimeZone does
 * (the arithmetic itself is the shared core/time-zone.ts).
 */
import { instantOf, zoneOffsetMs } from '../../core/time-zone';

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

/** Offset of `zone` from UTC at the instant `utcMs`, in milliseconds. */
export function zoneOffsetAt(zone: string, utcMs: number): number {
  return zoneOffsetMs(utcMs, zone);
}

export function wallToEpoch(w: WallClock, zone: string): number {
  return instantOf(zone, w.year, w.month, w.day, w.hour, w.minute, w.second, w.millis);
}

export function epochToWall(ms: number, zone: string): WallClock {
  const d = new Date(ms + zoneOffsetMs(ms, zone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millis: d.getUTCMilliseconds(),
  };
}

export interface ParsedTemporal {
  wall: WallClock;
  nanos: number;
  /** Offset given in the text (timestamptz/timetz), in ms; undefined when the text has none. */
  offsetMs?: number;
}

/** Parses "YYYY-MM-DD", "HH:MM:SS[.f]" or "YYYY-MM-DD[ T]HH:MM:SS[.f][+HH[:MM]]" server text. */
export function parseTemporal(text: string): ParsedTemporal | undefined {
  const m =
    /^(?:(\d{4,})-(\d{2})-(\d{2}))?[ T]?(?:(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?(\s*BC)?$/.exec(
      text.trim(),
    );
  if (!m || (m[1] === undefined && m[4] === undefined)) return undefined;
  const frac = (m[7] ?? '').padEnd(9, '0');
  const nanos = Number(frac || '0');
  const wall: WallClock = {
    year: m[1] !== undefined ? (m[9] ? 1 - Number(m[1]) : Number(m[1])) : 1970,
    month: m[2] !== undefined ? Number(m[2]) : 1,
    day: m[3] !== undefined ? Number(m[3]) : 1,
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millis: Math.floor(nanos / 1e6),
  };
  let offsetMs: number | undefined;
  if (m[8]) {
    if (m[8] === 'Z') offsetMs = 0;
    else {
      const o = /^([+-])(\d{2}):?(\d{2})?:?(\d{2})?$/.exec(m[8])!;
      offsetMs =
        (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 3600_000 + Number(o[3] ?? 0) * 60_000 + Number(o[4] ?? 0) * 1000);
    }
  }
  return { wall, nanos, offsetMs };
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
