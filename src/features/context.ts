/**
 * The execution context, created once at each entry point (the sidebar API, the tick) and
 * passed down: the spreadsheet, the document lock, the clock, the user's language and the one
 * execution deadline. No step fetches these globals itself or invents its own time budget: a
 * step asks the deadline how much time is left.
 */
import type { Lang } from '../core/i18n';
import { withDocumentLock } from '../adapters/lock';
import { userLang } from '../adapters/session';
import { activeSpreadsheet } from '../adapters/sheets';

/** Apps Script stops an execution after 6 minutes. */
export const EXECUTION_LIMIT_MS = 360_000;
/** Kept free at the end of the execution to write the result, the run log and the answer. */
export const DEADLINE_MARGIN_MS = 30_000;

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** About how long one UrlFetch call may take at most (not configurable in Apps Script). */
export const FETCH_WORST_MS = 60_000;

/**
 * Whether a UrlFetch call (and the property write after it) started now would end before Apps
 * Script's own 6-minute limit in the worst case. The limit, not `deadline.at`: a sub-budget (the
 * sidebar's 30 s for alert deliveries) limits waiting, while the call itself may run past it.
 */
export function fetchFitsBeforeLimit(deadline: Deadline, afterMs = 10_000): boolean {
  const now = deadline.at - deadline.remainingMs();
  return deadline.startedAt + EXECUTION_LIMIT_MS - now >= FETCH_WORST_MS + afterMs;
}

export interface Deadline {
  /** When the execution started (ms since the epoch). */
  readonly startedAt: number;
  /** The instant every step must be done by: the 6-minute limit minus the margin. */
  readonly at: number;
  /** Milliseconds left before `at` (negative once past). */
  remainingMs(): number;
  /** Milliseconds since the execution started. */
  elapsedMs(): number;
}

export interface DocumentLock {
  /** Runs `fn` under the document lock (re-entrant), or answers { ok: false } after waiting `waitMs`. */
  hold<T>(waitMs: number, fn: () => T): { ok: true; value: T } | { ok: false };
}

export interface ExecutionContext {
  readonly lang: Lang;
  readonly clock: Clock;
  readonly deadline: Deadline;
  readonly lock: DocumentLock;
  /** The active spreadsheet, fetched once. */
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The spreadsheet's time zone, read once. */
  timeZone(): string;
}

const systemClock: Clock = { now: () => Date.now() };

export function createDeadline(clock: Clock, startedAt = clock.now()): Deadline {
  const at = startedAt + EXECUTION_LIMIT_MS - DEADLINE_MARGIN_MS;
  return {
    startedAt,
    at,
    remainingMs: () => at - clock.now(),
    elapsedMs: () => clock.now() - startedAt,
  };
}

/** The context of this execution. `lang` is read from the user's locale unless given. */
export function createContext(options: { lang?: Lang; clock?: Clock } = {}): ExecutionContext {
  const clock = options.clock ?? systemClock;
  const deadline = createDeadline(clock);
  const lang = options.lang ?? userLang();
  let timeZone: string | null = null;
  return {
    lang,
    clock,
    deadline,
    lock: { hold: withDocumentLock },
    spreadsheet: activeSpreadsheet,
    timeZone: () => (timeZone ??= activeSpreadsheet().getSpreadsheetTimeZone()),
  };
}
