/**
 * The daily snapshot, from the tick: once a day in the spreadsheet's time zone (after the day's
 * run of the inputs query when one is scheduled later in the day), each customer's score, band
 * and measure scores are written as values at the top of the history tab (newest first, so the
 * Health tab's "change since last snapshot" finds the latest with one MATCH), capped at
 * HISTORY_CAP rows (older rows are dropped). The dashboard's band counts over time get a row
 * and its biggest drops this week are recomputed. When sales typed past the Health tab's
 * formula rows, setup's repair extends them first.
 */
import {
  DASHBOARD_DAYS_CAP,
  HEALTH_FIRST_ROW,
  HEALTH_LEAD,
  HEALTH_SPARE_ROWS,
  HEALTH_TAIL,
  HISTORY_CAP,
} from '../../core/health/layout';
import { readJson, writeJson } from '../../adapters/document-properties';
import { literalCell } from '../../core/values/cell-value';
import { previousDate } from '../../core/schedule';
import type { ExecutionContext } from '../context';
import { DASH_DROPS_COLUMN, DASH_DROPS_ROWS, DASH_TREND_COLUMN } from './dashboard';
import { healthRowsFor } from './health-tab';
import { HEALTH_SET_UP_KEY, setupHealth } from './setup';
import { findHealthTab } from './tabs';
import type { BandCustomer } from '../../core/health/band-notices';
import { bandAlerts, bandAlertsDone, type BandAlertsReport } from './band-alerts';

export const SNAPSHOT_KEY = 'sheetdash.health.snapshot';
/** Time the snapshot needs at least (it is skipped, and retried next tick, with less left). */
export const SNAPSHOT_MIN_MS = 30_000;
const DROP_DAYS = 7;
const SPARE_MARGIN = 50;

export interface SnapshotReport {
  taken: boolean;
  rows: number;
  date: string;
  /** Not taken yet: the day's run of the inputs query is still to come (a later tick takes it). */
  waitingForInputs?: boolean;
  /** The day's band alerts (null: they failed or wait for the next tick). */
  bandAlerts?: BandAlertsReport | null;
}

type Cell = string | number | boolean | Date;

/**
 * `inputsLaterToday`: the inputs query has a run to come today. The day's snapshot then waits for
 * it (so it scores the day's inputs, and band alerts come after them), unless no snapshot was
 * ever taken or yesterday's is missing: those are taken at once.
 */
