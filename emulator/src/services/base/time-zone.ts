/**
 * Time-zone arithmetic shared by Utilities.formatDate and the trigger scheduler: the offset
 * of an IANA zone ("Asia/Tokyo") or a fixed "GMT+9" / "GMT+09:00" / "UTC" zone at an
 * instant, the wall-clock fields there, and the instant of a wall-clock time in a zone.
 * An unknown zone id reads as GMT, as Java's TimeZone.getTimeZone does.
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

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function fixedOffsetMs(zone: string): number | undefined {
  if (/^(UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(zone)) return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
}

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(zone)) {
    let f: Intl.DateTimeFormat | null = null;
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
  return formatters.get(zone) ?? null;
}

/** Whether the zone id is one Apps Script would recognise (IANA or GMT±h[:mm]). */
export function isKnownZone(zone: string): boolean {
  return fixedOffsetMs(zone) !== undefined || formatterFor(zone) !== null;
}

/** Offset of the zone from UTC at the instant, in ms (Tokyo: +32,400,000). */
export function zoneOffsetMs(instant: number, zone: string): number {
  const fixed = fixedOffsetMs(zone);
  if (fixed !== undefined) return fixed;
  const f = formatterFor(zone);
  if (!f) return 0;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

export function zonedFields(instant: number, zone: string): ZonedFields {
  const offsetMs = zoneOffsetMs(instant, zone);
  const d = new Date(instant + offsetMs);
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
export function instantOf(zone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall - zoneOffsetMs(wall, zone);
  guess = wall - zoneOffsetMs(guess, zone);
  return guess;
}
