/**
 * The run log tab: one row per run (when, who or which trigger, query, data source, rows,
 * duration, outcome, message), newest last. It keeps the newest RUN_LOG_CAP runs: appending
 * does not count the rows (one call less on every run); the rows past the cap are dropped
 * oldest first by the next tick, or when the sidebar opens and reads the last runs.
 * What is stored is language-neutral: the outcome is a code (`ok`, `failed`, `skipped`) with
 * its translation beside it for people, and columns are found by their header (in either
 * language, or the key itself), never by position.
 */
import { type Lang, type MessageKey, translate } from '../../core/i18n';
import { cellOf, mapColumns } from '../../core/sheet-columns';
import { literalText } from '../../core/values/cell-value';
import { withDocumentLock } from '../../adapters/lock';
import { tableColumns } from '../../adapters/sheet-table';
import { activeSpreadsheet, findTaggedSheet, insertFreeSheet, type Sheet, tagSheet } from '../../adapters/sheets';
import type { AlertState, RunStatusView } from '../../shared/api-types';

export const RUN_LOG_KEY = 'sheetdash.runlog';
export const RUN_LOG_CAP = 500;

export type RunOutcome = RunStatusView['outcome'];

export const RUN_LOG_COLUMNS = [
  'at',
  'who',
  'query',
  'dataSource',
  'rows',
  'durationMs',
  'outcome',
  'outcomeText',
  'message',
  'check',
  'checkText',
] as const;
export type RunLogColumn = (typeof RUN_LOG_COLUMNS)[number];

const HEADER_KEYS: Record<RunLogColumn, MessageKey> = {
  at: 'runlog.col.at',
  who: 'runlog.col.who',
  query: 'runlog.col.query',
  dataSource: 'runlog.col.dataSource',
  rows: 'runlog.col.rows',
  durationMs: 'runlog.col.durationMs',
  outcome: 'runlog.col.outcome',
  outcomeText: 'runlog.col.outcomeText',
  message: 'runlog.col.message',
  check: 'runlog.col.check',
  checkText: 'runlog.col.checkText',
};

const OUTCOME_TEXT: Record<RunOutcome, MessageKey> = {
  ok: 'outcome.ok',
  failed: 'outcome.failed',
  skipped: 'outcome.skipped',
};

const OUTCOMES = Object.keys(OUTCOME_TEXT) as RunOutcome[];
const CHECK_STATES: AlertState[] = ['ok', 'triggered', 'unknown'];

export interface RunLogEntry {
  at: Date;
  who: string;
  query: string;
  dataSource: string;
  rows: number | '';
  durationMs: number;
  outcome: RunOutcome;
  /** Warnings of a good run, the error of a failed one. */
  message: string;
  /** The query's alerts after the run (state code and its text), when it has any. */
  check?: { state: AlertState; text: string };
}

/** Headers of logs written by earlier versions, still recognised. */
const EARLIER_HEADERS: Partial<Record<RunLogColumn, string[]>> = { message: ['Error', 'エラー'] };

const labelsOf = (key: RunLogColumn): string[] => [
  translate('en', HEADER_KEYS[key]),
  translate('ja', HEADER_KEYS[key]),
  ...(EARLIER_HEADERS[key] ?? []),
];

function columnsOf(sheet: Sheet, lang: Lang): Record<RunLogColumn, number> {
  return tableColumns(sheet, RUN_LOG_COLUMNS, labelsOf, (key) => translate(lang, HEADER_KEYS[key])).positions;
}

function createLog(lang: Lang): Sheet {
  const ss = activeSpreadsheet();
  const sheet = insertFreeSheet(translate(lang, 'runlog.tab'), ss.getNumSheets()).sheet;
  tagSheet(sheet, RUN_LOG_KEY, '1', {});
  sheet
    .getRange(1, 1, 1, RUN_LOG_COLUMNS.length)
    .setValues([RUN_LOG_COLUMNS.map((key) => literalText(translate(lang, HEADER_KEYS[key])))]);
  sheet.setFrozenRows(1);
  return sheet;
}

