/**
 * The alert history tab (hidden until opened from the sidebar): a row for every evaluation that
 * changed an alert's state or notified, and for every later retry of a delivery: when, the
 * alert, the query, the old and new state, the value, and the outcome per destination, stored as
 * language-neutral codes beside their text in the writer's language. Columns are found by their
 * header in either language. Capped: the oldest rows are deleted first.
 */
import { type Lang, type MessageKey, translate } from '../../core/i18n';
import { literalText } from '../../core/values/cell-value';
import { describeOutcome } from '../../destinations/outcome';
import { tableColumns } from '../../adapters/sheet-table';
import { activeSpreadsheet, findTaggedSheet, insertFreeSheet, type Sheet, tagSheet } from '../../adapters/sheets';
import type { AlertState, DeliveryOutcome } from '../../shared/api-types';

export const HISTORY_KEY = 'sheetdash.alerthistory';
export const HISTORY_CAP = 1_000;

export const HISTORY_COLUMNS = [
  'at',
  'alert',
  'alertId',
  'query',
  'from',
  'to',
  'value',
  'notification',
  'deliveries',
  'deliveriesText',
] as const;
type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

const HEADER_KEYS: Record<HistoryColumn, MessageKey> = {
  at: 'alert.history.col.at',
  alert: 'alert.history.col.alert',
  alertId: 'alert.history.col.alertId',
  query: 'alert.history.col.query',
  from: 'alert.history.col.from',
  to: 'alert.history.col.to',
  value: 'alert.history.col.value',
  notification: 'alert.history.col.notification',
  deliveries: 'alert.history.col.deliveries',
  deliveriesText: 'alert.history.col.deliveriesText',
};

const labelsOf = (key: HistoryColumn): string[] => [
  key,
  translate('en', HEADER_KEYS[key]),
  translate('ja', HEADER_KEYS[key]),
];

/** One destination's outcome, by destination id and name. */
export interface HistoryDelivery {
  destinationId: string;
  destinationName: string;
  outcome: DeliveryOutcome;
}

export interface HistoryEntry {
  at: Date;
  alertId: string;
  alert: string;
  query: string;
  /** Empty for a retry of an earlier notification. */
  from: AlertState | '';
  to: AlertState;
  value: string;
  /** What was to be sent: triggered, recovered, unknown, renotify, none, muted, retry... */
  notification: string;
  /** Why nothing was delivered, when nothing was (a message key's text). */
  note?: MessageKey;
  deliveries: HistoryDelivery[];
}

export function historySheet(create: boolean, lang: Lang): Sheet | null {
  const found = findTaggedSheet(HISTORY_KEY);
  if (found || !create) return found;
  const ss = activeSpreadsheet();
  const sheet = insertFreeSheet(translate(lang, 'alert.history.tab'), ss.getNumSheets()).sheet;
  tagSheet(sheet, HISTORY_KEY, '1', {});
  sheet
    .getRange(1, 1, 1, HISTORY_COLUMNS.length)
    .setValues([HISTORY_COLUMNS.map((key) => literalText(translate(lang, HEADER_KEYS[key])))]);
  sheet.setFrozenRows(1);
  sheet.hideSheet();
  return sheet;
}

/** "d1=delivered; d2=retry-later:rate-limited": the outcomes as codes. */
function outcomeCodes(deliveries: HistoryDelivery[]): string {
  return deliveries
    .map((d) => {
      const o = d.outcome;
      return o.status === 'delivered'
        ? `${d.destinationId}=delivered`
        : `${d.destinationId}=${o.status}:${o.problem.code}`;
    })
    .join('; ');
}

export function appendHistory(entry: HistoryEntry, lang: Lang): void {
  const sheet = historySheet(true, lang);
  if (!sheet) return;
  const { positions, width } = tableColumns(sheet, HISTORY_COLUMNS, labelsOf, (key) =>
    translate(lang, HEADER_KEYS[key]),
  );
  const kept = sheet.getLastRow() - 1;
  if (kept >= HISTORY_CAP) sheet.deleteRows(2, kept - HISTORY_CAP + 1);
  const text =
    entry.deliveries.length > 0
      ? entry.deliveries.map((d) => `${d.destinationName}: ${describeOutcome(lang, d.outcome)}`).join('\n')
      : entry.note
        ? translate(lang, entry.note)
        : '';
  const values: Record<HistoryColumn, Date | string> = {
    at: entry.at,
    alert: literalText(entry.alert),
    alertId: literalText(entry.alertId),
    query: literalText(entry.query),
    from: entry.from,
    to: entry.to,
    value: literalText(entry.value.slice(0, 1000)),
    notification: entry.notification,
    deliveries: literalText(outcomeCodes(entry.deliveries)),
    deliveriesText: literalText(text.slice(0, 5000)),
  };
  const row: (Date | string)[] = Array.from({ length: width }, () => '');
  for (const key of HISTORY_COLUMNS) row[positions[key]] = values[key];
  sheet.appendRow(row);
}
