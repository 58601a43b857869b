/**
 * The Health tab CS read: a header, the parameter rows (each measure's settings read from the
 * configuration), then one formula row per Customers row and spare rows ahead of them. The
 * tab is the add-on's own: repair rewrites any formula that differs from what it should be
 * (a deleted or renamed tab, a changed measure list), colour bands follow the band names, and
 * the header is frozen. Nothing here is typed by a person (overrides live in their own tab).
 */
import { translate } from '../../core/i18n';
import { literalCell } from '../../core/values/cell-value';
import {
  type FormulaContext,
  fixedLetter,
  healthColumns,
  healthHeader,
  healthParamRows,
  healthRowFormulas,
} from '../../core/health/formulas';
import { CUSTOMERS_FIRST_ROW, HEALTH_FIRST_ROW, HEALTH_SPARE_ROWS } from '../../core/health/layout';
import type { Sheet } from '../../adapters/sheets';
import type { TabRepair } from './customers-tab';

const BAND_COLOURS = ['#f4c7c3', '#fce8b2', '#b7e1cd', '#a4c2f4', '#d9d2e9'];

/** Health rows the formulas must cover for `customerRows` rows in Customers (its last row). */
export function healthRowsFor(customersLastRow: number): number {
  return Math.max(0, customersLastRow - CUSTOMERS_FIRST_ROW + 1) + HEALTH_SPARE_ROWS;
}

/** Writes what differs; notes in `report` that it repaired something (unless the tab is new). */
export function buildHealth(
  sheet: Sheet,
  ctx: FormulaContext,
  bandNames: string[],
  customersLastRow: number,
  report: TabRepair,
  created: boolean,
): void {
  const width = healthColumns(ctx.measures.length).length;
  const existingRows = Math.max(0, sheet.getLastRow() - HEALTH_FIRST_ROW + 1);
  const rows = Math.max(healthRowsFor(customersLastRow), existingRows);
  const lastRow = HEALTH_FIRST_ROW + rows - 1;
  if (sheet.getMaxRows() < lastRow) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  let changed = false;

  const header = healthHeader(
    ctx.lang,
    ctx.measures.map((m) => m.name),
  );
  const params = healthParamRows(ctx);
  const headerRange = sheet.getRange(1, 1, 1, width);
  const labelRange = sheet.getRange(2, 1, params.length, 1);
  const paramRange = sheet.getRange(2, 2, params.length, width - 1);
  const wantParams = params.map((row) => row.slice(1));
  const sameHeader = headerRange.getValues()[0].every((v, c) => String(v) === header[c]);
  const sameLabels = labelRange.getValues().every((v, r) => String(v[0]) === params[r][0]);
  const sameParams = paramRange.getFormulas().every((row, r) => row.every((f, c) => f === wantParams[r][c]));
  if (!sameHeader || !sameLabels || !sameParams) {
    headerRange.setValues([header.map(literalCell)]).setFontWeight('bold'); // measure names are typed by people
    labelRange.setValues(params.map((row) => [row[0]]));
    paramRange.setFormulas(wantParams);
    sheet.getRange(2, 1, params.length, width).setFontColor('#777777');
    changed = true;
  }
  // Clear columns past the current width (a measure removed from the configuration).
  const extra = sheet.getMaxColumns() - width;
  if (extra > 0 && sheet.getLastColumn() > width) {
    sheet.getRange(1, width + 1, lastRow, sheet.getLastColumn() - width).clearContent();
    changed = true;
  }

  const body = sheet.getRange(HEALTH_FIRST_ROW, 1, rows, width);
  const want = Array.from({ length: rows }, (_, i) => healthRowFormulas(ctx, HEALTH_FIRST_ROW + i));
  const got = body.getFormulas();
  if (got.some((row, r) => row.some((f, c) => f !== want[r][c]))) {
    body.setFormulas(want);
    changed = true;
  }
  const n = ctx.measures.length;
  const number = (letter: string, format: string) =>
    sheet.getRange(`${letter}${HEALTH_FIRST_ROW}:${letter}${lastRow}`).setNumberFormat(format);
  if (changed) {
    number(fixedLetter('override_expires', n), 'yyyy-mm-dd');
    number(fixedLetter('score', n), '0.0');
    number(fixedLetter('computed', n), '0.0');
  }
  if (colourBands(sheet, ctx, bandNames, lastRow)) changed = true;
  if (sheet.getFrozenRows() !== HEALTH_FIRST_ROW - 1) {
    sheet.setFrozenRows(HEALTH_FIRST_ROW - 1);
    changed = true;
  }
  if (changed && !created) report.repaired.push(translate(ctx.lang, 'health.repair.health'));
}

/** Conditional colours: each band's colour on the band and score cells, markers in orange. */
function colourBands(sheet: Sheet, ctx: FormulaContext, bandNames: string[], lastRow: number): boolean {
  const n = ctx.measures.length;
  const band = fixedLetter('band', n);
  const score = fixedLetter('score', n);
  const all = `A${HEALTH_FIRST_ROW}:${fixedLetter('link', n)}${lastRow}`;
  const want = bandNames.map((name, i) => ({
    formula: `=$${band}${HEALTH_FIRST_ROW}=${JSON.stringify(name)}`,
    colour: BAND_COLOURS[Math.min(i, BAND_COLOURS.length - 1)],
  }));
  const existing = sheet.getConditionalFormatRules();
  const same =
    existing.length === want.length + 1 &&
    want.every((w, i) => String(existing[i].getBooleanCondition()?.getCriteriaValues()[0] ?? '') === w.formula) &&
    existing[0]?.getRanges()[0]?.getA1Notation() === `${score}${HEALTH_FIRST_ROW}:${band}${lastRow}`;
  if (same) return false;
  const rules = want.map((w) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(w.formula)
      .setBackground(w.colour)
      .setRanges([sheet.getRange(`${score}${HEALTH_FIRST_ROW}:${band}${lastRow}`)])
      .build(),
  );
  rules.push(
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextContains('⚠')
      .setFontColor('#b45f06')
      .setRanges([sheet.getRange(all)])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);
  return true;
}
