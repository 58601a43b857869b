/**
 * Utilities.formatDate: Java SimpleDateFormat patterns (G y Y M L d D E u a H k K h m s S z Z
 * X F w, quoted 'literals', '' for a quote) in English, in any IANA zone or GMT±h[:mm].
 */
import { AppsScriptException } from '../../core/errors';
import { zonedFields, zoneOffsetMs } from '../../core/time-zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Java's short names for zones whose English CLDR name is only "GMT+9". */
const SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Tokyo': ['JST', 'Japan Standard Time'],
  'Asia/Seoul': ['KST', 'Korean Standard Time'],
  'Asia/Shanghai': ['CST', 'China Standard Time'],
  'Asia/Kolkata': ['IST', 'India Standard Time'],
  UTC: ['UTC', 'Coordinated Universal Time'],
  'Etc/UTC': ['UTC', 'Coordinated Universal Time'],
  GMT: ['GMT', 'Greenwich Mean Time'],
};

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
};

function offsetText(offsetMs: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'GMT'): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(Math.round(offsetMs / 60_000));
  const hh = pad(Math.floor(total / 60), 2);
  const mm = pad(total % 60, 2);
  if (style === 'Z') return `${sign}${hh}${mm}`;
  if (style === 'GMT') return total === 0 ? 'GMT' : `GMT${sign}${hh}:${mm}`;
  if (total === 0) return 'Z';
  if (style === 'X1') return `${sign}${hh}`;
  if (style === 'X2') return `${sign}${hh}${mm}`;
  return `${sign}${hh}:${mm}`;
}

/**
 * Java's short names (standard, daylight) for zones where CLDR's English short name is only
 * "GMT+1" and the like: `z` gives BST for London in summer, CET/CEST in Paris, AEST in Sydney.
 */
const SEASONAL_NAMES: Record<string, [string, string]> = {
  'Europe/London': ['GMT', 'BST'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/Lisbon': ['WET', 'WEST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Rome': ['CET', 'CEST'],
  'Europe/Amsterdam': ['CET', 'CEST'],
  'Europe/Brussels': ['CET', 'CEST'],
  'Europe/Vienna': ['CET', 'CEST'],
  'Europe/Zurich': ['CET', 'CEST'],
  'Europe/Stockholm': ['CET', 'CEST'],
  'Europe/Oslo': ['CET', 'CEST'],
  'Europe/Copenhagen': ['CET', 'CEST'],
  'Europe/Warsaw': ['CET', 'CEST'],
  'Europe/Prague': ['CET', 'CEST'],
  'Europe/Athens': ['EET', 'EEST'],
  'Europe/Helsinki': ['EET', 'EEST'],
  'Europe/Kiev': ['EET', 'EEST'],
  'Europe/Kyiv': ['EET', 'EEST'],
  'Europe/Moscow': ['MSK', 'MSK'],
  'Australia/Sydney': ['AEST', 'AEDT'],
  'Australia/Melbourne': ['AEST', 'AEDT'],
  'Australia/Brisbane': ['AEST', 'AEST'],
  'Australia/Adelaide': ['ACST', 'ACDT'],
  'Australia/Perth': ['AWST', 'AWST'],
  'Pacific/Auckland': ['NZST', 'NZDT'],
  'Asia/Hong_Kong': ['HKT', 'HKT'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Bangkok': ['ICT', 'ICT'],
  'Asia/Jakarta': ['WIB', 'WIB'],
  'Asia/Manila': ['PHT', 'PHT'],
  'Asia/Taipei': ['CST', 'CST'],
  'Asia/Dubai': ['GST', 'GST'],
};

/** Whether `offsetMs` is the zone's daylight-saving offset (larger than its standard one) this year. */
function isDaylight(instant: number, zone: string, offsetMs: number): boolean {
  const year = new Date(instant).getUTCFullYear();
  const jan = zoneOffsetMs(Date.UTC(year, 0, 1), zone);
  const jul = zoneOffsetMs(Date.UTC(year, 6, 1), zone);
  return offsetMs > Math.min(jan, jul);
}

function zoneName(instant: number, zone: string, long: boolean, offsetMs: number): string {
  const known = SHORT_NAMES[zone];
  if (known) return long ? known[1] : known[0];
  const seasonal = SEASONAL_NAMES[zone];
  if (seasonal && !long) return seasonal[isDaylight(instant, zone, offsetMs) ? 1 : 0];
  if (/^(GMT|UTC)[+-]/i.test(zone)) return offsetText(offsetMs, 'GMT');
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (part && !/^GMT[+-]/.test(part)) return part;
  } catch {
    // unknown zone: Java falls back to GMT
  }
  return offsetText(offsetMs, 'GMT');
}

function isoWeek(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - start) / 86_400_000 + 1) / 7);
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new AppsScriptException('Invalid argument: date');
  const f = zonedFields(instant, timeZone);
  const offsetMs = zoneOffsetMs(instant, timeZone);
  const dayOfYear = Math.floor((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000) + 1;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new AppsScriptException('Unterminated quote');
      let j = i + 1;
      let lit = '';
      // '' inside a quoted section is a literal quote
      for (; j < pattern.length; j++) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            lit += "'";
            j++;
            continue;
          }
          break;
        }
        lit += pattern[j];
      }
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'G':
        out += f.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[f.month - 1] : n === 3 ? MONTHS[f.month - 1].slice(0, 3) : pad(f.month, n);
        break;
      case 'd':
        out += pad(f.day, n);
        break;
      case 'D':
        out += pad(dayOfYear, n);
        break;
      case 'F':
        out += pad(Math.floor((f.day - 1) / 7) + 1, n);
        break;
      case 'w':
        out += pad(isoWeek(f.year, f.month, f.day), n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(f.weekday === 0 ? 7 : f.weekday, n);
        break;
      case 'a':
        out += f.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.hour, n);
        break;
      case 'k':
        out += pad(f.hour === 0 ? 24 : f.hour, n);
        break;
      case 'K':
        out += pad(f.hour % 12, n);
        break;
      case 'h':
        out += pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
        break;
      case 'm':
        out += pad(f.minute, n);
        break;
      case 's':
        out += pad(f.second, n);
        break;
      case 'S':
        out += pad(f.millisecond, n);
        break;
      case 'z':
        out += zoneName(instant, timeZone, n >= 4, offsetMs);
        break;
      case 'Z':
        out += offsetText(offsetMs, 'Z');
        break;
      case 'X':
        if (n > 3) throw new AppsScriptException(`invalid ISO 8601 format: length=${n}`);
        out += offsetText(offsetMs, n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
      default:
        throw new AppsScriptException(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}
