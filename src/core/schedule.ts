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

/** The local calendar date `days` days before "YYYY-MM-DD". */
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a daily or weekly schedule has a slot on the local date "YYYY-MM-DD". */
function runsOn(schedule: Schedule & { kind: 'daily' | 'weekly' }, date: string): boolean {
  return schedule.kind === 'daily' || schedule.days.includes(weekdayOf(date));
}

/**
 * The local date of the latest daily or weekly slot at or before `now` (today's once its time has
 * come, else the latest earlier day the schedule runs on), or null when none in the last week.
 */
function latestSlotDate(schedule: Schedule & { kind: 'daily' | 'weekly' }, now: LocalTime): string | null {
  const slot = schedule.hour * 60 + schedule.minute;
  for (let back = now.minutes >= slot ? 0 : 1; back <= 7; back++) {
    const date = daysBefore(now.date, back);
    if (runsOn(schedule, date)) return date;
  }
  return null;
}

/**
 * Whether a query with `schedule`, last run at `lastRunMs` (or never), should run at `nowMs`, with
 * ticks every `tickMs`. An interval is due at the tick nearest its time.
 * A daily or weekly slot is due from its local time on its local day; a slot that no tick
 * reached (no tick between it and midnight: an hourly tick before a 23:30 slot, a deferred run,
 * a trigger that was off) runs at the next tick, once, however many slots were missed. A slot
 * that falls in a skipped DST hour runs at the first tick after it; a repeated hour does not run
 * it twice. With no run to go by (`lastRunMs` null: the tick passes the query's creation time
 * when it never ran) a query runs at today's slot.
 */
export function isDue(
  schedule: Schedule,
  lastRunMs: number | null,
  nowMs: number,
  toLocal: (ms: number) => LocalTime,
  tickMs = 0,
): boolean {
  if (hasEnded(schedule, nowMs, toLocal)) return false;
  // An interval runs at the tick nearest its time: hourly ticks come a few minutes early or late
  // (Apps Script picks the moment), and "every 1 hour" must not wait for the tick after.
  const slack = Math.max(SLACK_MS, tickMs / 2);
  if (schedule.kind === 'interval') return lastRunMs === null || nowMs - lastRunMs >= schedule.ms - slack;
  const slot = schedule.hour * 60 + schedule.minute;
  const now = toLocal(nowMs);
  const latest = latestSlotDate(schedule, now);
  if (latest === null) return false;
  if (lastRunMs === null) return latest === now.date;
  const last = toLocal(lastRunMs);
  return last.date < latest || (last.date === latest && last.minutes < slot);
}

/**
 * Whether a scheduled query is due: by its last run; a query that never ran is due once today's
 * slot has come, or when a slot passed since its creation (`createdMs`) that no tick reached.
 */
export function isQueryDue(
  schedule: Schedule,
  run: { lastRunMs: number | null; createdMs: number | null },
  nowMs: number,
  toLocal: (ms: number) => LocalTime,
  tickMs = 0,
): boolean {
  if (run.lastRunMs !== null) return isDue(schedule, run.lastRunMs, nowMs, toLocal, tickMs);
  if (isDue(schedule, null, nowMs, toLocal, tickMs)) return true;
  return run.createdMs !== null && isDue(schedule, run.createdMs, nowMs, toLocal, tickMs);
}

/**
 * Whether a query with `schedule`, last run at `lastRunMs` (or never), still has a run to come
 * today (local) that a tick can reach: it has not run today, and a daily or weekly slot of today
 * is later than `nowMs` (or due now but deferred to the next tick), at least `tickMs` before
 * midnight. What the day's health snapshot waits for: the day's inputs.
 */
export function runExpectedLaterToday(
  schedule: Schedule,
  lastRunMs: number | null,
  nowMs: number,
  toLocal: (ms: number) => LocalTime,
  options: { tickMs: number; deferred: boolean },
): boolean {
  if (schedule.kind === 'interval' || hasEnded(schedule, nowMs, toLocal)) return false;
  const now = toLocal(nowMs);
  if (lastRunMs !== null && toLocal(lastRunMs).date === now.date) return false;
  if (!runsOn(schedule, now.date)) return false;
  const slot = schedule.hour * 60 + schedule.minute;
  // From when the run is waited for, the tick that makes it comes within one tick interval.
  const from = options.deferred ? now.minutes : slot > now.minutes ? slot : null;
  return from !== null && from + options.tickMs / 60_000 < 24 * 60;
}

/** The local calendar date before "YYYY-MM-DD". */
export function previousDate(date: string): string {
  return daysBefore(date, 1);
}
