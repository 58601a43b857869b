/**
 * What one alert keeps between executions, as one Document property (written in one call, so
 * durable at once): its status, its outbox (notifications decided and not yet delivered to
 * every destination) and the Slack thread of its last "triggered" message per destination.
 * Pure: reading a stored value back, and trimming a record so it always fits Apps Script's
 * 9 KB per property (the notifications' rows and cells are cut first, then their texts).
 */
import type { AlertNotification as Message } from '../../alerts/message';
import type { AlertNotification, AlertStatus, DeliveryOutcome, ThreadRef } from '../../shared/api-types';
import { readAlertStatus } from './state';

/** One notification to deliver: `${ruleId}:${sequence}` is its idempotency key. */
export interface OutboxEntry {
  key: string;
  /** What the state machine decided ('triggered' starts a new Slack thread; the others reply in it). */
  notify: Exclude<AlertNotification, 'none'>;
  /** The message, trimmed to fit (templates are taken from the rule when it is delivered). */
  message: Message;
  /** Destination ids still to deliver to. */
  pending: string[];
  /** Per destination: not before this time (ms since the epoch), after a retry-later with Retry-After. */
  notBefore: Record<string, number>;
  /** The latest outcome per destination tried. */
  outcomes: Record<string, DeliveryOutcome>;
}

export interface AlertRecord {
  status: AlertStatus;
  outbox: OutboxEntry[];
  /** The Slack thread of the alert's last triggered message, per destination id. */
  threads: Record<string, ThreadRef>;
  /** What a health band notice's record keeps besides (features/health/band-alerts.ts), kept as stored. */
  band?: unknown;
}

/** Apps Script's limit per property, key and value in UTF-8 bytes. */
export const PROPERTY_LIMIT_BYTES = 9 * 1024;
/** Notifications kept per alert: past this, the oldest undelivered one is dropped. */
export const MAX_OUTBOX = 8;

export function readAlertRecord(raw: unknown): AlertRecord {
  const r = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const outbox = Array.isArray(r.outbox) ? r.outbox.filter(isEntry) : [];
  const threads: Record<string, ThreadRef> = {};
  if (r.threads !== null && typeof r.threads === 'object') {
    for (const [id, t] of Object.entries(r.threads as Record<string, unknown>)) {
      const ref = t as Partial<ThreadRef> | null;
      if (ref && typeof ref.channel === 'string' && typeof ref.ts === 'string')
        threads[id] = { channel: ref.channel, ts: ref.ts };
    }
  }
  const record: AlertRecord = { status: readAlertStatus(r.status), outbox, threads };
  if (r.band !== undefined) record.band = r.band;
  return record;
}

function isEntry(value: unknown): value is OutboxEntry {
  const e = value as Partial<OutboxEntry> | null;
  return (
    e !== null &&
    typeof e === 'object' &&
    typeof e.key === 'string' &&
    typeof e.notify === 'string' &&
    Array.isArray(e.pending) &&
    e.message !== null &&
    typeof e.message === 'object' &&
    typeof e.notBefore === 'object' &&
    typeof e.outcomes === 'object'
  );
}

/** UTF-8 bytes of a text. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Trimming steps, gentlest first: [rows kept, characters per cell, columns kept, characters per other text]. */
const LEVELS: [number, number, number, number][] = [
  [10, 200, 50, 1000],
  [10, 60, 20, 500],
  [5, 40, 12, 300],
  [3, 30, 8, 200],
  [1, 20, 5, 100],
  [0, 0, 0, 60],
];

/**
 * The record as JSON that fits `limitBytes` together with `key`: rows, cells and texts of the
 * outbox's messages are cut step by step (every entry alike), and as a last resort the oldest
 * entries are dropped. The status is never cut (its texts are bounded where they are made).
 */
export function fitRecord(key: string, record: AlertRecord, limitBytes = PROPERTY_LIMIT_BYTES): string {
  let outbox = record.outbox.slice(-MAX_OUTBOX);
  const fits = (text: string) => utf8Bytes(key) + utf8Bytes(text) <= limitBytes;
  for (;;) {
    for (const level of LEVELS) {
      const text = JSON.stringify({
        ...record,
        outbox: outbox.map((e) => ({ ...e, message: trim(e.message, level) })),
      });
      if (fits(text)) return text;
    }
    if (outbox.length === 0) return JSON.stringify({ ...record, outbox: [] });
    outbox = outbox.slice(1);
  }
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

function trimCell(cell: unknown, max: number): unknown {
  if (typeof cell === 'string') return cut(cell, max);
  if (cell instanceof Date) return cell.toISOString();
  return cell;
}

/** A copy of the message with at most `rows` rows of `columns` columns, cells and texts cut. */
export function trim(
  message: Message,
  [rows, cellChars, columns, textChars]: [number, number, number, number],
): Message {
  const keep = message.result.columns.slice(0, columns);
  return {
    ...message,
    alert: { ...message.alert, name: cut(message.alert.name, textChars) },
    query: { ...message.query, name: cut(message.query.name, textChars) },
    condition: {
      ...message.condition,
      column: cut(message.condition.column, textChars),
      value: cut(message.condition.value, textChars),
    },
    value: typeof message.value === 'string' ? cut(message.value, textChars) : message.value,
    reason: message.reason === null ? null : cut(message.reason, textChars * 2),
    result: {
      columns: keep.map((c) => cut(c, Math.max(cellChars, 20))),
      rows: message.result.rows.slice(0, rows).map((row) => keep.map((_, i) => trimCell(row[i], cellChars))),
    },
    templates: undefined,
    ...(message.text
      ? {
          text: {
            title: cut(message.text.title, textChars),
            lines: message.text.lines.slice(0, Math.max(3, rows * 4)).map((line) => cut(line, textChars)),
          },
        }
      : {}),
  };
}
