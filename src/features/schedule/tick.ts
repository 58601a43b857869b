/**
 * The one time-driven trigger: every tick takes the document lock (a tick that cannot get it
 * exits cleanly, recorded in the execution log, so two ticks never run side by side) and runs
 * the scheduled queries that are due, as scheduled runs (a paused data source is skipped, with
 * the reason in the run log). It starts a refresh only while the execution's deadline leaves
 * enough time for one; each refresh's statement timeout is cut to the time left, so the tick
 * stays inside Apps Script's 6-minute limit and what does not fit waits for the next tick.
 * Also installs the trigger: every 5 minutes in a bound script, hourly for a published add-on
 * (Google's limit for add-on time triggers).
 */
import { translate } from '../../core/i18n';
import { isDue, parseSchedule, type LocalTime } from '../../core/schedule';
import { errorMessage } from '../../core/user-error';
import type { ExecutionContext } from '../context';
import { listStoredQueries } from '../library/library';
import { runSavedQuery } from '../library/run';
import { StagingTab } from '../refresh/staging-tab';

/** A refresh is started only while at least this much of the execution's deadline is left. */
export const MIN_TIME_TO_START_MS = 60_000;
/** How long a tick waits for the document lock before leaving the work to the next tick. */
export const TICK_LOCK_WAIT_MS = 1_000;
const ADDON_INTERVAL_TEXT = 'at least one hour';

export interface TickReport {
  ran: { id: string; name: string; ok: boolean; skipped: boolean; message: string }[];
  /** Due queries left for the next tick (too little time left). */
  deferred: string[];
  /** True when another execution held the document lock, so this tick ran nothing. */
  busy: boolean;
}

export function tick(ctx: ExecutionContext): TickReport {
  const held = ctx.lock.hold(TICK_LOCK_WAIT_MS, () => runDueQueries(ctx));
  if (held.ok) return held.value;
  console.warn('sheetdash tick: the document lock is held by another execution; due queries wait for the next tick');
  return { ran: [], deferred: [], busy: true };
}

function runDueQueries(ctx: ExecutionContext): TickReport {
  const timeZone = ctx.timeZone();
  const toLocal = (ms: number): LocalTime => {
    const [date, hh, mm] = Utilities.formatDate(new Date(ms), timeZone, 'yyyy-MM-dd HH mm').split(' ');
    return { date, minutes: Number(hh) * 60 + Number(mm) };
  };
  const report: TickReport = { ran: [], deferred: [], busy: false };
  // Small results never make staging tabs, so leftovers of killed runs are swept here too.
  StagingTab.removeStale(ctx);
  const startedBy = translate(ctx.lang, 'schedule.who');
  for (const query of listStoredQueries()) {
    if (query.archived) continue;
    const schedule = parseSchedule(query.schedule);
    if (schedule === null || schedule === 'invalid') continue;
    const lastRunMs = query.lastRun ? Date.parse(query.lastRun.at) : null;
    if (!isDue(schedule, lastRunMs, ctx.clock.now(), toLocal)) continue;
    if (ctx.deadline.remainingMs() < MIN_TIME_TO_START_MS) {
      report.deferred.push(query.id);
      continue;
    }
    const result = runSavedQuery(query.id, {}, ctx, { scheduled: true, startedBy });
    report.ran.push({
      id: query.id,
      name: query.name,
      ok: result.ok,
      skipped: result.skipped === true,
      message: result.message,
    });
  }
  return report;
}

/** Makes sure exactly one tick trigger exists for this user and document. */
export function installTickTrigger(): { interval: 'minutes' | 'hours' } {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === 'tick') ScriptApp.deleteTrigger(trigger);
  }
  try {
    ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create();
    return { interval: 'minutes' };
  } catch (error) {
    if (!errorMessage(error).includes(ADDON_INTERVAL_TEXT)) throw error;
    ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
    return { interval: 'hours' };
  }
}
