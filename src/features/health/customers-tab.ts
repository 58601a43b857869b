/**
 * The Customers tab sales type into: its columns are found by header (either language, or an
 * older tab's names) and a missing one is added at the end of the header row; dropdowns for
 * plan, status and sentiment, date checks, duplicate ids flagged by conditional formatting, and
 * a protected header row. Only the header row's empty tail, validation and formatting rules
 * are ever written: the rows sales typed are never changed, moved or deleted.
 */
import { translate, type Lang } from '../../core/i18n';
import { mapColumns } from '../../core/sheet-columns';
import {
  CUSTOMER_DATE_KEYS,
  CUSTOMER_KEYS,
  CUSTOMER_NUMBER_KEYS,
  type CustomerKey,
  customerHeader,
  customerLabels,
  columnLetter,
  PLANS,
  SENTIMENTS,
  STATUSES,
} from '../../core/health/layout';
import { tableColumns } from '../../adapters/sheet-table';
import type { Sheet } from '../../adapters/sheets';

export interface CustomersColumns {
  positions: Record<CustomerKey, number>;
  /** The header each column shows (what the configuration's Customers columns refer to). */
  headers: Record<CustomerKey, string>;
}

/** What setup did to the tab (English or Japanese item names for the report). */
export interface TabRepair {
  repaired: string[];
}

export function customersColumns(sheet: Sheet, lang: Lang, report: TabRepair): CustomersColumns {
  const header = sheet.getRange('1:1').getValues()[0] ?? [];
  let filled = header.length;
  while (filled > 0 && header[filled - 1] === '') filled--;
  const missing = mapColumns(header.slice(0, filled), CUSTOMER_KEYS, customerLabels).missing;
  const table = tableColumns(sheet, CUSTOMER_KEYS, customerLabels, (key) => customerHeader(key, lang));
  if (missing.length > 0)
    report.repaired.push(
      translate(lang, 'health.repair.columns', { columns: missing.map((k) => customerHeader(k, lang)).join(', ') }),
    );
  const row = sheet.getRange(1, 1, 1, table.width).getValues()[0];
  const headers = {} as Record<CustomerKey, string>;
  for (const key of CUSTOMER_KEYS) headers[key] = String(row[table.positions[key]]);
  return { positions: table.positions, headers };
}

function listRule(values: string[], allowInvalid: boolean) {
  return SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(allowInvalid).build();
}

/** Validation, duplicate-id formatting, frozen and protected header. Idempotent. */
export function dressCustomers(sheet: Sheet, columns: CustomersColumns, lang: Lang, report: TabRepair): void {
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const rules: [CustomerKey, () => GoogleAppsScript.Spreadsheet.DataValidation, string][] = [
    ['plan', () => listRule(PLANS, true), 'VALUE_IN_LIST'],
    ['status', () => listRule([...STATUSES[lang], ...STATUSES[lang === 'en' ? 'ja' : 'en']], true), 'VALUE_IN_LIST'],
    ['sentiment', () => listRule(SENTIMENTS, false), 'VALUE_IN_LIST'],
  ];
  for (const key of CUSTOMER_DATE_KEYS)
    rules.push([
      key,
      () =>
        SpreadsheetApp.newDataValidation()
          .requireDate()
          .setAllowInvalid(false)
          .setHelpText(translate(lang, 'health.help.date'))
          .build(),
      'DATE_IS_VALID_DATE',
    ]);
  for (const key of CUSTOMER_NUMBER_KEYS)
    rules.push([
      key,
      () =>
        SpreadsheetApp.newDataValidation()
          .requireNumberGreaterThanOrEqualTo(0)
          .setAllowInvalid(false)
          .setHelpText(translate(lang, 'health.help.number'))
          .build(),
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    ]);
  let validated = false;
  for (const [key, rule, criteria] of rules) {
    const range = sheet.getRange(2, columns.positions[key] + 1, rows, 1);
    const current = sheet.getRange(2, columns.positions[key] + 1).getDataValidation();
    if (current && String(current.getCriteriaType()) === criteria) continue;
    range.setDataValidation(rule());
    validated = true;
  }
  if (validated) report.repaired.push(translate(lang, 'health.repair.validation'));

  const id = columnLetter(columns.positions.company_id);
  const formula = `=COUNTIF($${id}:$${id},$${id}2)>1`;
  const existing = sheet.getConditionalFormatRules();
  const has = existing.some((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? '') === formula);
  if (!has) {
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground('#f4c7c3')
      .setRanges([sheet.getRange(2, columns.positions.company_id + 1, rows, 1)])
      .build();
    sheet.setConditionalFormatRules([...existing, rule]);
    report.repaired.push(translate(lang, 'health.repair.duplicates'));
  }
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  const description = translate(lang, 'health.protect');
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  const protectedHeader = protections.some(
    (p) =>
      p.getDescription() === description ||
      p.getDescription() === translate(lang === 'en' ? 'ja' : 'en', 'health.protect'),
  );
  if (!protectedHeader) {
    const protection = sheet.getRange('1:1').protect().setDescription(description);
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    report.repaired.push(translate(lang, 'health.repair.protect'));
  }
}
