/**
 * Time-zone arithmetic for the Jdbc service, as java.util.Calendar/TimeZone would do it:
 * turning a wall-clock reading (a timestamp without zone, as the server sends it) into epoch
 * milliseconds in a zone, and back. Zones are IANA IDs, Java short IDs (PST, EST, ...) or
 * offsets ("GMT+6:30", "+09:00"). Unknown IDs fall back to GMT, as TimeZone.getTimeZone does.
 */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

/** Java's three-letter IDs that are not IANA names (from java.time.ZoneId.SHORT_IDS). */
const SHORT_IDS: Record<string, string> = {
  EST: '-05:00', MST: '-07:00', HST: '-10:00', PST: 'America/Los_Angeles', CST: 'America/Chicago',
  JST: 'Asia/Tokyo', IST: 'Asia/Kolkata', ECT: 'Europe/Paris', AET: 'Australia/Sydney', BST: 'Asia/Dhaka',
  CTT: 'Asia/Shanghai', EST5EDT: 'America/New_York', PRT: 'America/Puerto_Rico', NET: 'Asia/Yerevan',
};

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function fixedOffsetMs(zone: string): number | undefined {
  const m = /^(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return zone === 'GMT' || zone === 'UTC' || zone === 'Z' ? 0 : undefined;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 3600_000 + Number(m[3] ?? 0) * 60_000);
}

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC at the instant `utcMs`, in milliseconds. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const resolved = SHORT_IDS[zone] ?? zone;
  const fixed = fixedOffsetMs(resolved);
  if (fixed !== undefined) return fixed;
  const f = formatterFor(resolved);
  if (!f) return 0; // java.util.TimeZone.getTimeZone falls back to GMT for unknown IDs
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(Math.floor(utcMs / 1000) * 1000))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

export function wallToEpoch(w: WallClock, zone: string): number {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millis);
  const first = zoneOffsetMs(zone, guess);
  const t = guess - first;
  const second = zoneOffsetMs(zone, t);
  return second === first ? t : guess - second;
}

export function epochToWall(ms: number, zone: string): WallClock {
  const d = new Date(ms + zoneOffsetMs(zone, ms));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millis: d.getUTCMilliseconds(),
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
  const m = /^(?:(\d{4,})-(\d{2})-(\d{2}))?[ T]?(?:(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?(\s*BC)?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return undefined;
  const frac = (m[7] ?? '').padEnd(9, '0');
  const nanos = Number(frac || '0');
  const wall: WallClock = {
    year: m[1] !== undefined ? (m[9] ? 1 - Number(m[1]) : Number(m[1])) : 1970,
    month: m[2] !== undefined ? Number(m[2]) : 1,
    day: m[3] !== undefined ? Number(m[3]) : 1,
    hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0),
    millis: Math.floor(nanos / 1e6),
  };
  let offsetMs: number | undefined;
  if (m[8]) {
    if (m[8] === 'Z') offsetMs = 0;
    else {
      const o = /^([+-])(\d{2}):?(\d{2})?:?(\d{2})?$/.exec(m[8])!;
      offsetMs = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 3600_000 + Number(o[3] ?? 0) * 60_000 + Number(o[4] ?? 0) * 1000);
    }
  }
  return { wall, nanos, offsetMs };
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