export function appendRunLog(entry: RunLogEntry, lang: Lang): void {
  const sheet = findTaggedSheet(RUN_LOG_KEY) ?? createLog(lang);
  const positions = columnsOf(sheet, lang);
  const values: Record<RunLogColumn, Date | string | number> = {
    at: entry.at,
    who: literalText(entry.who),
    query: literalText(entry.query),
    dataSource: literalText(entry.dataSource),
    rows: entry.rows,
    durationMs: entry.durationMs,
    outcome: entry.outcome,
    outcomeText: literalText(translate(lang, OUTCOME_TEXT[entry.outcome])),
    message: literalText(entry.message.slice(0, 2000)),
    check: entry.check?.state ?? '',
    checkText: literalText(entry.check?.text.slice(0, 2000) ?? ''),
  };
  const width = Math.max(...Object.values<number>(positions)) + 1;
  const row: (Date | string | number)[] = Array.from({ length: width }, () => '');
  for (const key of RUN_LOG_COLUMNS) row[positions[key]] = values[key];
  // appendRow writes after the last row with content and grows the tab as needed: one call.
  sheet.appendRow(row);
}

/** The outcome stored in a row: the code, else (a log written before codes) its text in either language. */
export function outcomeOf(code: unknown, text: unknown): RunOutcome {
  const stored = String(code ?? '').trim();
  if ((OUTCOMES as string[]).includes(stored)) return stored as RunOutcome;
  const shown = String(text ?? '').trim();
  for (const outcome of OUTCOMES) {
    if (shown === translate('en', OUTCOME_TEXT[outcome]) || shown === translate('ja', OUTCOME_TEXT[outcome]))
      return outcome;
  }
  return 'failed';
}

/** Must run under the document lock. Drops the oldest runs past the cap. */
export function trimRunLog(sheet: Sheet | null = findTaggedSheet(RUN_LOG_KEY)): void {
  if (!sheet) return;
  const excess = sheet.getLastRow() - 1 - RUN_LOG_CAP;
  if (excess > 0) sheet.deleteRows(2, excess);
}

/**
 * The newest `count` runs from the run log tab, newest first. A log past its cap is trimmed
 * first when the document lock is free at once (else the next reader or tick trims it).
 */
export function readRecentRuns(count: number): RunStatusView[] {
  const sheet = findTaggedSheet(RUN_LOG_KEY);
  if (!sheet) return [];
  let last = sheet.getLastRow();
  if (last - 1 > RUN_LOG_CAP && withDocumentLock(0, () => trimRunLog(sheet)).ok) last = sheet.getLastRow();
  if (last < 2) return [];
  const width = sheet.getLastColumn();
  // Reading never repairs the header: a missing column reads as empty.
  const { positions } = mapColumns(sheet.getRange(1, 1, 1, width).getValues()[0], RUN_LOG_COLUMNS, labelsOf);
  const rows = Math.min(count, last - 1);
  const values = sheet.getRange(last - rows + 1, 1, rows, width).getValues();
  return values.reverse().map((row) => {
    const at = cellOf(row, positions, 'at');
    const rowCount = cellOf(row, positions, 'rows');
    const state = String(cellOf(row, positions, 'check') ?? '').trim();
    const check = (CHECK_STATES as string[]).includes(state)
      ? { check: { state: state as AlertState, text: String(cellOf(row, positions, 'checkText') ?? '') } }
      : {};
    return {
      at: at instanceof Date ? at.toISOString() : String(at ?? ''),
      query: String(cellOf(row, positions, 'query') ?? ''),
      outcome: outcomeOf(cellOf(row, positions, 'outcome'), cellOf(row, positions, 'outcomeText')),
      rows: typeof rowCount === 'number' ? rowCount : null,
      message: String(cellOf(row, positions, 'message') ?? ''),
      ...check,
    };
  });
}
