/**
 * Health-score e2e helpers: a runtime on the demo dataset (PGlite) with the demo Customers tab,
 * reading tabs as values, and the independent calculation fed from the sheet's own inputs.
 */
import type { AppsScriptRuntime, RuntimeOptions } from '../../emulator/src/runtime';
import { customersRows, HEALTH_INPUTS_SQL } from '../../emulator/playground/demo/content';
import { demoAnchor, demoStatements, generateDemoData } from '../../emulator/playground/demo/dataset';
import { HEALTH_FIRST_ROW, CFG_FIRST_MEASURE_ROW } from '../../src/core/health/layout';
import { type CustomerScore, scoreCustomers } from '../../src/core/health/score';
import { readConfig } from '../../src/core/health/validate';
import type { HealthSetupView } from '../../src/shared/api-types';
import { api } from './api';
import type { TestDatabase } from './engines';
import { setupWithDataSource } from './refresh';

export type Values = unknown[][];

/** Loads the demo dataset (schema demo) into the test database. */
export function loadDemo(db: TestDatabase): void {
  db.exec(demoStatements(generateDemoData(demoAnchor())).join('\n;\n'));
}

export function demoRuntime(db: TestDatabase, options: RuntimeOptions = {}) {
  const setup = setupWithDataSource(db, options);
  const ss = setup.rt.spreadsheet._active();
  const sheet = ss.insertSheet('Customers');
  const rows = customersRows(generateDemoData(demoAnchor()));
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return { ...setup, ss };
}

export function setupHealth(rt: AppsScriptRuntime, dataSourceId?: string, sql = HEALTH_INPUTS_SQL): HealthSetupView {
  return api(rt, 'setupHealth', dataSourceId ? { dataSourceId, sql } : {});
}

type Spreadsheet = ReturnType<AppsScriptRuntime['spreadsheet']['_active']>;

export function tab(ss: Spreadsheet, name: string) {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no tab ${name}: ${ss.getSheets().map((s) => s.getName())}`);
  return sheet;
}

export function values(ss: Spreadsheet, name: string): Values {
  const sheet = tab(ss, name);
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  return rows === 0 ? [] : (sheet.getRange(1, 1, rows, cols).getValues() as Values);
}

/** Health data rows that show a customer (company id or name). */
export function healthRows(ss: Spreadsheet, name = 'Health'): Values {
  return values(ss, name)
    .slice(HEALTH_FIRST_ROW - 1)
    .filter((r) => r[0] !== '' || r[1] !== '');
}

const isDate = (v: unknown): v is Date => typeof (v as Date | null)?.getTime === 'function';
export const dayOf = (v: unknown): number | null => (isDate(v) ? Math.round(v.getTime() / 86_400_000) : null);

/** The independent calculation over what the sheet holds (Customers, inputs tab, config, overrides). */
export function expectedScores(ss: Spreadsheet, inputsTab = 'Health inputs'): CustomerScore[] {
  const cfg = values(ss, 'Health config');
  const { config } = readConfig(cfg.slice(0, 2), cfg.slice(CFG_FIRST_MEASURE_ROW - 1), CFG_FIRST_MEASURE_ROW);
  const byHeader = (rows: Values) => {
    const header = rows[0].map((h) => String(h).trim().toLowerCase());
    return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  };
  const customers = values(ss, 'Customers');
  const overrides = values(ss, 'Health overrides')
    .slice(1)
    .map((r) => ({ companyId: r[0], score: r[1], expires: r[3] }));
  const today = dayOf(cfg[2][1]);
  if (today === null) throw new Error(`today is not a date: ${String(cfg[2][1])}`);
  return scoreCustomers({
    config,
    customers: byHeader(customers).filter((r) => Object.values(r).some((v) => v !== '')),
    idHeader: String(customers[0][0]),
    inputs: byHeader(values(ss, inputsTab)),
    inputsIdHeader: 'company_id',
    overrides,
    today,
    dayOf,
  });
}