export function dailySnapshot(ctx: ExecutionContext, inputsLaterToday = false): SnapshotReport | null {
  // Document properties are read once per execution: a spreadsheet without health scores, or
  // one whose snapshot of today is taken, costs the tick no service call here.
  if (readJson<boolean>(HEALTH_SET_UP_KEY) !== true) return null;
  const tz = ctx.timeZone();
  const day = (d: Date) => Utilities.formatDate(d, tz, 'yyyy-MM-dd');
  const today = day(new Date(ctx.clock.now()));
  const lastDay = readJson<string>(SNAPSHOT_KEY);
  if (lastDay === today) {
    // Today's band alerts did not finish (a killed execution, the deadline): they resume here.
    if (!bandAlertsDone(today) && ctx.deadline.remainingMs() >= SNAPSHOT_MIN_MS) {
      const health = findHealthTab('health');
      const history = findHealthTab('history');
      const points = health && history ? readHealthPoints(health) : null;
      if (history && points)
        return { taken: false, rows: 0, date: today, bandAlerts: runBandAlerts(ctx, today, points, history) };
    }
    return { taken: false, rows: 0, date: today };
  }
  if (inputsLaterToday && lastDay === previousDate(today)) {
    return { taken: false, rows: 0, date: today, waitingForInputs: true };
  }
  if (ctx.deadline.remainingMs() < SNAPSHOT_MIN_MS) return null;
  const health = findHealthTab('health');
  const history = findHealthTab('history');
  if (!health || !history) return null;

  const customers = findHealthTab('customers');
  const covered = Math.max(0, health.getLastRow() - HEALTH_FIRST_ROW + 1);
  // Extended ahead of need: once fewer than SPARE_MARGIN formula rows are left past the customers.
  if (customers && healthRowsFor(customers.getLastRow()) - HEALTH_SPARE_ROWS + SPARE_MARGIN > covered)
    setupHealth(ctx, {});

  const points = readHealthPoints(health);
  if (points === null) return { taken: false, rows: 0, date: today };
  const rows: Cell[][] = points.map(({ id, customer: c }) => [
    today,
    id,
    c.company,
    c.point.score,
    c.point.band,
    JSON.stringify(c.point.measures),
  ]);
  // A snapshot of today killed before it was recorded left its rows (or blank ones) on top: they go first.
  dropUnrecorded(history, today, day, rows.length);
  if (rows.length > 0) {
    history.insertRowsBefore(2, rows.length);
    // the day stays a date; names, ids and bands typed by people are written as the text they are
    history.getRange(2, 1, rows.length, 6).setValues(rows.map(([date, ...rest]) => [date, ...rest.map(literalCell)]));
    history.getRange(2, 1, rows.length, 1).setNumberFormat('yyyy-mm-dd');
    const excess = history.getLastRow() - 1 - HISTORY_CAP;
    if (excess > 0) history.deleteRows(HISTORY_CAP + 2, excess);
  }
  updateDashboard(ctx, history, rows, today, day);
  writeJson(SNAPSHOT_KEY, today);
  const report: SnapshotReport = { taken: true, rows: rows.length, date: today };
  report.bandAlerts = runBandAlerts(ctx, today, points, history);
  return report;
}

/** Band alerts after the day's snapshot (also resumed by a later tick when they did not finish). */
function runBandAlerts(
  ctx: ExecutionContext,
  today: string,
  points: HealthPointRow[],
  history: GoogleAppsScript.Spreadsheet.Sheet,
): BandAlertsReport | null {
  try {
    return bandAlerts(
      ctx,
      today,
      points.map((p) => p.customer),
      history,
    );
  } catch (error) {
    console.warn(`sheetdash: health band alerts wait for the next tick: ${String(error)}`);
    return null;
  }
}

const dayText = (c: Cell, day: (d: Date) => string): string => (c instanceof Date ? day(c) : String(c));

/**
 * Deletes the top rows of Health history that a killed snapshot of today left (today's rows, or
 * the blank rows it inserted before writing them): at most one snapshot's worth of rows, as the
 * previous execution saw them, plus a margin; a row of an earlier day ends the run.
 */
function dropUnrecorded(
  history: GoogleAppsScript.Spreadsheet.Sheet,
  today: string,
  day: (d: Date) => string,
  customers: number,
): void {
  const depth = Math.min(history.getLastRow() - 1, customers + SPARE_MARGIN);
  if (depth <= 0) return;
  const top = history.getRange(2, 1, depth, 2).getValues() as Cell[][];
  let n = 0;
  while (n < top.length && (dayText(top[n][0], day) === today || (top[n][0] === '' && top[n][1] === ''))) n++;
  if (n === 0) return;
  // Sheets refuses to delete every row under the frozen header: those are cleared (blank rows below the data).
  if (n < history.getLastRow() - 1) history.deleteRows(2, n);
  else history.getRange(2, 1, n, history.getLastColumn()).clearContent();
}

export interface HealthPointRow {
  /** The company id as the cell holds it. */
  id: Cell;
  customer: BandCustomer;
}

