/**
 * Health band alerts, wired through the alert destinations with the check alerts' guarantee:
 * after the day's snapshot (under the tick's document lock), each customer is judged against the
 * previous snapshot by `bandStep`; its new state and its notice (an outbox entry) are saved in
 * one property write, `sheetdash.alert.health~c.<company id>`, before anything is sent, so the
 * tick's outbox pass delivers (and retries) them like check alerts', Slack threads per customer.
 * Bounded: at most BAND_NOTICE_CAP customers a day get a notice of their own (the biggest moves);
 * the rest are listed in one digest notice per day (its own record), so 500 customers changing
 * band cost ~500 small property writes and 21 messages per destination, not 500 messages. A
 * customer's record says the day it was judged, so a killed or out-of-time run resumes where it
 * stopped (the next tick) and judges nobody twice. A customer that is fine with nothing to send
 * keeps no record.
 */
import type { AlertNotification as Message } from '../../alerts/message';
import { type AlertRecord, type OutboxEntry, readAlertRecord } from '../../core/alerts/record';
import { type HealthPoint, bandStep } from '../../core/health/band-change';
import {
  type BandCustomer,
  type BandDecision,
  customerNotice,
  digestNotice,
  readBandSettings,
  splitNotices,
} from '../../core/health/band-notices';
import type { BandMessage } from '../../core/health/band-change';
import { type MessageKey, translate } from '../../core/i18n';
import { readJson, reloadAll, writeJson } from '../../adapters/document-properties';
import type { AlertState, HealthAlertSettings } from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import { findDestination } from '../destinations';
import { appendHistory, type HistoryDelivery } from '../alerts/history';
import { BAND_RECORD_PREFIX, deliverRecord } from '../alerts/outbox';
import { deleteRecord, emptyRecord, RECORD_PREFIX, readRecord, writeRecord } from '../alerts/records';
import { readConfigTab } from './config-tab';
import { findHealthTab } from './tabs';

export const BAND_SETTINGS_KEY = 'sheetdash.health.bandAlerts';
/** The snapshot day whose band alerts are all decided. */
export const BANDS_DONE_KEY = 'sheetdash.health.bandAlertsDay';
export const DIGEST_ID = `${BAND_RECORD_PREFIX}digest`;
/** A decision (one property write) is made only while this much of the deadline is left. */
const MIN_TIME_TO_DECIDE_MS = 10_000;

export interface BandAlertsReport {
  /** Customers judged this run. */
  judged: number;
  /** Customers with a notice of their own. */
  notices: number;
  /** Customers listed in the digest. */
  digest: number;
  /** False when the deadline stopped the decisions (the next tick resumes). */
  done: boolean;
}

/** What a customer's record keeps besides the alert status: the point it is judged against, the day judged. */
interface BandPart {
  baseline: HealthPoint;
  day: string;
}

function readBandPart(raw: unknown): BandPart | null {
  const r = raw as Partial<BandPart> | null;
  if (r === null || typeof r !== 'object' || typeof r.day !== 'string') return null;
  const b = r.baseline as Partial<HealthPoint> | undefined;
  if (!b || typeof b.score !== 'number' || typeof b.band !== 'string') return null;
  return { day: r.day, baseline: { score: b.score, band: b.band, measures: b.measures ?? {} } };
}

export function readBandAlertSettings(): HealthAlertSettings {
  return readBandSettings(readJson<unknown>(BAND_SETTINGS_KEY));
}

export function saveBandAlertSettings(settings: HealthAlertSettings): HealthAlertSettings {
  const clean = readBandSettings(settings);
  writeJson(BAND_SETTINGS_KEY, clean);
  return clean;
}

export function bandAlertsDone(today: string): boolean {
  return readJson<string>(BANDS_DONE_KEY) === today;
}

// `c.` keeps a company id such as "digest" apart from the digest's record.
const recordId = (companyId: string) => `${BAND_RECORD_PREFIX}c.${companyId.slice(0, 100)}`;

interface Decided {
  id: string;
  decision: BandDecision;
  from: AlertState;
  entry: OutboxEntry | null;
}

