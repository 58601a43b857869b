/**
 * The Health configuration tab: the overall bands (names in row 1, lowest scores in row 2),
 * today's date (B3, the day "days until" and override expiries count from), and one row per
 * measure from row 6 with its effective percentage and a live check. Made with the demo
 * defaults; repair rewrites only the labels, headers and formula columns, never what CS typed.
 */
import { type Lang, type MessageKey, translate } from '../../core/i18n';
import {
  CFG_BAND_NAME_ROW,
  CFG_COLUMNS,
  CFG_FIRST_MEASURE_ROW,
  CFG_MEASURE_HEADER_ROW,
  CFG_MEASURE_SLOTS,
  CFG_TODAY_CELL,
  type cfgLetter,
  type CustomerKey,
} from '../../core/health/layout';
import { checkFormula, effectiveFormula } from '../../core/health/formulas';
import {
  choiceList,
  choiceOf,
  DIRECTION_LABELS,
  defaultConfig,
  type HealthMeasure,
  MISSING_LABELS,
  SOURCE_LABELS,
  VALUE_LABELS,
} from '../../core/health/model';
import { type ReadConfig, readConfig } from '../../core/health/validate';
import type { Sheet } from '../../adapters/sheets';
import type { TabRepair } from './customers-tab';

const WIDTH = CFG_COLUMNS.length;

function measureCells(m: HealthMeasure, lang: Lang): (string | number)[] {
  return [
    m.name,
    SOURCE_LABELS[m.source][lang],
    m.column,
    m.divideBy,
    VALUE_LABELS[m.value][lang],
    DIRECTION_LABELS[m.direction][lang],
    m.red,
    m.green,
    m.weight,
    MISSING_LABELS[m.missing][lang],
  ];
}

/** Writes the demo defaults into a new tab; Customers columns named by the headers Customers shows. */
export function fillConfig(sheet: Sheet, lang: Lang, customerHeaders: Record<CustomerKey, string>): void {
  const config = defaultConfig(lang);
  const customerHeader = (key: string) => customerHeaders[key as CustomerKey] ?? key;
  const measures = config.measures.map((m) => ({
    ...m,
    column: m.source === 'customers' ? customerHeader(m.column) : m.column,
    divideBy: m.divideBy ? customerHeader(m.divideBy) : '',
  }));
  sheet
    .getRange(CFG_BAND_NAME_ROW, 2, 2, config.bands.length)
    .setValues([config.bands.map((b) => b.name), config.bands.map((b) => b.from)]);
  sheet.getRange(CFG_FIRST_MEASURE_ROW, 1, measures.length, 10).setValues(measures.map((m) => measureCells(m, lang)));
}

