/**
 * Publishes a filled staging tab as a query's result tab. The result tab is found by its
 * developer-metadata tag (so a rename does not lose it) and replaced in one copy, under the
 * document lock so two refreshes never interleave. A tab a person made is never written to.
 */
import { translate, type Lang } from '../../core/i18n';
import { activeSpreadsheet, findTaggedSheet, freeSheetName, tagSheet, type Sheet } from '../../adapters/sheets';
import type { StagingTab } from './staging-tab';

export const RESULT_KEY = 'sheetdash.result';

export interface Published {
  sheet: Sheet;
  warnings: string[];
}

export function findResultTab(queryId: string): Sheet | null {
  return findTaggedSheet(RESULT_KEY, queryId);
}

/** Must run under the document lock. */
export function publish(staging: StagingTab, queryId: string, tabName: string, lang: Lang): Published {
  const ss = activeSpreadsheet();
  const warnings: string[] = [];
  let target = findResultTab(queryId);
  if (!target) {
    const name = freeSheetName(tabName);
    if (name !== tabName && ss.getSheetByName(tabName)) warnings.push(translate(lang, 'refresh.tabTaken', { name: tabName, used: name }));
    target = ss.insertSheet(name);
    tagSheet(target, RESULT_KEY, queryId);
  }
  const rows = Math.max(1 + staging.rowCount, target.getLastRow(), 1);
  const columns = Math.max(staging.columnCount, target.getLastColumn(), 1);
  if (target.getMaxRows() < rows) target.insertRowsAfter(target.getMaxRows(), rows - target.getMaxRows());
  if (target.getMaxColumns() < columns) target.insertColumnsAfter(target.getMaxColumns(), columns - target.getMaxColumns());
  staging.ensureSize(rows, columns);
  // The one step that changes the result tab: values, formats and the header note at once.
  staging.sheet.getRange(1, 1, rows, columns).copyTo(target.getRange(1, 1, rows, columns));
  target.setFrozenRows(1);
  staging.discard();
  return { sheet: target, warnings };
}
