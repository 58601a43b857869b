/**
 * Diagnostics: runs the checklist (checks.ts) against the real services and writes the report
 * tab (one per spreadsheet, replaced at each run, in the user's language). The values are
 * round-tripped in the report tab's own first row, which the report then overwrites; the tabs of
 * the timed refreshes are removed. The report is what users send when something behaves
 * differently in real Sheets.
 */
import { type MessageKey, translate } from '../../core/i18n';
import { errorMessage } from '../../core/user-error';
import { literalCell } from '../../core/values/cell-value';
import { activeSpreadsheet, findTaggedSheet, insertFreeSheet, spreadsheetUrl, tagSheet } from '../../adapters/sheets';
import type { DiagnosticCheckView, DiagnosticsView } from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import { type Add, connections, platform, refreshTimings, roundTrips } from './checks';

const KEY = 'sheetdash.diagnostics';

export function runDiagnostics(ctx: ExecutionContext, destinationIds: string[]): DiagnosticsView {
  const lang = ctx.lang;
  const ss = activeSpreadsheet();
  const old = findTaggedSheet(KEY);
  if (old) ss.deleteSheet(old);
  const sheet = insertFreeSheet(translate(lang, 'diag.tab'), ss.getNumSheets()).sheet;
  tagSheet(sheet, KEY, '1', {});
  const checks: DiagnosticCheckView[] = [];
  const add: Add = (id, key, ok, detail, failed) =>
    checks.push({
      id,
      label: translate(lang, key),
      status: failed ? 'fail' : ok ? 'ok' : ok === null ? 'skipped' : 'warn',
      detail,
    });
  const steps: [MessageKey, () => void][] = [
    ['diag.text', () => roundTrips(ctx, sheet.getRange(1, 1, 1, 3), add)],
    ['diag.dest', () => connections(ctx, destinationIds, add)],
    ['diag.trigger', () => platform(ctx, add)],
    ['diag.refresh', () => refreshTimings(ctx, add)],
  ];
  for (const [key, run] of steps) {
    try {
      run();
    } catch (error) {
      add(key, key, false, errorMessage(error), true);
    }
  }
  const rows = [
    [translate(lang, 'diag.head'), '', new Date(ctx.clock.now())],
    ...checks.map((c) => [c.label, c.status, c.detail]),
  ];
  sheet.getRange(1, 1, rows.length, 3).setValues(rows.map((r) => r.map(literalCell)));
  return { sheetName: sheet.getName(), url: `${spreadsheetUrl()}#gid=${sheet.getSheetId()}`, checks };
}