/** Labels, headers, today's formula, the formula columns and dropdowns: rewritten when they differ. */
export function repairConfig(sheet: Sheet, lang: Lang, report: TabRepair, created: boolean): void {
  if (sheet.getMaxColumns() < WIDTH) sheet.insertColumnsAfter(sheet.getMaxColumns(), WIDTH - sheet.getMaxColumns());
  const lastSlot = CFG_FIRST_MEASURE_ROW + CFG_MEASURE_SLOTS - 1;
  if (sheet.getMaxRows() < lastSlot) sheet.insertRowsAfter(sheet.getMaxRows(), lastSlot - sheet.getMaxRows());
  let changed = false;
  const labels = sheet.getRange(1, 1, 3, 1);
  const wantLabels = [
    [translate(lang, 'health.cfg.bands')],
    [translate(lang, 'health.cfg.from')],
    [translate(lang, 'health.cfg.today')],
  ];
  const other = lang === 'en' ? 'ja' : 'en';
  const okLabels = labels
    .getValues()
    .every(
      (row, i) =>
        row[0] === wantLabels[i][0] ||
        row[0] === translate(other, ['health.cfg.bands', 'health.cfg.from', 'health.cfg.today'][i] as MessageKey),
    );
  if (!okLabels) {
    labels.setValues(wantLabels);
    changed = true;
  }
  const today = sheet.getRange(CFG_TODAY_CELL);
  if (today.getFormula().toUpperCase() !== '=TODAY()') {
    today.setFormula('=TODAY()').setNumberFormat('yyyy-mm-dd');
    changed = true;
  }
  const header = sheet.getRange(CFG_MEASURE_HEADER_ROW, 1, 1, WIDTH);
  const wantHeader = CFG_COLUMNS.map((c) => translate(lang, `health.cfg.col.${c}` as MessageKey));
  const otherHeader = CFG_COLUMNS.map((c) => translate(other, `health.cfg.col.${c}` as MessageKey));
  const gotHeader = header.getValues()[0].map(String);
  if (gotHeader.join('\t') !== wantHeader.join('\t') && gotHeader.join('\t') !== otherHeader.join('\t')) {
    header.setValues([wantHeader]).setFontWeight('bold');
    changed = true;
  }
  const formulaColumn = sheet.getRange(
    CFG_FIRST_MEASURE_ROW,
    CFG_COLUMNS.indexOf('effective') + 1,
    CFG_MEASURE_SLOTS,
    2,
  );
  const want = Array.from({ length: CFG_MEASURE_SLOTS }, (_, i) => [
    effectiveFormula(lang, CFG_FIRST_MEASURE_ROW + i),
    checkFormula(lang, CFG_FIRST_MEASURE_ROW + i),
  ]);
  const got = formulaColumn.getFormulas();
  if (got.some((row, i) => row[0] !== want[i][0] || row[1] !== want[i][1])) {
    formulaColumn.setFormulas(want);
    sheet
      .getRange(CFG_FIRST_MEASURE_ROW, CFG_COLUMNS.indexOf('effective') + 1, CFG_MEASURE_SLOTS, 1)
      .setNumberFormat('0.0%');
    changed = true;
  }
  const lists: [Parameters<typeof cfgLetter>[0], string[]][] = [
    ['source', [...choiceList(SOURCE_LABELS, lang)]],
    ['value', [...choiceList(VALUE_LABELS, lang)]],
    ['direction', [...choiceList(DIRECTION_LABELS, lang)]],
    ['missing', [...choiceList(MISSING_LABELS, lang)]],
  ];
  for (const [column, values] of lists) {
    const col = CFG_COLUMNS.indexOf(column) + 1;
    if (sheet.getRange(CFG_FIRST_MEASURE_ROW, col).getDataValidation()) continue;
    sheet
      .getRange(CFG_FIRST_MEASURE_ROW, col, CFG_MEASURE_SLOTS, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(true).build(),
      );
    changed = true;
  }
  if (sheet.getFrozenRows() !== CFG_MEASURE_HEADER_ROW) {
    sheet.setFrozenRows(CFG_MEASURE_HEADER_ROW);
    changed = true;
  }
  if (changed && !created) report.repaired.push(translate(lang, 'health.repair.config'));
}

/** The configuration as typed, with its problems. */
export function readConfigTab(sheet: Sheet): ReadConfig {
  const lastColumn = Math.max(2, sheet.getLastColumn());
  const bandRows = sheet.getRange(CFG_BAND_NAME_ROW, 1, 2, lastColumn).getValues();
  const last = sheet.getLastRow();
  const count = Math.max(0, last - CFG_FIRST_MEASURE_ROW + 1);
  const rows = count > 0 ? sheet.getRange(CFG_FIRST_MEASURE_ROW, 1, count, 10).getValues() : [];
  return readConfig(bandRows, rows, CFG_FIRST_MEASURE_ROW);
}

export type MeasureShape = Pick<HealthMeasure, 'name' | 'source' | 'column' | 'divideBy' | 'value'>;

/**
 * Every measure listed in the tab, in order, even one with problems (its Health column then
 * shows a marker): what the Health formulas are built from. The first of a repeated name wins.
 */
export function measureShapes(sheet: Sheet): MeasureShape[] {
  const last = sheet.getLastRow();
  if (last < CFG_FIRST_MEASURE_ROW) return [];
  const seen = new Set<string>();
  const out: MeasureShape[] = [];
  for (const r of sheet.getRange(CFG_FIRST_MEASURE_ROW, 1, last - CFG_FIRST_MEASURE_ROW + 1, 5).getValues()) {
    const name = String(r[0] ?? '').trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push({
      name,
      source: choiceOf(SOURCE_LABELS, r[1]) ?? 'inputs',
      column: String(r[2] ?? '').trim(),
      divideBy: String(r[3] ?? '').trim(),
      value: choiceOf(VALUE_LABELS, r[4]) ?? 'number',
    });
  }
  return out;
}

/** Number of overall bands (named cells from B1 on). */
export function bandCount(sheet: Sheet): number {
  const names = sheet.getRange(CFG_BAND_NAME_ROW, 2, 1, Math.max(1, sheet.getLastColumn() - 1)).getValues()[0];
  let n = names.length;
  while (n > 0 && String(names[n - 1] ?? '').trim() === '') n--;
  return n;
}