/** Judges every customer of today's snapshot, saves states and notices, then delivers them. Under the lock. */
export function bandAlerts(
  ctx: ExecutionContext,
  today: string,
  customers: BandCustomer[],
  history: GoogleAppsScript.Spreadsheet.Sheet,
): BandAlertsReport {
  const report: BandAlertsReport = { judged: 0, notices: 0, digest: 0, done: true };
  const settings = readBandAlertSettings();
  const config = findHealthTab('config');
  const previous = settings.enabled && config ? previousPoints(ctx, history, today, customers.length) : new Map();
  if (!config || previous.size === 0) {
    writeJson(BANDS_DONE_KEY, today);
    return report;
  }
  const bands = readConfigTab(config).config.bands;
  // Fresh: another execution may have delivered (and so changed records) since this one started.
  reloadAll();
  const judged: { id: string; decision: BandDecision; record: AlertRecord; existed: boolean }[] = [];
  for (const customer of customers) {
    const before = previous.get(customer.companyId);
    if (!before) continue;
    const id = recordId(customer.companyId);
    const raw = readJson<unknown>(RECORD_PREFIX + id);
    const record = raw === null ? emptyRecord() : readAlertRecord(raw);
    const kept = readBandPart(record.band);
    if (kept?.day === today) continue;
    const state = kept ? { status: record.status, baseline: kept.baseline } : null;
    const step = bandStep(state, before, customer.point, bands, settings, ctx.clock.now());
    report.judged++;
    const changed = kept !== null && step.state.status.state !== record.status.state;
    if (step.notify === 'none' && !changed) continue;
    judged.push({ id, decision: { customer, step }, record, existed: raw !== null });
  }
  const { own, digest } = splitNotices(judged.map((j) => j.decision));
  const deliverable = !settings.muted && settings.destinations.length > 0;
  const decided: Decided[] = [];
  const save = (j: (typeof judged)[number], message: Message | null): boolean => {
    if (ctx.deadline.remainingMs() < MIN_TIME_TO_DECIDE_MS) return false;
    const from = j.existed ? j.record.status.state : 'ok';
    const { step } = j.decision;
    j.record.status = step.state.status;
    j.record.band = { baseline: step.state.baseline, day: today } satisfies BandPart;
    let entry: OutboxEntry | null = null;
    if (message && deliverable && step.notify !== 'none') {
      entry = newEntry(`${j.id}:${today}`, step.notify, message, settings.destinations);
      j.record.outbox.push(entry);
    }
    // A customer that is fine with nothing to send keeps no record (judging it again finds nothing to send).
    if (j.record.status.state !== 'triggered' && j.record.outbox.length === 0) {
      if (j.existed) deleteRecord(j.id);
    } else writeRecord(j.id, j.record);
    decided.push({ id: j.id, decision: j.decision, from, entry });
    return true;
  };
  const byDecision = new Map(judged.map((j) => [j.decision, j]));
  for (const d of own) {
    const j = byDecision.get(d);
    if (j && !save(j, notice(ctx, j.id, d.customer.company || d.customer.companyId, customerNotice(ctx.lang, d), d)))
      report.done = false;
  }
  let digestEntry: OutboxEntry | null = null;
  if (digest.length > 0 && report.done) {
    // The digest's notice is saved before the states of the customers it lists: a kill between
    // them lists the unsaved ones again in the next run's digest (never loses them).
    const record = readRecord(DIGEST_ID);
    record.status = { ...record.status, state: 'ok', sequence: record.status.sequence + 1 };
    const name = translate(ctx.lang, 'health.alert.digestName');
    const text = digestNotice(ctx.lang, digest);
    if (deliverable) {
      const message = notice(ctx, DIGEST_ID, name, text, null);
      digestEntry = newEntry(`${DIGEST_ID}:${today}:${record.status.sequence}`, 'triggered', message, [
        ...settings.destinations,
      ]);
      record.outbox.push(digestEntry);
      writeRecord(DIGEST_ID, record);
    }
    for (const d of digest) {
      const j = byDecision.get(d);
      if (j && !save(j, null)) report.done = false;
    }
  }
  if (report.done) writeJson(BANDS_DONE_KEY, today);
  report.notices = decided.filter((d) => own.includes(d.decision)).length;
  report.digest = digest.length;

  // Sending: after every decision is saved. What does not fit the deadline is the next tick's.
  for (const d of decided) {
    if (!own.includes(d.decision)) continue;
    const c = d.decision.customer;
    const value = `${d.decision.step.from.score} (${d.decision.step.from.band}) → ${c.point.score} (${c.point.band})`;
    // The row is written once the notice is settled, before the write that drops it (a kill between
    // them costs a resend in the guarantee's window, never the row), or after the pass when it is not.
    let logged = false;
    const log = (deliveries: HistoryDelivery[]) => {
      logged = true;
      bandHistory(ctx, d.id, c.company || c.companyId, d.from, d.decision, value, d.entry, deliveries, settings);
    };
    const sent = d.entry ? deliverRecord(d.id, null, ctx, d.entry.key, log) : new Map<string, HistoryDelivery[]>();
    if (!logged) log(d.entry ? (sent.get(d.entry.key) ?? []) : []);
  }
  if (digest.length > 0) {
    const sent = digestEntry ? deliverRecord(DIGEST_ID, null, ctx, digestEntry.key) : new Map();
    const name = translate(ctx.lang, 'health.alert.digestName');
    appendHistory(
      {
        at: new Date(ctx.clock.now()),
        alertId: DIGEST_ID,
        alert: name,
        query: translate(ctx.lang, 'health.alert.source'),
        from: '',
        to: 'ok',
        value: String(digest.length),
        notification: 'digest',
        note: noteFor(settings, digestEntry),
        deliveries: digestEntry ? (sent.get(digestEntry.key) ?? []) : [],
      },
      ctx.lang,
    );
  }
  return report;
}

