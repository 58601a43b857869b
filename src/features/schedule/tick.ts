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
import { errorMessage } from '../../core/user-error';
import { deliverOutboxes } from '../alerts/outbox';
import { isQueryDue, parseSchedule, runExpectedLaterToday, type LocalTime, type Schedule } from '../../core/schedule';
import type { StoredQuery } from '../../core/library/query-row';
import { readJson, writeJson } from '../../adapters/document-properties';
import { userEmail } from '../../adapters/session';
import type { TickRunView } from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import { listStoredQueries } from '../library/library';
import { readAlerts, type StoredAlert } from '../alerts/alert-sheet';
import { recordFailedStart, runSavedQuery } from '../library/run';
import { StagingTab } from '../refresh/staging-tab';
import { trimRunLog } from '../refresh/run-log';
import { dailySnapshot, type SnapshotReport } from '../health/snapshot';
import { recordedInputsQueryId } from '../health/inputs';
import { clearRunning, logInterrupted, noteRunning } from './interrupted';

/** A refresh is started only while at least this much of the execution's deadline is left. */
export const MIN_TIME_TO_START_MS = 60_000;
/** How long a tick waits for the document lock before leaving the work to the next tick. */
export const TICK_LOCK_WAIT_MS = 1_000;

export interface TickReport {
  ran: { id: string; name: string; ok: boolean; skipped: boolean; message: string }[];
  /** Due queries left for the next tick (too little time left). */
  deferred: string[];
  /** True when another execution held the document lock, so this tick ran nothing. */
  busy: boolean;
  /** The daily health snapshot (null: no health tabs, or too little time left this tick). */
  healthSnapshot?: SnapshotReport | null;
}

export function tick(ctx: ExecutionContext): TickReport {
  const startedAt = new Date(ctx.clock.now()).toISOString();
  let report: TickReport | null = null;
  try {
    const held = ctx.lock.hold(TICK_LOCK_WAIT_MS, () => runDueQueries(ctx));
    if (held.ok) report = held.value;
    else {
      console.warn(
        'sheetdash tick: the document lock is held by another execution; due queries wait for the next tick',
      );
      report = { ran: [], deferred: [], busy: true };
    }
    return report;
  } finally {
    recordTick(startedAt, report);
  }
}

/** Where each tick records itself for the sidebar's schedule panel. */
export const LAST_TICK_KEY = 'sheetdash.tick.last';

