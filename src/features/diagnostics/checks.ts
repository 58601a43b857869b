/**
 * The Diagnostics checklist (issue 10): each check runs against the real services and adds
 * report lines through `add` (ok, warn or skipped, and what it saw, as data: values, counts,
 * times; a failed step is a "fail" line). Kept small: the server bundle has a size budget.
 */
import type { MessageKey } from '../../core/i18n';
import { literalText } from '../../core/values/cell-value';
import { currentWho } from '../../adapters/owner';
import type { DiagnosticCheckView } from '../../shared/api-types';
import type { ExecutionContext } from '../context';
import { listDataSources, testDataSource } from '../datasources';
import { listDestinations, sendTestDestination } from '../destinations';
import { runAdhocQuery } from '../library/run';
import { scheduleStatus } from '../schedule/status';

/** Adds one line: `ok` true is "ok", false "warn", null "skipped"; `failed` makes it "fail". */
export type Add = (id: string, key: MessageKey, ok: boolean | null, detail: string, failed?: boolean) => void;
export type Status = DiagnosticCheckView['status'];

/** Service calls of the two timed refreshes, as the local runtime counts them (test/e2e/diagnostics.test.ts). */
export const REFRESH_CALLS = [62, 45];

/** Text that looks like a formula, midnight in the spreadsheet's zone, 2^53+1 as text: written, read back. */
export function roundTrips(ctx: ExecutionContext, range: GoogleAppsScript.Spreadsheet.Range, add: Add): void {
  const zone = ctx.timeZone();
  const offset = Utilities.formatDate(new Date(Date.UTC(2030, 0, 1, 12)), zone, 'XXX');
  const wrote = ['=SUM(1,2)', new Date(`2030-01-01T00:00:00${offset}`), '9007199254740993'] as const;
  range.setValues([[literalText(wrote[0]), wrote[1], literalText(wrote[2])]]);
  const [read] = range.getValues();
  const date = read[1] instanceof Date ? read[1].toISOString() : String(read[1]);
  add('text-formula', 'diag.text', read[0] === wrote[0] && range.getFormulas()[0][0] === '', `"${read[0]}"`);
  add('date-zone', 'diag.date', date === wrote[1].toISOString(), `${zone}: ${date}`);
  add('big-number', 'diag.big', read[2] === wrote[2], `"${read[2]}"`);
}

/** Each data source ("Test connection", read-only or not), then the chosen destinations ("Send test"). */
export function connections(ctx: ExecutionContext, ids: string[], add: Add): void {
  for (const s of listDataSources(ctx.lang, currentWho())) {
    const r = testDataSource({ id: s.id }, ctx.lang);
    const warn = r.warnings?.join(' ') ?? '';
    const detail = `${s.name}: ${r.message} ${r.version ?? ''} ${r.ms} ms. writable: ${s.writable}. ${warn}`;
    add(`datasource:${s.id}`, 'runlog.col.dataSource', !warn && !s.writable, detail.trim(), !r.ok);
  }
  for (const d of listDestinations(ctx.lang, currentWho()).filter((x) => ids.includes(x.id))) {
    const answer = sendTestDestination({ id: d.id }, ctx);
    add(`destination:${d.id}`, 'diag.dest', true, `${d.name}: ${answer.message}`, !answer.ok);
  }
}

/** The tick trigger (exists, owner, last tick), the deployment mode and its limits, the property store. */
export function platform(ctx: ExecutionContext, add: Add): void {
  const s = scheduleStatus(ctx);
  const last = s.lastTick ? `${s.lastTick.at}${s.lastTick.completed ? '' : ' (!)'}` : '-';
  const detail = `${s.installed} / ${s.triggerFound ?? '?'} / ${s.owner || '?'} / ${last}`;
  add('trigger', 'diag.trigger', s.installed ? s.triggerFound !== false && !s.late : null, detail);
  add('mode', 'diag.mode', true, `${s.mode}: ${s.tickMinutes} / 6 min`);
  const props = PropertiesService.getDocumentProperties().getProperties();
  const kb = Utilities.newBlob(Object.entries(props).join('')).getBytes().length / 1024;
  add('properties', 'diag.props', kb < 400, `${Object.keys(props).length} / ${kb.toFixed(1)} of 500 KB`);
}

/** Times a 1-row and a 1,000-row refresh on the first data source; their tabs are removed. */
export function refreshTimings(ctx: ExecutionContext, add: Add): void {
  const [source] = listDataSources(ctx.lang, currentWho());
  // PostgreSQL and MySQL 8 / MariaDB both read a recursive WITH.
  const sql = 'WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000) SELECT n FROM s';
  for (const rows of source ? [1, 1000] : []) {
    const started = Date.now();
    const r = runAdhocQuery(
      {
        name: `Sheetdash diagnostics ${rows}`,
        dataSourceId: source.id,
        sql: sql.replace('1000', `${rows}`),
        parameters: [],
        values: {},
      },
      ctx,
    );
    const ms = Date.now() - started;
    const ss = ctx.spreadsheet();
    const tab = ss.getSheets().find((s) => s.getSheetId() === r.sheetId);
    if (tab) ss.deleteSheet(tab);
    const calls = REFRESH_CALLS[rows > 1 ? 1 : 0];
    const detail = r.ok ? `${r.rows} / ${ms} ms / ~${calls}, ${(ms / calls).toFixed(1)} ms each` : r.message;
    add(`refresh-${rows}`, 'diag.refresh', true, detail, !(r.ok && r.rows === rows));
  }
}
