/**
 * The schedule grammar, shared by the server (which validates and runs schedules) and the
 * sidebar (whose schedule editor turns the stored text into form fields and back). A schedule
 * is stored with its query as one canonical line of text, so the library sheet stays readable
 * and rows saved before weekly schedules existed keep working:
 *
 *   ""                                   not scheduled
 *   "every N minutes" / "every N hours"  (N >= 1, at most 24 hours)
 *   "daily at HH:MM"
 *   "weekly on mon, wed, fri at HH:MM"   weekdays mon..sun, at least one
 *   any of these + " until YYYY-MM-DD"   the last local date on which it runs (inclusive)
 *
 * Times, weekdays and the end date are in the spreadsheet's time zone. Parsing is lenient
 * about case, spacing and singular units; `formatSchedule` writes the canonical form.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Cadence =
  | { kind: 'interval'; ms: number }
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekly'; days: Weekday[]; hour: number; minute: number };

/** A parsed schedule; `until` ("YYYY-MM-DD", inclusive) is present only when set. */
export type Schedule = Cadence & { until?: string };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function parseTime(hh: string, mm: string): { hour: number; minute: number } | null {
  const hour = Number(hh);
  const minute = Number(mm);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** A real calendar date "YYYY-MM-DD" (2030-02-30 is refused). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

const FULL_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Weekdays as "mon, wed" or "monday wednesday", in week order without repeats. */
function parseDays(text: string): Weekday[] | null {
  const days = new Set<Weekday>();
  for (const name of text.split(/[\s,]+/).filter(Boolean)) {
    const index = WEEKDAYS.findIndex((d, i) => name === d || name === FULL_NAMES[i]);
    if (index < 0) return null;
    days.add(WEEKDAYS[index]);
  }
  return days.size > 0 ? WEEKDAYS.filter((d) => days.has(d)) : null;
}

function parseCadence(t: string): Cadence | 'invalid' {
  let m = /^every (\d{1,4}) (minute|minutes|hour|hours)$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const ms = n * (m[2].startsWith('hour') ? HOUR_MS : MINUTE_MS);
    return n >= 1 && ms <= DAY_MS ? { kind: 'interval', ms } : 'invalid';
  }
  m = /^daily at (\d{1,2}):(\d{2})$/.exec(t);
  if (m) {
    const time = parseTime(m[1], m[2]);
    return time ? { kind: 'daily', ...time } : 'invalid';
  }
  m = /^weekly on ([a-z ,]+?) at (\d{1,2}):(\d{2})$/.exec(t);
  if (m) {
    const days = parseDays(m[1]);
    const time = parseTime(m[2], m[3]);
    return days && time ? { kind: 'weekly', days, ...time } : 'invalid';
  }
  return 'invalid';
}

/** null: not scheduled; 'invalid': text that is not a schedule (the caller explains). */
export function parseSchedule(text: string): Schedule | null | 'invalid' {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  const m = /^(.*?) until (\d{4}-\d{2}-\d{2})$/.exec(t);
  const cadence = parseCadence(m ? m[1] : t);
  if (cadence === 'invalid') return 'invalid';
  if (!m) return cadence;
  return isCalendarDate(m[2]) ? { ...cadence, until: m[2] } : 'invalid';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The canonical text of a schedule (what is stored); parseSchedule(formatSchedule(s)) equals s. */
export function formatSchedule(schedule: Schedule | null): string {
  if (schedule === null) return '';
  let text: string;
  if (schedule.kind === 'interval') {
    const hours = schedule.ms % HOUR_MS === 0;
    const n = hours ? schedule.ms / HOUR_MS : Math.round(schedule.ms / MINUTE_MS);
    text = `every ${n} ${hours ? 'hour' : 'minute'}${n === 1 ? '' : 's'}`;
  } else {
    const at = `at ${pad(schedule.hour)}:${pad(schedule.minute)}`;
    text = schedule.kind === 'daily' ? `daily ${at}` : `weekly on ${schedule.days.join(', ')} ${at}`;
  }
  return schedule.until ? `${text} until ${schedule.until}` : text;
}

/** The text as stored: canonical when it parses, unchanged otherwise (the caller refuses it). */
export function canonicalSchedule(text: string): string {
  const parsed = parseSchedule(text);
  return parsed === 'invalid' ? text.trim() : formatSchedule(parsed);
}
