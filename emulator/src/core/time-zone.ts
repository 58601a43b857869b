/**
 * Time-zone arithmetic for every emulated service, as java.util.TimeZone resolves zone ids
 * (Apps Script's services are Java underneath): IANA ids ("Asia/Tokyo"), Java's short ids
 * ("JST", "PST"), fixed offsets ("GMT+9", "UTC+09:00", "+09:00", "UTC", "Z"); an unknown id
 * reads as GMT. Offsets are cached per quarter hour, since zones only change on such bounds.
 */
export interface ZonedFields {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
  offsetMs: number;
}

/** Java's three-letter ids that are not IANA names (from java.time.ZoneId.SHORT_IDS). */
const SHORT_IDS: Record<string, string> = {
  EST: '-05:00',
  MST: '-07:00',
  HST: '-10:00',
  PST: 'America/Los_Angeles',
  CST: 'America/Chicago',
  JST: 'Asia/Tokyo',
  IST: 'Asia/Kolkata',
  ECT: 'Europe/Paris',
  AET: 'Australia/Sydney',
  BST: 'Asia/Dhaka',
  CTT: 'Asia/Shanghai',
  EST5EDT: 'America/New_York',
  PRT: 'America/Puerto_Rico',
  NET: 'Asia/Yerevan',
};

const BUCKET_MS = 15 * 60_000;
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const offsetCache = new Map<string, Map<number, number>>();

function fixedOffsetMs(zone: string): number | undefined {
  if (/^(UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(zone)) return 0;
  const m = /^(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
}

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the id names a zone (IANA, Java short id or fixed offset). */
export function isKnownZone(zone: string): boolean {
  const resolved = SHORT_IDS[zone] ?? zone;
  return fixedOffsetMs(resolved) !== undefined || formatterFor(resolved) !== null;
}

/** Whether the id is a zone name the time-zone database knows (what a spreadsheet's zone must be). */
export function isIanaZone(zone: string): boolean {
  return formatterFor(zone) !== null;
}

/** Offset of the zone from UTC at the instant, in ms (Tokyo: +32,400,000). */
export function zoneOffsetMs(instantMs: number, zone: string): number {
  const resolved = SHORT_IDS[zone] ?? zone;
  const fixed = fixedOffsetMs(resolved);
  if (fixed !== undefined) return fixed;
  let cache = offsetCache.get(resolved);
  if (!cache) {
    cache = new Map();
    offsetCache.set(resolved, cache);
  }
  const bucket = Math.floor(instantMs / BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(bucket * BUCKET_MS, resolved);
    if (cache.size > 100_000) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

function computeOffset(instantMs: number, zone: string): number {
  const f = formatterFor(zone);
  if (!f) return 0; // java.util.TimeZone.getTimeZone falls back to GMT for unknown ids
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(instantMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - instantMs;
}

/** The instant at which the zone's wall clock reads `wallMs` (wall-clock ms as if UTC). */
export function wallToInstant(wallMs: number, zone: string): number {
  const first = zoneOffsetMs(wallMs, zone);
  const guess = wallMs - first;
  const second = zoneOffsetMs(guess, zone);
  return second === first ? guess : wallMs - second;
}

export function zonedFields(instantMs: number, zone: string): ZonedFields {
  const offsetMs = zoneOffsetMs(instantMs, zone);
  const d = new Date(instantMs + offsetMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMs,
  };
}

/** The instant at which the zone's wall clock reads the given fields (month 1-12). */
export function instantOf(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millisecond));
  wall.setUTCFullYear(year);
  return wallToInstant(wall.getTime(), zone);
}
