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
import { getDataSource } from '../datasources';

export const RUNNING_KEY = 'sheetdash.tick.running';

interface RunningNote {
  at: string;
  queryId: string;
  query: string;
  dataSourceId: string;
}

/** Notes the run about to start (overwriting the previous run's note). */
export function noteRunning(ctx: ExecutionContext, query: { id: string; name: string; dataSourceId: string }): void {
  writeJson(RUNNING_KEY, {
    at: new Date(ctx.clock.now()).toISOString(),
    queryId: query.id,
    query: query.name,
    dataSourceId: query.dataSourceId,
  } satisfies RunningNote);
}

/** Removes the note of a tick that ended (no call when there is none). */
export function clearRunning(): void {
  if (readJson<RunningNote>(RUNNING_KEY) !== null) deleteKey(RUNNING_KEY);
}

/** Logs the run an earlier, killed tick left unfinished, then removes its note; false when there was none. */
export function logInterrupted(ctx: ExecutionContext, who: string): boolean {
  const note = readJson<RunningNote>(RUNNING_KEY);
  if (note === null) return false;
  let dataSource = note.dataSourceId;
  try {
    dataSource = getDataSource(note.dataSourceId, ctx.lang).name;
  } catch {
    // a data source removed since: its id stays in the row
  }
  const at = new Date(note.at);
  appendRunLog(
    {
      at: Number.isNaN(at.getTime()) ? new Date(ctx.clock.now()) : at,
      who,
      query: String(note.query ?? ''),
      dataSource,
      rows: '',
      durationMs: 0,
      outcome: 'failed',
      message: translate(ctx.lang, 'tick.interrupted'),
    },
    ctx.lang,
  );
  deleteKey(RUNNING_KEY);
  return true;
}