function recordTick(at: string, report: TickReport | null): void {
  const record: TickRunView = {
    at,
    ran: report?.ran.length ?? 0,
    deferred: report?.deferred.length ?? 0,
    busy: report?.busy ?? false,
    completed: report !== null,
  };
  try {
    writeJson(LAST_TICK_KEY, record);
  } catch (error) {
    console.warn(`sheetdash tick: could not record the tick: ${String(error)}`);
  }
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
  // Notifications owed from earlier runs (a retry-later, a killed execution) go first.
  try {
    deliverOutboxes(ctx);
  } catch (error) {
    console.warn(`sheetdash tick: alert deliveries wait for the next tick: ${errorMessage(error)}`);
  }
  const startedBy = translate(ctx.lang, 'schedule.who');
  // A run an earlier tick started and never finished (killed) goes into the run log first.
  try {
    logInterrupted(ctx, startedBy);
  } catch {
    // the trace is best effort: it never stops the tick
  }
  // How often the installed trigger ticks (Document properties are read once per execution).
  const tickMs = readJson<TickTriggerRecord>(TICK_TRIGGER_KEY)?.interval === 'hours' ? 3_600_000 : 300_000;
  // The alerts tab is read once for the whole tick (when a query is due), not once per query.
  let alerts: StoredAlert[] | null = null;
  const inputsId = recordedInputsQueryId();
  let inputs: { schedule: Schedule; query: StoredQuery } | null = null;
  const due: StoredQuery[] = [];
  for (const query of listStoredQueries()) {
    if (query.archived) continue;
    const schedule = parseSchedule(query.schedule);
    if (schedule === null || schedule === 'invalid') continue;
    if (query.id === inputsId) inputs = { schedule, query };
    if (isScheduledRunDue(schedule, query, ctx.clock.now(), toLocal, tickMs)) due.push(query);
  }
  // The longest waiting first (never run, then the oldest last run), so that what one tick had
  // to defer starts the next one: a query late in the library is never starved by slow ones.
  due.sort(longestWaitingFirst);
  for (const query of due) {
    if (ctx.deadline.remainingMs() < MIN_TIME_TO_START_MS) {
      report.deferred.push(query.id);
      continue;
    }
    // No values: each parameter's saved default (the value it had when the query was saved),
    // relative dates ("yesterday") resolved now, in the spreadsheet's time zone.
    alerts ??= readAlerts(ctx.lang);
    try {
      noteRunning(ctx, query);
    } catch {
      // a full property store must not stop the run itself: it only loses the trace of a kill
    }
    try {
      const result = runSavedQuery(query.id, {}, ctx, { scheduled: true, startedBy, stored: query, alerts });
      report.ran.push({
        id: query.id,
        name: query.name,
        ok: result.ok,
        skipped: result.skipped === true,
        message: result.message,
      });
    } catch (error) {
      // A query that cannot start (its data source deleted, say) fails alone: the others still run.
      const message = errorMessage(error);
      report.ran.push({ id: query.id, name: query.name, ok: false, skipped: false, message });
      clearRunning(); // it did not run: not "interrupted" for the next tick
      try {
        recordFailedStart(query, message, ctx);
      } catch (recordError) {
        console.warn(`sheetdash tick: "${query.name}" could not start: ${message} (${errorMessage(recordError)})`);
      }
    }
  }
  clearRunning();
  trimLog();
  // After the due queries, so the snapshot sees the inputs refreshed this tick; while the day's
  // run of the inputs is still to come, the snapshot waits for it.
  const inputsLaterToday = inputs !== null && inputsRunLaterToday(inputs, report, ctx.clock.now(), toLocal, tickMs);
  report.healthSnapshot = takeSnapshot(ctx, inputsLaterToday);
  return report;
}

/** Keeps the run log to its cap (runs append without counting rows). */
function trimLog(): void {
  try {
    trimRunLog();
  } catch (error) {
    console.warn(`sheetdash tick: the run log is trimmed by a later tick: ${errorMessage(error)}`);
  }
}

function inputsRunLaterToday(
  inputs: { schedule: Schedule; query: StoredQuery },
  report: TickReport,
  nowMs: number,
  toLocal: (ms: number) => LocalTime,
  tickMs: number,
): boolean {
  const id = inputs.query.id;
  const lastRun = report.ran.some((r) => r.id === id) ? nowMs : lastRunMsOf(inputs.query);
  return runExpectedLaterToday(inputs.schedule, lastRun, nowMs, toLocal, {
    tickMs,
    deferred: report.deferred.includes(id),
  });
}

function takeSnapshot(ctx: ExecutionContext, inputsLaterToday: boolean): SnapshotReport | null {
  try {
    return dailySnapshot(ctx, inputsLaterToday);
  } catch (error) {
    console.warn(`sheetdash tick: the health snapshot failed, retried next tick: ${String(error)}`);
    return null;
  }
}

/** What "Turn on scheduled refreshes" recorded: which trigger, how often, who owns it, since when. */
export interface TickTriggerRecord {
  triggerId: string;
  interval: TickInterval;
  owner: string;
  installedAt: string;
}

export type TickInterval = 'minutes' | 'hours';

export const TICK_TRIGGER_KEY = 'sheetdash.tick';

/**
 * When the recorded trigger last showed that it works (its last tick, else its install), and
 * whether it is late since: two intervals and a minute without a tick (one missed tick happens,
 * Apps Script picks the moment; two in a row mean the trigger is gone or failing). Null when
 * nothing is known.
 */
