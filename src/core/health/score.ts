/**
 * The health scores computed in TypeScript, independently of the sheet formulas: tests compare
 * the Health tab's values with these. Same rules: a measure scores 0 at its red edge, 100 at
 * its green edge, linearly between (clamped), rounded to 0.1; missing data scores 0 (worst), 50
 * (neutral) or is left out with the other weights renormalised (exclude); a value that is not
 * a number is left out; the overall score is the weighted mean of the measures scored; an
 * override applies until the day after its expiry; the band is the last whose lowest score
 * the overall score reaches.
 */
import { type HealthBand, type HealthConfig, type HealthMeasure, NEUTRAL_SCORE } from './model';

/** A table row by header (lower-cased). */
export type RowByHeader = Record<string, unknown>;

export interface ScoreInputs {
  config: HealthConfig;
  /** Customers rows by header (lower-cased); `company_id` is the Customers company id header, lower-cased. */
  customers: RowByHeader[];
  idHeader: string;
  /** Health inputs rows by header (lower-cased); the first column is the company id. */
  inputs: RowByHeader[];
  inputsIdHeader: string;
  overrides?: { companyId: unknown; score: unknown; expires: unknown }[];
  /** Today as a spreadsheet day number (days since 1899-12-30). */
  today: number;
  /** Turns a date cell's value into a day number (null when it is not a date). */
  dayOf: (value: unknown) => number | null;
}

export type MeasureScore = number | 'excluded' | 'invalid';

export interface CustomerScore {
  companyId: unknown;
  measures: MeasureScore[];
  computed: number | null;
  score: number | null;
  band: string | null;
}

/** Sheets' ROUND to one decimal (half away from zero). */
export function round1(x: number): number {
  const r = Math.round(Math.abs(x) * 10 + 1e-9) / 10;
  return x < 0 ? -r : r;
}

export function linearScore(value: number, red: number, green: number): number {
  return round1(100 * Math.max(0, Math.min(1, (value - red) / (green - red))));
}

function missingScore(m: HealthMeasure): MeasureScore {
  return m.missing === 'worst' ? 0 : m.missing === 'neutral' ? NEUTRAL_SCORE : 'excluded';
}

const blank = (v: unknown) => v === '' || v === null || v === undefined;
const key = (header: string) => header.trim().toLowerCase();

function measureScore(m: HealthMeasure, customer: RowByHeader, input: RowByHeader | undefined, s: ScoreInputs) {
  const raw = m.source === 'inputs' ? input?.[key(m.column)] : customer[key(m.column)];
  if (blank(raw)) return missingScore(m);
  let value: number;
  if (m.value === 'days-until') {
    const day = s.dayOf(raw);
    if (day === null) return 'invalid';
    value = day - s.today;
  } else {
    if (typeof raw !== 'number') return 'invalid';
    value = raw;
  }
  if (m.divideBy) {
    const d = customer[key(m.divideBy)];
    if (blank(d)) return missingScore(m);
    if (typeof d !== 'number') return 'invalid';
    if (d === 0) return missingScore(m);
    value = value / d;
  }
  return linearScore(value, m.red, m.green);
}

export function bandOf(score: number, bands: readonly HealthBand[]): string | null {
  let found: string | null = null;
  for (const b of bands) if (score >= b.from) found = b.name;
  return found;
}

export function scoreCustomers(s: ScoreInputs): CustomerScore[] {
  const inputs = new Map<string, RowByHeader>();
  for (const row of s.inputs) {
    const id = String(row[key(s.inputsIdHeader)] ?? '');
    if (!inputs.has(id)) inputs.set(id, row);
  }
  const out: CustomerScore[] = [];
  for (const customer of s.customers) {
    const companyId = customer[key(s.idHeader)];
    const input = blank(companyId) ? undefined : inputs.get(String(companyId));
    const measures = s.config.measures.map((m) => measureScore(m, customer, input, s));
    let sum = 0;
    let weights = 0;
    measures.forEach((score, i) => {
      if (typeof score !== 'number') return;
      sum += score * s.config.measures[i].weight;
      weights += s.config.measures[i].weight;
    });
    const computed = weights === 0 ? null : round1(sum / weights);
    const override = blank(companyId) ? undefined : s.overrides?.find((o) => String(o.companyId) === String(companyId));
    const expires = override ? s.dayOf(override.expires) : null;
    const overrideApplies =
      override !== undefined &&
      typeof override.score === 'number' &&
      (blank(override.expires) || (expires !== null && expires >= s.today));
    const score = overrideApplies ? (override.score as number) : computed;
    out.push({
      companyId,
      measures,
      computed,
      score,
      band: score === null ? null : bandOf(score, s.config.bands),
    });
  }
  return out;
}
