/**
 * "Set up health scores": creates what is missing and repairs what is broken, under the
 * document lock, in an order where each step finds what it refers to: Customers (columns,
 * validation, protected header), the configuration, the inputs query and its tab, the
 * overrides and history tabs, the Health tab, the dashboard. Running it again creates nothing
 * twice; no row of Customers, overrides or history is ever changed, moved or deleted.
 */
import { translate, type MessageKey } from '../../core/i18n';
import { UserError } from '../../core/user-error';
import type { FormulaContext, ResolvedMeasure } from '../../core/health/formulas';
import { columnLetter, HISTORY_KEYS, OVERRIDE_KEYS } from '../../core/health/layout';
import { problemText } from '../../core/health/validate';
import { readJson, writeJson } from '../../adapters/document-properties';
import { sheetIdOf, spreadsheetUrl, type Sheet } from '../../adapters/sheets';
import type { HealthSetupView } from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import { bandCount, fillConfig, measureShapes, readConfigTab, repairConfig } from './config-tab';
import { customersColumns, dressCustomers, type TabRepair } from './customers-tab';
import { buildDashboard } from './dashboard';
import { buildHealth } from './health-tab';
import { ensureInputs, type InputsRequest } from './inputs';
import { ensureHealthTab, type HealthRole, tabTitle } from './tabs';

const LOCK_WAIT_MS = 10_000;
/** Set once setup has run: the tick's daily snapshot looks for the health tabs only then. */
export const HEALTH_SET_UP_KEY = 'sheetdash.health.setUp';

export function setupHealth(ctx: ExecutionContext, request: InputsRequest): HealthSetupView {
  const held = ctx.lock.hold(LOCK_WAIT_MS, () => runSetup(ctx, request));
  if (!held.ok) throw new UserError(translate(ctx.lang, 'health.setup.busy'));
  return held.value;
}

/** A header row for an add-on table (overrides, history), written when it differs. */
function ensureHeader(sheet: Sheet, header: string[], report: TabRepair, what: string, created: boolean): void {
  const range = sheet.getRange(1, 1, 1, header.length);
  if (range.getValues()[0].every((v, i) => String(v) === header[i])) return;
  range.setValues([header]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  if (!created) report.repaired.push(what);
}

function headerRow(sheet: Sheet): string[] {
  const width = Math.max(1, sheet.getLastColumn());
  return sheet
    .getRange(1, 1, 1, width)
    .getValues()[0]
    .map((v) => String(v).trim().toLowerCase());
}

/** Each measure with the columns its source and divisor are in now (by header). */
function resolveMeasures(config: Sheet, customers: Sheet, inputs: Sheet): ResolvedMeasure[] {
  const customerHeader = headerRow(customers);
  const inputHeader = headerRow(inputs);
  const find = (header: string[], name: string) => {
    const i = header.indexOf(name.trim().toLowerCase());
    return i < 0 || !name.trim() ? null : i;
  };
  return measureShapes(config).map((m) => ({
    ...m,
    at: find(m.source === 'inputs' ? inputHeader : customerHeader, m.column),
    divideAt: m.divideBy ? find(customerHeader, m.divideBy) : null,
  }));
}

function runSetup(ctx: ExecutionContext, request: InputsRequest): HealthSetupView {
  const L = ctx.lang;
  const created: string[] = [];
  const report: TabRepair = { repaired: [] };
  const tab = (role: HealthRole) => {
    const got = ensureHealthTab(ctx, role);
    if (got.created) created.push(got.sheet.getName());
    return got;
  };

  const customers = tab('customers');
  const columns = customersColumns(customers.sheet, L, report);
  dressCustomers(customers.sheet, columns, L, report);

  const config = tab('config');
  if (config.created) fillConfig(config.sheet, L, columns.headers);
  repairConfig(config.sheet, L, report, config.created);

  const inputs = ensureInputs(ctx, request);
  created.push(...inputs.created);

  const overrides = tab('overrides');
  ensureHeader(
    overrides.sheet,
    OVERRIDE_KEYS.map((k) => translate(L, `health.ov.${k}` as MessageKey)),
    report,
    tabTitle(L, 'overrides'),
    overrides.created,
  );
  const history = tab('history');
  ensureHeader(
    history.sheet,
    HISTORY_KEYS.map((k) => translate(L, `health.hist.${k}` as MessageKey)),
    report,
    tabTitle(L, 'history'),
    history.created,
  );

  const health = tab('health');
  const bands = bandCount(config.sheet);
  const bandNames = config.sheet
    .getRange(1, 2, 1, Math.max(1, bands))
    .getValues()[0]
    .map((v) => String(v));
  const formulaContext: FormulaContext = {
    lang: L,
    tabs: {
      customers: customers.sheet.getName(),
      config: config.sheet.getName(),
      inputs: inputs.sheet.getName(),
      overrides: overrides.sheet.getName(),
      history: history.sheet.getName(),
    },
    customerColumns: {
      id: columnLetter(columns.positions.company_id),
      name: columnLetter(columns.positions.company),
      csOwner: columnLetter(columns.positions.cs_owner),
    },
    customersSheetId: sheetIdOf(customers.sheet),
    bandCount: bands,
    measures: resolveMeasures(config.sheet, customers.sheet, inputs.sheet),
  };
  buildHealth(health.sheet, formulaContext, bandNames, customers.sheet.getLastRow(), report, health.created);

  const dashboard = tab('dashboard');
  buildDashboard(dashboard.sheet, formulaContext, bandNames, health.sheet.getName(), report, dashboard.created);

  if (readJson<boolean>(HEALTH_SET_UP_KEY) !== true) writeJson(HEALTH_SET_UP_KEY, true);
  const problems = [...inputs.problems, ...readConfigTab(config.sheet).problems.map((p) => problemText(L, p))];
  const lines = [
    created.length > 0 ? translate(L, 'health.setup.created', { items: created.join(', ') }) : '',
    report.repaired.length > 0 ? translate(L, 'health.setup.repaired', { items: report.repaired.join(', ') }) : '',
    created.length + report.repaired.length === 0 ? translate(L, 'health.setup.nothing') : '',
    problems.length > 0 ? translate(L, 'health.setup.problems', { problems: problems.join(' ') }) : '',
  ];
  return {
    created,
    repaired: report.repaired,
    problems,
    message: lines.filter(Boolean).join('\n'),
    healthUrl: `${spreadsheetUrl()}#gid=${sheetIdOf(health.sheet)}`,
    inputsQueryId: inputs.queryId,
  };
}
