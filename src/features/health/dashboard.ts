/**
 * The health dashboard: customers per band (COUNTIF formulas on the Health tab, live), the
 * biggest drops this week and the band counts over time (values the daily snapshot writes),
 * and an embedded chart of those counts when the runtime has charts. Repair rewrites only its
 * headers and formulas; the snapshot's rows are kept.
 */
import { type FormulaContext, bandCountFormula } from '../../core/health/formulas';
import { translate } from '../../core/i18n';
import { literalCell } from '../../core/values/cell-value';
import { columnLetter, DASHBOARD_DAYS_CAP } from '../../core/health/layout';
import type { Sheet } from '../../adapters/sheets';
import type { TabRepair } from './customers-tab';

/** Where each table starts (1-based columns), row 1 a title, row 2 the header. */
export const DASH_BANDS_COLUMN = 1;
export const DASH_DROPS_COLUMN = 4;
export const DASH_DROPS_ROWS = 10;
export const DASH_TREND_COLUMN = 10;

export function dropsHeader(ctx: { lang: FormulaContext['lang'] }): string[] {
  return [
    translate(ctx.lang, 'health.col.company_id'),
    translate(ctx.lang, 'health.col.company'),
    translate(ctx.lang, 'health.dash.before'),
    translate(ctx.lang, 'health.dash.after'),
    translate(ctx.lang, 'health.dash.drop'),
  ];
}

export function buildDashboard(
  sheet: Sheet,
  ctx: FormulaContext,
  bandNames: string[],
  healthTab: string,
  report: TabRepair,
  created: boolean,
): void {
  const L = ctx.lang;
  let changed = false;
  const want: [number, number, string[][]][] = [
    [1, DASH_BANDS_COLUMN, [[translate(L, 'health.dash.perBand'), '']]],
    [2, DASH_BANDS_COLUMN, [[translate(L, 'health.dash.band'), translate(L, 'health.dash.customers')]]],
    [1, DASH_DROPS_COLUMN, [[translate(L, 'health.dash.drops')]]],
    [2, DASH_DROPS_COLUMN, [dropsHeader(ctx)]],
    [1, DASH_TREND_COLUMN, [[translate(L, 'health.dash.overTime')]]],
    [2, DASH_TREND_COLUMN, [[translate(L, 'health.dash.date'), ...bandNames]]],
  ];
  for (const [row, column, values] of want) {
    const range = sheet.getRange(row, column, values.length, values[0].length);
    if (range.getValues().every((r, i) => r.every((v, j) => String(v) === values[i][j]))) continue;
    range.setValues(values.map((row) => row.map(literalCell))); // band names are typed by people
    changed = true;
  }
  const cfg = `'${ctx.tabs.config.replace(/'/g, "''")}'!`;
  const counts = bandNames.map((_, i) => [`=${cfg}$${columnLetter(1 + i)}$1`, bandCountFormula(ctx, i, healthTab)]);
  const countRange = sheet.getRange(3, DASH_BANDS_COLUMN, Math.max(1, counts.length), 2);
  if (counts.length > 0 && countRange.getFormulas().some((r, i) => r[0] !== counts[i][0] || r[1] !== counts[i][1])) {
    countRange.setFormulas(counts);
    changed = true;
  }
  if (ensureChart(sheet, ctx, bandNames.length)) changed = true;
  if (sheet.getFrozenRows() !== 2) {
    sheet.setFrozenRows(2);
    changed = true;
  }
  if (changed && !created) report.repaired.push(translate(L, 'health.repair.dashboard'));
}

type ChartSheet = Sheet & { newChart?: unknown; getCharts?: unknown };

/** The band-counts chart, once: only where the runtime has embedded charts. */
function ensureChart(sheet: Sheet, ctx: FormulaContext, bands: number): boolean {
  const charts = sheet as ChartSheet;
  if (typeof charts.newChart !== 'function' || typeof charts.getCharts !== 'function') return false;
  if (sheet.getCharts().length > 0) return false;
  const range = sheet.getRange(2, DASH_TREND_COLUMN, DASHBOARD_DAYS_CAP + 1, 1 + Math.max(1, bands));
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(range)
    .setNumHeaders(1)
    .setPosition(DASH_DROPS_ROWS + 5, DASH_BANDS_COLUMN, 0, 0)
    .setOption('title', translate(ctx.lang, 'health.dash.chart'))
    .build();
  sheet.insertChart(chart);
  return true;
}
