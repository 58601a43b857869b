/**
 * Health band alerts, what is sent: the settings (read back from storage with defaults), which
 * customers get a notice of their own and which are listed in the day's digest (the cap), and the
 * texts (a customer's notice, the digest) in English or Japanese. Pure.
 */
import type { HealthAlertSettings } from '../../shared/api-types';
import { type Lang, translate } from '../i18n';
import { type BandStep, bandMessage, type BandMessage, type HealthPoint } from './band-change';

/** Customers per snapshot that get a notice (and a Slack thread) of their own; the rest share one digest. */
export const BAND_NOTICE_CAP = 20;
/** Customers a digest names; the others are counted. */
export const DIGEST_NAMES = 40;
export const DEFAULT_DROP_POINTS = 15;

export function defaultBandSettings(): HealthAlertSettings {
  return { enabled: true, muted: false, dropPoints: DEFAULT_DROP_POINTS, destinations: [] };
}

/** Stored settings, each field checked, defaults for what is missing or wrong. */
export function readBandSettings(raw: unknown): HealthAlertSettings {
  const d = defaultBandSettings();
  const r = raw !== null && typeof raw === 'object' ? (raw as Partial<Record<keyof HealthAlertSettings, unknown>>) : {};
  const drop = typeof r.dropPoints === 'number' && Number.isFinite(r.dropPoints) ? r.dropPoints : d.dropPoints;
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : d.enabled,
    muted: typeof r.muted === 'boolean' ? r.muted : d.muted,
    dropPoints: Math.max(0, Math.min(100, drop)),
    destinations: Array.isArray(r.destinations)
      ? r.destinations.filter((x): x is string => typeof x === 'string').slice(0, 20)
      : d.destinations,
  };
}

export interface BandCustomer {
  companyId: string;
  company: string;
  csOwner: string;
  point: HealthPoint;
}

export interface BandDecision {
  customer: BandCustomer;
  step: BandStep;
}

/** How far the customer moved (either way), for ordering: the biggest changes get their own notice. */
const moved = (d: BandDecision) => Math.abs(d.step.from.score - d.customer.point.score);

/** The decisions that notify, split: the first BAND_NOTICE_CAP by size of change alone, the rest in the digest. */
export function splitNotices(decisions: BandDecision[]): { own: BandDecision[]; digest: BandDecision[] } {
  const notifying = decisions.filter((d) => d.step.notify !== 'none').sort((a, b) => moved(b) - moved(a));
  return { own: notifying.slice(0, BAND_NOTICE_CAP), digest: notifying.slice(BAND_NOTICE_CAP) };
}

/** One customer's notice. */
export function customerNotice(lang: Lang, d: BandDecision): BandMessage {
  const kind = d.step.notify === 'triggered' ? 'triggered' : 'recovered';
  return bandMessage(lang, kind, d.customer, d.step.from, d.customer.point);
}

/** The digest of the customers past the cap: one line each (at most DIGEST_NAMES), then how many more. */
export function digestNotice(lang: Lang, list: BandDecision[]): BandMessage {
  const lines = list.slice(0, DIGEST_NAMES).map((d) =>
    translate(lang, d.step.notify === 'triggered' ? 'health.alert.digestDown' : 'health.alert.digestUp', {
      company: d.customer.company || d.customer.companyId,
      before: d.step.from.score,
      beforeBand: d.step.from.band,
      after: d.customer.point.score,
      afterBand: d.customer.point.band,
    }),
  );
  if (list.length > DIGEST_NAMES)
    lines.push(translate(lang, 'health.alert.digestMore', { count: list.length - DIGEST_NAMES }));
  return { title: translate(lang, 'health.alert.digest', { count: list.length }), lines };
}