/** Every scored customer of the Health tab (score, band, measure scores, CS owner), or null when it has no rows. */
export function readHealthPoints(health: GoogleAppsScript.Spreadsheet.Sheet): HealthPointRow[] | null {
  const width = health.getLastColumn();
  const measures = width - HEALTH_LEAD.length - HEALTH_TAIL.length;
  const last = health.getLastRow();
  if (measures < 0 || last < HEALTH_FIRST_ROW) return null;
  const header = health.getRange(1, 1, 1, width).getValues()[0].map(String);
  const values = health.getRange(HEALTH_FIRST_ROW, 1, last - HEALTH_FIRST_ROW + 1, width).getValues() as Cell[][];
  const at = (name: (typeof HEALTH_TAIL)[number]) => HEALTH_LEAD.length + measures + HEALTH_TAIL.indexOf(name);
  const owner = HEALTH_LEAD.indexOf('cs_owner');
  const out: HealthPointRow[] = [];
  for (const v of values) {
    const score = v[at('score')];
    if (v[0] === '' || typeof score !== 'number') continue;
    const scores: Record<string, number> = {};
    for (let m = 0; m < measures; m++) {
      const s = v[HEALTH_LEAD.length + m];
      if (typeof s === 'number') scores[header[HEALTH_LEAD.length + m]] = s;
    }
    out.push({
      id: v[0],
      customer: {
        companyId: String(v[0]),
        company: String(v[1]),
        csOwner: String(v[owner] ?? ''),
        point: { score, band: String(v[at('band')]), measures: scores },
      },
    });
  }
  return out;
}

function updateDashboard(
  ctx: ExecutionContext,
  history: GoogleAppsScript.Spreadsheet.Sheet,
  todayRows: Cell[][],
  today: string,
  day: (d: Date) => string,
): void {
  const dashboard = findHealthTab('dashboard');
  if (!dashboard) return;
  // Band counts over time: the header row names the bands; one row per day, oldest first.
  const bands = dashboard
    .getRange(2, DASH_TREND_COLUMN + 1, 1, Math.max(1, dashboard.getLastColumn() - DASH_TREND_COLUMN))
    .getValues()[0]
    .map(String)
    .filter(Boolean);
  const trend = dashboard.getRange(3, DASH_TREND_COLUMN, DASHBOARD_DAYS_CAP, 1 + bands.length);
  const kept = trend.getValues().filter((r) => r[0] !== '' && dayText(r[0] as Cell, day) !== today);
  kept.push([today, ...bands.map((b) => todayRows.filter((r) => r[4] === b).length)]);
  const table = kept.slice(-DASHBOARD_DAYS_CAP);
  const blank = Array.from({ length: DASHBOARD_DAYS_CAP - table.length }, () => Array(1 + bands.length).fill(''));
  trend.setValues([...table, ...blank]);
  dashboard.getRange(3, DASH_TREND_COLUMN, DASHBOARD_DAYS_CAP, 1).setNumberFormat('yyyy-mm-dd');

  // Biggest drops this week: today's score against the oldest snapshot of the last 7 days.
  const since = day(new Date(ctx.clock.now() - DROP_DAYS * 86_400_000));
  const depth = Math.min(history.getLastRow() - 1, todayRows.length * (DROP_DAYS + 2));
  const recent = depth > 0 ? (history.getRange(2, 1, depth, 4).getValues() as Cell[][]) : [];
  const oldest = new Map<string, number>();
  for (const r of recent) {
    const date = r[0] instanceof Date ? day(r[0]) : String(r[0]);
    if (date < since || typeof r[3] !== 'number') continue;
    oldest.set(String(r[1]), r[3]);
  }
  const drops = todayRows
    .map((r) => ({ row: r, before: oldest.get(String(r[1])) }))
    .filter((d): d is { row: Cell[]; before: number } => d.before !== undefined && d.before > (d.row[3] as number))
    .map((d) => [d.row[1], d.row[2], d.before, d.row[3], Math.round((d.before - (d.row[3] as number)) * 10) / 10])
    .sort((a, b) => (b[4] as number) - (a[4] as number))
    .slice(0, DASH_DROPS_ROWS);
  const dropRange = dashboard.getRange(3, DASH_DROPS_COLUMN, DASH_DROPS_ROWS, 5);
  const padded = [...drops, ...Array.from({ length: DASH_DROPS_ROWS - drops.length }, () => Array(5).fill(''))];
  dropRange.setValues(padded.map((row) => row.map(literalCell)));
}