export function tickEvidence(
  record: TickTriggerRecord | null,
  lastTick: TickRunView | null,
  nowMs: number,
  intervalMs: number,
): { sinceMs: number; late: boolean } | null {
  const since = Date.parse(lastTick?.at ?? record?.installedAt ?? '');
  if (record === null || Number.isNaN(since)) return null;
  return { sinceMs: since, late: nowMs - since > 2 * intervalMs + 60_000 };
}

/**
 * The owner of another person's tick trigger that still works, or null. ScriptApp lists only the
 * caller's own triggers, so the record and the last tick are the evidence; a second person's
 * trigger would run every check twice as often, so it is not installed while the first one works.
 */
export function liveOtherOwner(nowMs: number): string | null {
  const record = readJson<TickTriggerRecord>(TICK_TRIGGER_KEY);
  if (!record || record.owner === '' || record.owner === userEmail()) return null;
  const intervalMs = record.interval === 'hours' ? 3_600_000 : 300_000;
  const evidence = tickEvidence(record, readJson<TickRunView>(LAST_TICK_KEY), nowMs, intervalMs);
  return evidence && !evidence.late ? record.owner : null;
}

/**
 * Makes sure exactly one tick trigger exists for this user and document: every 5 minutes in a
 * bound script, hourly in a published add-on (Google's limit, and one time trigger per user
 * and document). Which of the two is decided by the installation source, never by the text of
 * an error. A working trigger is kept; a new one is created before any old one is deleted, so
 * a failure leaves the schedule as it was.
 */
export function installTickTrigger(nowMs: number = Date.now()): {
  interval: TickInterval;
  created: boolean;
  addOn: boolean;
} {
  const addOn = ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
  const interval: TickInterval = addOn ? 'hours' : 'minutes';
  const existing = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === 'tick');
  const record = readJson<TickTriggerRecord>(TICK_TRIGGER_KEY);
  const recorded = existing.find((t) => record?.interval === interval && t.getUniqueId() === record.triggerId);
  // An add-on's only time trigger is hourly whatever installed it: keep it rather than leave a gap.
  const keep = recorded ?? (addOn ? existing[0] : undefined);
  let trigger: GoogleAppsScript.Script.Trigger;
  if (keep) trigger = keep;
  else {
    const builder = ScriptApp.newTrigger('tick').timeBased();
    trigger = (addOn ? builder.everyHours(1) : builder.everyMinutes(5)).create();
  }
  for (const old of existing) if (old.getUniqueId() !== trigger.getUniqueId()) ScriptApp.deleteTrigger(old);
  if (!keep || !recorded) {
    writeJson(TICK_TRIGGER_KEY, {
      triggerId: trigger.getUniqueId(),
      interval,
      owner: userEmail(),
      installedAt: new Date(nowMs).toISOString(),
    } satisfies TickTriggerRecord);
  }
  return { interval, created: !keep, addOn };
}

const lastRunMsOf = (query: StoredQuery): number | null => (query.lastRun ? Date.parse(query.lastRun.at) : null);

/** Queries never run first, then the oldest last run; the library's order otherwise (the sort is stable). */
function longestWaitingFirst(a: StoredQuery, b: StoredQuery): number {
  const at = lastRunMsOf(a) ?? Number.NEGATIVE_INFINITY;
  const bt = lastRunMsOf(b) ?? Number.NEGATIVE_INFINITY;
  return at === bt ? 0 : at < bt ? -1 : 1;
}

/** Due by its last run, or (never run) by today's slot or a slot missed since its creation. */
function isScheduledRunDue(
  schedule: Schedule,
  query: StoredQuery,
  nowMs: number,
  toLocal: (ms: number) => LocalTime,
  tickMs: number,
): boolean {
  const created = Date.parse(query.createdAt);
  const run = { lastRunMs: lastRunMsOf(query), createdMs: Number.isNaN(created) ? null : created };
  return isQueryDue(schedule, run, nowMs, toLocal, tickMs);
}
