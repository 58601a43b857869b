/**
 * Refresh schedules as stored with a query: "" (not scheduled), "every N minutes",
 * "every N hours" or "daily at HH:MM" (in the spreadsheet's time zone). One time-driven
 * trigger (tick) asks `isDue` for each scheduled query.
 */
export type Schedule = { kind: 'interval'; ms: number } | { kind: 'daily'; hour: number; minute: number };

export interface LocalTime {
  /** "YYYY-MM-DD" in the spreadsheet's time zone. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const MINUTE = 60_000;
/** Time-driven triggers fire a little early or late; a run this close to its slot counts. */
const SLACK_MS = 60_000;

export function parseSchedule(text: string): Schedule | null | 'invalid' {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  let m = /^every (\d{1,4}) (minute|minutes|hour|hours)$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const ms = n * (m[2].startsWith('hour') ? 60 : 1) * MINUTE;
    return n >= 1 && ms <= 24 * 60 * MINUTE ? { kind: 'interval', ms } : 'invalid';
  }
  m = /^daily at (\d{1,2}):(\d{2})$/.exec(t);
  if (m) {
    const hour = Number(m[1]);
    const minute = Number(m[2]);
    return hour < 24 && minute < 60 ? { kind: 'daily', hour, minute } : 'invalid';
  }
  return 'invalid';
}

/** Whether a query with `schedule`, last run at `lastRunMs` (or never), should run at `nowMs`. */
export function isDue(
  schedule: Schedule,
  lastRunMs: number | null,
  nowMs: number,
  toLocal: (ms: number) => LocalTime,
): boolean {
  if (schedule.kind === 'interval') return lastRunMs === null || nowMs - lastRunMs >= schedule.ms - SLACK_MS;
  const slot = schedule.hour * 60 + schedule.minute;
  const now = toLocal(nowMs);
  if (now.minutes < slot) return false;
  if (lastRunMs === null) return true;
  const last = toLocal(lastRunMs);
  return last.date < now.date || last.minutes < slot;
}
