/**
 * The one time-driven trigger: every tick runs the scheduled queries that are due, as
 * scheduled runs (a paused data source is skipped, with the reason in the run log), within a
 * time budget well inside Apps Script's 6-minute limit; what does not fit waits for the next
 * tick. Also installs the trigger: every 5 minutes in a bound script, hourly for a published
 * add-on (Google's limit for add-on time triggers).
 */
import { translate, type Lang } from '../../core/i18n';
import { isDue, parseSchedule, type LocalTime } from '../../core/schedule';
import { errorMessage } from '../../core/user-error';
import { activeSpreadsheet } from '../../adapters/sheets';
import { listStoredQueries } from '../library/library';
import { runSavedQuery } from '../library/run';

/** Stop starting new refreshes after this much of the tick. */
export const TICK_BUDGET_MS = 240_000;
const ADDON_INTERVAL_TEXT = 'at least one hour';

export interface TickReport {
  ran: { id: string; name: string; ok: boolean; skipped: boolean; message: string }[];
  deferred: string[];
}

export function tick(lang: Lang): TickReport {
  const started = Date.now();
  const timeZone = activeSpreadsheet().getSpreadsheetTimeZone();
  const toLocal = (ms: number): LocalTime => {
    const [date, hh, mm] = Utilities.formatDate(new Date(ms), timeZone, 'yyyy-MM-dd HH mm').split(' ');
    return { date, minutes: Number(hh) * 60 + Number(mm) };
  };
  const report: TickReport = { ran: [], deferred: [] };
  for (const query of listStoredQueries()) {
    if (query.archived) continue;
    const schedule = parseSchedule(query.schedule);
    if (schedule === null || schedule === 'invalid') continue;
    const lastRunMs = query.lastRun ? Date.parse(query.lastRun.at) : null;
    if (!isDue(schedule, lastRunMs, Date.now(), toLocal)) continue;
    if (Date.now() - started > TICK_BUDGET_MS) {
      report.deferred.push(query.id);
      continue;
    }
    const result = runSavedQuery(query.id, {}, lang, { scheduled: true, startedBy: translate(lang, 'schedule.who') });
    report.ran.push({ id: query.id, name: query.name, ok: result.ok, skipped: result.skipped === true, message: result.message });
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