function noteFor(settings: HealthAlertSettings, entry: OutboxEntry | null): MessageKey | undefined {
  if (entry) return 'alert.history.queued';
  return settings.muted ? 'alert.history.muted' : 'alert.history.noDestinations';
}

function bandHistory(
  ctx: ExecutionContext,
  id: string,
  name: string,
  from: AlertState,
  decision: BandDecision,
  value: string,
  entry: OutboxEntry | null,
  deliveries: HistoryDelivery[],
  settings: HealthAlertSettings,
): void {
  appendHistory(
    {
      at: new Date(ctx.clock.now()),
      alertId: id,
      alert: name,
      query: translate(ctx.lang, 'health.alert.source'),
      from,
      to: decision.step.state.status.state,
      value,
      notification: settings.muted ? `${decision.step.notify} (muted)` : decision.step.notify,
      note: noteFor(settings, entry),
      deliveries,
    },
    ctx.lang,
  );
}

function newEntry(key: string, notify: OutboxEntry['notify'], message: Message, destinations: string[]): OutboxEntry {
  // A destination deleted since the settings were saved is left out (its delivery would fail for good).
  const pending = destinations.filter((id) => findDestination(id) !== null);
  return { key, notify, message: { ...message, key }, pending, notBefore: {}, outcomes: {} };
}

/** A band notice as a notification the destinations render: its ready text, no check fields. */
function notice(ctx: ExecutionContext, id: string, name: string, text: BandMessage, d: BandDecision | null): Message {
  const triggered = d === null || d.step.notify === 'triggered';
  return {
    alert: { id, name },
    query: { id: 'health', name: translate(ctx.lang, 'health.alert.source') },
    state: triggered ? 'triggered' : 'ok',
    previousState: triggered ? 'ok' : 'triggered',
    condition: { column: 'score', op: '<', value: '', selector: 'first' },
    value: d ? d.customer.point.score : null,
    reason: null,
    resultUrl: null,
    result: { columns: [], rows: [] },
    rowCount: 0,
    at: new Date(ctx.clock.now()).toISOString(),
    text,
  };
}

/** The latest snapshot before `today` in the history tab (newest first): each customer's point. */
function previousPoints(
  ctx: ExecutionContext,
  history: GoogleAppsScript.Spreadsheet.Sheet,
  today: string,
  customers: number,
): Map<string, HealthPoint> {
  const out = new Map<string, HealthPoint>();
  const last = history.getLastRow();
  if (last < 2) return out;
  const tz = ctx.timeZone();
  // Today's rows (once more after a killed snapshot), then the previous day's: a few times the customers.
  const depth = Math.min(last - 1, customers * 3 + 100);
  let date: string | null = null;
  for (const r of history.getRange(2, 1, depth, 6).getValues()) {
    const d = r[0] instanceof Date ? Utilities.formatDate(r[0], tz, 'yyyy-MM-dd') : String(r[0]);
    // A row left blank by a snapshot killed between inserting its rows and writing them is skipped.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || d >= today) continue;
    date ??= d;
    if (d !== date) break;
    if (typeof r[3] !== 'number') continue;
    let measures: Record<string, number> = {};
    try {
      const parsed = JSON.parse(String(r[5])) as unknown;
      if (parsed !== null && typeof parsed === 'object') measures = parsed as Record<string, number>;
    } catch {
      // a hand-edited cell: the notice shows no measure moves
    }
    out.set(String(r[1]), { score: r[3], band: String(r[4]), measures });
  }
  return out;
}
