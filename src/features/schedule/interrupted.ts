/**
 * A trace of scheduled runs that a killed execution (Apps Script's 6-minute limit, a quota)
 * never finished: before each run the tick notes which query it is working on, one property
 * write; a tick that ends removes the note. The next tick that finds a note left behind writes
 * an "interrupted" row to the run log, so the run log shows every run that was started.
 */
import { translate } from '../../core/i18n';
import { deleteKey, readJson, writeJson } from '../../adapters/document-properties';
import type { ExecutionContext } from '../context';
import { appendRunLog } from '../refresh/run-log';

export const RUNNING_KEY = 'sheetdash.tick.running';

/** Notes the run about to start (overwriting the previous run's note): [when, query name]. */
export function noteRunning(ctx: ExecutionContext, query: { name: string }): void {
  writeJson(RUNNING_KEY, [ctx.clock.now(), query.name]);
}

/** Removes the note of a tick that ended (no call when there is none). */
export function clearRunning(): void {
  if (readJson(RUNNING_KEY) !== null) deleteKey(RUNNING_KEY);
}

/** Logs the run an earlier, killed tick left unfinished, then removes its note. */
export function logInterrupted(ctx: ExecutionContext, who: string): void {
  const note = readJson<[number, string]>(RUNNING_KEY);
  if (!Array.isArray(note)) return;
  const entry = { who, query: String(note[1]), dataSource: '', rows: '', durationMs: 0 } as const;
  const message = translate(ctx.lang, 'tick.interrupted');
  appendRunLog({ ...entry, at: new Date(Number(note[0]) || ctx.clock.now()), outcome: 'failed', message }, ctx.lang);
  deleteKey(RUNNING_KEY);
}
