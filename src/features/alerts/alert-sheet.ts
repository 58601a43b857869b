/**
 * The alert rules' hidden tab, found by its developer-metadata tag: one row per alert, the rule
 * as JSON (so templates of any length fit) beside readable columns for people (id, query id,
 * name, condition, destinations, muted, who created and changed it, when). Columns are found by
 * their header in either language, so moving or sorting them by hand breaks nothing; the JSON
 * is the rule, read back through checkAlertRule so a hand-edited row cannot crash a tick; only
 * the Muted column (TRUE / FALSE) may also be switched by hand.
 */
import { translate, type Lang, type MessageKey } from '../../core/i18n';
import { checkAlertRule } from '../../core/alerts/rule';
import { cellOf, mapColumns } from '../../core/sheet-columns';
import { type CellValue, literalText } from '../../core/values/cell-value';
import { readJson, writeJson } from '../../adapters/document-properties';
import { tableColumns } from '../../adapters/sheet-table';
import { activeSpreadsheet, findTaggedSheet, insertFreeSheet, type Sheet, tagSheet } from '../../adapters/sheets';
import type { AlertRule } from '../../shared/api-types';

export const ALERTS_KEY = 'sheetdash.alerts';
/**
 * Set (Document property) once the first alert is saved: until then no run looks for the tab,
 * so a spreadsheet without alerts pays no search for it on every refresh.
 */
export const ALERTS_MADE_KEY = 'sheetdash.alerts.made';

export const ALERT_COLUMNS = [
  'id',
  'queryId',
  'name',
  'condition',
  'destinations',
  'muted',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'rule',
] as const;
type AlertColumn = (typeof ALERT_COLUMNS)[number];

const HEADER_KEYS: Record<AlertColumn, MessageKey> = {
  id: 'alert.col.id',
  queryId: 'alert.col.queryId',
  name: 'alert.col.name',
  condition: 'alert.col.condition',
  destinations: 'alert.col.destinations',
  muted: 'alert.col.muted',
  createdBy: 'alert.col.createdBy',
  createdAt: 'alert.col.createdAt',
  updatedBy: 'alert.col.updatedBy',
  updatedAt: 'alert.col.updatedAt',
  rule: 'alert.col.rule',
};

const labelsOf = (key: AlertColumn): string[] => [
  key,
  translate('en', HEADER_KEYS[key]),
  translate('ja', HEADER_KEYS[key]),
];

/** A stored alert: its rule and who made and changed it. */
export interface StoredAlert {
  rule: AlertRule;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** 1-based row in the tab. */
  row: number;
}

export function alertSheet(create: boolean, lang: Lang): Sheet | null {
  const found = findTaggedSheet(ALERTS_KEY);
  if (found || !create) return found;
  const ss = activeSpreadsheet();
  const sheet = insertFreeSheet(translate(lang, 'alert.tab'), ss.getNumSheets()).sheet;
  tagSheet(sheet, ALERTS_KEY, '1', {});
  sheet
    .getRange(1, 1, 1, ALERT_COLUMNS.length)
    .setValues([ALERT_COLUMNS.map((key) => literalText(translate(lang, HEADER_KEYS[key])))]);
  sheet.setFrozenRows(1);
  sheet.hideSheet();
  return sheet;
}

const text = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value ?? ''));

/** Every readable alert (one getValues); rows whose rule cannot be read are skipped. */
export function readAlerts(lang: Lang): StoredAlert[] {
  if (readJson<boolean>(ALERTS_MADE_KEY) !== true) return [];
  const sheet = alertSheet(false, lang);
  if (!sheet) return [];
  const rows = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (rows < 2 || width < 1) return [];
  const values = sheet.getRange(1, 1, rows, width).getValues();
  const { positions } = mapColumns(values[0], ALERT_COLUMNS, labelsOf);
  const out: StoredAlert[] = [];
  values.forEach((row, i) => {
    if (i === 0) return;
    const id = text(cellOf(row, positions, 'id')).trim();
    if (id === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(text(cellOf(row, positions, 'rule')));
    } catch {
      return;
    }
    const checked = checkAlertRule(raw, lang);
    if (!checked.ok) return;
    // The Muted column may be switched by hand in the tab: a TRUE / FALSE there wins.
    const muted = cellOf(row, positions, 'muted');
    out.push({
      rule: { ...checked.rule, id, muted: typeof muted === 'boolean' ? muted : checked.rule.muted },
      createdBy: text(cellOf(row, positions, 'createdBy')),
      createdAt: text(cellOf(row, positions, 'createdAt')),
      updatedBy: text(cellOf(row, positions, 'updatedBy')),
      updatedAt: text(cellOf(row, positions, 'updatedAt')),
      row: i + 1,
    });
  });
  return out;
}

/** "count > 0", "max of balance < 0": the condition for people. */
export function conditionText(rule: AlertRule): string {
  const c = rule.condition;
  const subject = c.selector === 'count' ? 'count' : `${c.selector} of ${c.column}`;
  return `${subject} ${c.op} ${c.value}`;
}

/** Writes an alert over its row (found just before, under the lock), or appends it. */
export function writeAlert(
  alert: Omit<StoredAlert, 'row'>,
  row: number | null,
  destinationNames: string[],
  lang: Lang,
) {
  const sheet = alertSheet(true, lang);
  if (!sheet) return;
  if (readJson<boolean>(ALERTS_MADE_KEY) !== true) writeJson(ALERTS_MADE_KEY, true);
  const { positions, width } = tableColumns(sheet, ALERT_COLUMNS, labelsOf, (key) => translate(lang, HEADER_KEYS[key]));
  const cells: Record<AlertColumn, CellValue> = {
    id: literalText(alert.rule.id),
    queryId: literalText(alert.rule.queryId),
    name: literalText(alert.rule.name),
    condition: literalText(conditionText(alert.rule)),
    destinations: literalText(destinationNames.join(', ')),
    muted: alert.rule.muted,
    createdBy: literalText(alert.createdBy),
    createdAt: literalText(alert.createdAt),
    updatedBy: literalText(alert.updatedBy),
    updatedAt: literalText(alert.updatedAt),
    rule: literalText(JSON.stringify(alert.rule)),
  };
  const target = row ?? Math.max(sheet.getLastRow(), 1) + 1;
  const known = ALERT_COLUMNS.length;
  const line: CellValue[] =
    row !== null && width > known
      ? (sheet.getRange(target, 1, 1, width).getValues()[0] as CellValue[])
      : Array.from({ length: width }, () => '');
  for (const key of ALERT_COLUMNS) line[positions[key]] = cells[key];
  if (target > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), target - sheet.getMaxRows());
  sheet.getRange(target, 1, 1, width).setValues([line]);
}

export function deleteAlertRow(row: number, lang: Lang): void {
  alertSheet(false, lang)?.deleteRow(row);
}
