/**
 * Each alert's record (status, outbox, Slack threads: core/alerts/record.ts) in one Document
 * property, `sheetdash.alert.<id>`: a property write is durable at once, so the status and the
 * notification it decided are saved together in one call, before anything is sent. Written only
 * under the document lock; read fresh from the store there (not from the execution's snapshot).
 */
import { type AlertRecord, fitRecord, readAlertRecord } from '../../core/alerts/record';
import { initialAlertStatus } from '../../core/alerts/state';
import {
  deleteKey,
  readEntriesWithPrefix,
  readJson,
  readJsonFresh,
  writeJsonText,
} from '../../adapters/document-properties';

export const RECORD_PREFIX = 'sheetdash.alert.';

export function emptyRecord(): AlertRecord {
  return { status: initialAlertStatus(), outbox: [], threads: {} };
}

/** The record as this execution last saw it (the snapshot): for showing, not for changing. */
export function peekRecord(alertId: string): AlertRecord {
  const raw = readJson<unknown>(RECORD_PREFIX + alertId);
  return raw === null ? emptyRecord() : readAlertRecord(raw);
}

/** The record as stored now (one call): read it so under the lock before changing it. */
export function readRecord(alertId: string): AlertRecord {
  const raw = readJsonFresh<unknown>(RECORD_PREFIX + alertId);
  return raw === null ? emptyRecord() : readAlertRecord(raw);
}

/** Saves the record, trimmed to fit a property (one call). */
export function writeRecord(alertId: string, record: AlertRecord): void {
  const key = RECORD_PREFIX + alertId;
  writeJsonText(key, fitRecord(key, record));
}

export function deleteRecord(alertId: string): void {
  deleteKey(RECORD_PREFIX + alertId);
}

/** Ids of the alerts whose outbox holds something, as this execution's snapshot shows them. */
export function alertsWithOutbox(): string[] {
  return readEntriesWithPrefix<unknown>(RECORD_PREFIX)
    .filter(([, raw]) => readAlertRecord(raw).outbox.length > 0)
    .map(([key]) => key.slice(RECORD_PREFIX.length));
}
