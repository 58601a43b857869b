/**
 * Delivers alerts' outboxes, under the document lock: each entry to each destination still to
 * do, oldest first (a destination waiting on an earlier entry of the same alert waits for the
 * later ones too, so a recovery never arrives before its trigger), within the execution's
 * deadline and not before a Retry-After. Each outcome is saved in the record as it comes (one
 * property write after each send); an entry is dropped once every destination is delivered or
 * failed for good. A Slack bot's triggered message starts a thread, remembered per alert and
 * destination, and later messages of the alert reply in it.
 *
 * The guarantee (README, "Alert delivery"): at least once per change of state and destination.
 * A duplicate only when the execution dies after a destination accepted a message and before
 * its outcome was saved.
 */
import type { AlertRecord, OutboxEntry } from '../../core/alerts/record';
import { deliver } from '../../destinations/deliver';
import { appsScriptDeliveryServices } from '../../destinations/services';
import type { DeliveryOutcome } from '../../shared/api-types';
import { type ExecutionContext, fetchFitsBeforeLimit } from '../context';
import { errorMessage } from '../../core/user-error';
import { findDestination } from '../destinations';
import { readAlerts, type StoredAlert } from './alert-sheet';
import { appendHistory, type HistoryDelivery, type HistoryEntry } from './history';
import { alertsWithOutbox, deleteRecord, readRecord, writeRecord } from './records';

/** Record ids of health band notices (one per customer, and the digest): not alert rules. */
export const BAND_RECORD_PREFIX = 'health~';

/** A delivery is started only while this much of the deadline is left (one request and its write). */
export const MIN_TIME_TO_DELIVER_MS = 10_000;

/** Works every alert's outbox (the tick does, before its due queries). Call under the document lock. */
export function deliverOutboxes(ctx: ExecutionContext): void {
  const ids = alertsWithOutbox();
  if (ids.length === 0) return;
  const alerts = new Map(readAlerts(ctx.lang).map((a) => [a.rule.id, a]));
  for (const id of ids) {
    if (ctx.deadline.remainingMs() < MIN_TIME_TO_DELIVER_MS) return;
    const alert = alerts.get(id);
    // Health band notices have no alert rule (BAND_RECORD_PREFIX); an alert deleted while a run
    // was deciding for it: its status and notifications go with it.
    if (!alert && !id.startsWith(BAND_RECORD_PREFIX)) {
      deleteRecord(id);
      continue;
    }
    try {
      deliverRecord(id, alert ?? null, ctx, null);
    } catch (error) {
      // one alert's outbox that cannot be worked stays for the next tick; it never holds up the others'
      console.warn(`sheetdash: the outbox of alert ${id} waits for the next tick: ${errorMessage(error)}`);
    }
  }
}

/**
 * Delivers one alert's outbox (read fresh). Answers the outcomes by entry key; entries other
 * than `current` (the notification the caller just decided, whose history row it writes) get
 * a history row of their own for each retry. When `current` is settled here, `settled` gets its
 * outcomes before the write that drops it, so that its history row is written before the entry
 * is gone: a kill between the two then costs a resend (the guarantee's window), never the row.
 */
export function deliverRecord(
  alertId: string,
  alert: StoredAlert | null,
  ctx: ExecutionContext,
  current: string | null,
  settled?: (deliveries: HistoryDelivery[]) => void,
): Map<string, HistoryDelivery[]> {
  const record = readRecord(alertId);
  const done = new Map<string, HistoryDelivery[]>();
  if (alert?.rule.muted && record.outbox.length > 0) {
    dropMuted(alertId, alert, record, ctx);
    return done;
  }
  const entries = new Map<string, OutboxEntry>();
  const waiting = new Set<string>();
  const services = appsScriptDeliveryServices();
  for (const entry of [...record.outbox]) {
    for (const destinationId of [...entry.pending]) {
      if (waiting.has(destinationId)) continue;
      const notBefore = entry.notBefore[destinationId] ?? 0;
      const late = ctx.deadline.remainingMs() < MIN_TIME_TO_DELIVER_MS || !fetchFitsBeforeLimit(ctx.deadline);
      if (notBefore > ctx.clock.now() || late) {
        waiting.add(destinationId);
        continue;
      }
      const destination = findDestination(destinationId);
      const thread = entry.notify === 'triggered' ? null : (record.threads[destinationId] ?? null);
      const outcome: DeliveryOutcome = destination
        ? deliver(
            destination,
            { ...entry.message, templates: alert?.rule.templates, key: entry.key },
            { lang: ctx.lang, deadline: ctx.deadline, services, thread },
          )
        : { status: 'failed', attempts: 0, problem: { code: 'invalid-config' } };
      if (outcome.status === 'retry-later') waiting.add(destinationId);
      record.outbox = settle(record, entry, destinationId, outcome, ctx.clock.now());
      const list = done.get(entry.key) ?? [];
      list.push({ destinationId, destinationName: destination?.name ?? destinationId, outcome });
      done.set(entry.key, list);
      entries.set(entry.key, entry);
      if (entry.key === current && entry.pending.length === 0) settled?.(list);
      writeRecord(alertId, record);
    }
  }
  for (const [key, entry] of entries) {
    if (key === current) continue;
    appendHistory(queuedEntryRow(alertId, alert, entry, ctx, { deliveries: done.get(key) ?? [] }), ctx.lang);
  }
  return done;
}

/**
 * A muted alert sends nothing, also what it queued before the mute (Slack was down, say): each
 * queued notification gets a history row saying it was not sent, then the outbox is emptied.
 * A kill between the two writes the rows again next time, never sends.
 */
function dropMuted(alertId: string, alert: StoredAlert, record: AlertRecord, ctx: ExecutionContext): void {
  for (const entry of record.outbox) {
    appendHistory(
      queuedEntryRow(alertId, alert, entry, ctx, { deliveries: [], note: 'alert.history.muted' }),
      ctx.lang,
    );
  }
  record.outbox = [];
  writeRecord(alertId, record);
}

/** The history row of a notification queued by an earlier run (a retry, or one a mute drops). */
function queuedEntryRow(
  alertId: string,
  alert: StoredAlert | null,
  entry: OutboxEntry,
  ctx: ExecutionContext,
  outcome: Pick<HistoryEntry, 'deliveries' | 'note'>,
): HistoryEntry {
  return {
    at: new Date(ctx.clock.now()),
    alertId,
    alert: alert?.rule.name ?? entry.message.alert.name,
    query: entry.message.query.name,
    from: '',
    to: entry.message.state,
    value: String(entry.message.value ?? 'NULL'),
    notification: `${entry.notify} (retry)`,
    ...outcome,
  };
}

/** The outcome kept in the entry; the entry's destination done unless it is to retry; the outbox without done entries. */
function settle(
  record: AlertRecord,
  entry: OutboxEntry,
  destinationId: string,
  outcome: DeliveryOutcome,
  nowMs: number,
): OutboxEntry[] {
  entry.outcomes[destinationId] = outcome;
  if (outcome.status === 'retry-later') entry.notBefore[destinationId] = nowMs + (outcome.retryAfterMs ?? 0);
  else {
    entry.pending = entry.pending.filter((id) => id !== destinationId);
    delete entry.notBefore[destinationId];
  }
  // A triggered message starts the thread; its recovery, the last message of that episode, ends it.
  if (outcome.status === 'delivered' && outcome.thread && entry.notify === 'triggered')
    record.threads[destinationId] = outcome.thread;
  if (outcome.status === 'delivered' && entry.notify === 'recovered') delete record.threads[destinationId];
  return record.outbox.filter((e) => e.pending.length > 0);
}
