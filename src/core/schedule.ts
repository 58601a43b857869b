/**
 * When a scheduled query is due. The schedule's grammar (every N minutes / hours, daily at
 * HH:MM, weekly on chosen weekdays at HH:MM, optional end date) is in
 * src/shared/schedule-text.ts, shared with the sidebar. Times, weekdays and the end date are
 * read in the spreadsheet's time zone through `toLocal`, so a daily or weekly slot follows the
 * wall clock across daylight saving changes. One time-driven trigger (tick) asks `isDue` for
 * each scheduled query.
 */
import { type Schedule, WEEKDAYS, type Weekday } from '../shared/schedule-text';

export { canonicalSchedule, formatSchedule, parseSchedule, type Schedule } from '../shared/schedule-text';

export interface LocalTime {
  /** "YYYY-MM-DD" in the spreadsheet's time zone. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

/** Time-driven triggers fire a little early or late; a run this close to its slot counts. */
const SLACK_MS = 60_000;

/** The weekday of a local calendar date "YYYY-MM-DD". */
export function weekdayOf(date: string): Weekday {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7];
}

/** Whether the schedule has ended: its end date is before the local date of `nowMs`. */
export function hasEnded(schedule: Schedule, nowMs: number, toLocal: (ms: number) => LocalTime): boolean {
  return schedule.until !== undefined && toLocal(nowMs).date > schedule.until;
}

/**
 * Whether a query with `schedule`, last run at `lastRunMs` (or never), should run at `nowMs`.
 * A daily or weekly slot is due from its local time on its local day (a slot that falls in a
 * skipped DST hour runs at the first tick after it; a repeated hour does not run it twice).
 */
export function isDue(
  schedule: Schedule,
  lastRunMs: number | null,
  nowMs: number,
  toLocal: (ms: number) => LocalTime,
): boolean {
  if (hasEnded(schedule, nowMs, toLocal)) return false;
  if (schedule.kind === 'interval') return lastRunMs === null || nowMs - lastRunMs >= schedule.ms - SLACK_MS;
  const slot = schedule.hour * 60 + schedule.minute;
  const now = toLocal(nowMs);
  if (schedule.kind === 'weekly' && !schedule.days.includes(weekdayOf(now.date))) return false;
  if (now.minutes < slot) return false;
  if (lastRunMs === null) return true;
  const last = toLocal(lastRunMs);
  return last.date < now.date || last.minutes < slot;
}
