/**
 * The run log tab: one row per run (when, who or which trigger, query, data source, rows,
 * duration, outcome, error), newest last, capped so that the oldest rows are dropped.
 */
import { translate, type Lang } from '../../core/i18n';
import { literalText } from '../../core/values/cell-value';
import { activeSpreadsheet, findTaggedSheet, freeSheetName, tagSheet } from '../../adapters/sheets';

export const RUN_LOG_KEY = 'sheetdash.runlog';
export const RUN_LOG_CAP = 500;

export interface RunLogEntry {
  at: Date;
  who: string;
  query: string;
  dataSource: string;
  rows: number | '';
  durationMs: number;
  outcome: 'ok' | 'failed' | 'skipped';
  error: string;
}

export function appendRunLog(entry: RunLogEntry, lang: Lang): void {
  let sheet = findTaggedSheet(RUN_LOG_KEY);
  if (!sheet) {
    const ss = activeSpreadsheet();
    sheet = ss.insertSheet(freeSheetName(translate(lang, 'runlog.tab')), ss.getNumSheets());
    tagSheet(sheet, RUN_LOG_KEY, '1');
    const headers = translate(lang, 'runlog.headers').split('|');
    sheet.getRange(1, 1, 1, headers.length).setValues([headers.map(literalText)]);
    sheet.setFrozenRows(1);
  }
  const lastRow = sheet.getLastRow();
  const kept = lastRow - 1;
  let nextRow = lastRow + 1;
  if (kept >= RUN_LOG_CAP) {
    const drop = kept - RUN_LOG_CAP + 1;
    sheet.deleteRows(2, drop);
    nextRow -= drop;
  }
  if (nextRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), nextRow - sheet.getMaxRows());
  const outcome = translate(lang, entry.outcome === 'ok' ? 'outcome.ok' : entry.outcome === 'failed' ? 'outcome.failed' : 'outcome.skipped');
  sheet
    .getRange(nextRow, 1, 1, 8)
    .setValues([[entry.at, literalText(entry.who), literalText(entry.query), literalText(entry.dataSource), entry.rows, entry.durationMs, literalText(outcome), literalText(entry.error.slice(0, 2000))]]);
}
