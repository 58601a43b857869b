/**
 * The demo spreadsheet's first-start content, created through the add-on's real API (as the
 * sidebar would): the "Demo DB" data source on the embedded PGlite, a few saved queries (a
 * check query for inconsistent data, one with a {{ since }} date parameter), and a
 * "Customers" tab with the rows sales typed, a Slack destination on the local receiver, an
 * alert on the check query ("returns rows") posting there, and the health scores set up on the
 * Customers tab (with the demo "health inputs" query). Each step is recorded as done only when it
 * worked, so a step the server cannot do yet is tried again on the next start.
 */
import type { AppsScriptRuntime } from '../../src/runtime';
import type {
  AlertView,
  DataSourceView,
  DestinationView,
  HealthAlertSettings,
  HealthSetupView,
  QueryInput,
  QuerySummary,
  SaveQueryAnswer,
} from '../../../src/shared/api-types';
import type { DemoData } from './dataset';
import { DEMO_CONNECTION } from './seed';

/** Not a real secret: it lets the browser tests check that a stored password never reaches the page. */
export const DEMO_PASSWORD = 'demo-db-password-7Q2x';
export const DEMO_SOURCE_NAME = 'Demo DB';

export interface SetupState {
  dataSourceId?: string;
  queriesSaved?: boolean;
  customersTab?: boolean;
  /** The Slack destination on the local receiver. */
  destinationId?: string;
  /** The check query's alert, posting to that destination. */
  checkAlert?: boolean;
  /** Health scores set up through the API (Customers, Health config, Health, dashboard, inputs query). */
  healthSetup?: boolean;
  /** The band alerts post to the demo Slack destination. */
  healthAlerts?: boolean;
  /** A first tick ran, so the daily snapshot wrote history and the dashboard's chart has a point. */
  firstSnapshot?: boolean;
}

/** The demo's Slack: a bot token destination whose https://slack.com/api goes to the local receiver. */
export const DEMO_DESTINATION = {
  name: 'Demo Slack (local receiver)',
  kind: 'slack-bot',
  /** Not a real token: the receiver plays Slack's Web API and accepts any bearer token. */
  options: { channel: 'C0DEMOALERTS', token: 'xoxb-demo-0000-receiver' },
} as const;

export interface SetupReport {
  state: SetupState;
  /** Steps that failed this time (they are retried on the next start). */
  problems: string[];
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

function callApi<T>(rt: AppsScriptRuntime, method: string, payload?: unknown): Answer<T> {
  const bridged = rt.scriptRun('sheetdashApi', payload === undefined ? [method] : [method, payload]);
  if (!bridged.ok) return { ok: false, error: bridged.error.message };
  const answer = bridged.value as Answer<T> | null;
  return answer && typeof answer === 'object' && 'ok' in answer
    ? answer
    : { ok: false, error: `unexpected answer ${JSON.stringify(answer)}` };
}

export const CHECK_QUERY_SQL = `SELECT 'paid twice' AS problem, i.id AS invoice_id, CAST(NULL AS INT) AS user_id, i.company_id, COUNT(p.id) || ' payments' AS detail
FROM demo.invoices i JOIN demo.invoice_payments p ON p.invoice_id = i.id
GROUP BY i.id, i.company_id HAVING COUNT(p.id) > 1
UNION ALL
SELECT 'paid amount differs', i.id, NULL, i.company_id, p.amount || ' paid, ' || i.total || ' invoiced'
FROM demo.invoices i JOIN demo.invoice_payments p ON p.invoice_id = i.id
WHERE p.amount <> i.total
UNION ALL
SELECT 'login after company deleted', NULL, u.id, u.company_id, 'last login ' || MAX(l.logged_in_at)
FROM demo.users u JOIN demo.companies c ON c.id = u.company_id JOIN demo.logins l ON l.user_id = u.id
WHERE c.deleted_at IS NOT NULL AND l.logged_in_at > c.deleted_at
GROUP BY u.id, u.company_id
ORDER BY 1, 2, 3`;

export const DEMO_QUERIES: Omit<QueryInput, 'dataSourceId'>[] = [
  {
    name: 'Billing consistency check',
    description:
      'Invoices paid twice, payments that differ from the invoice total, users who log in after their company was deleted. Should return no rows.',
    sql: CHECK_QUERY_SQL,
    tags: ['check', 'billing'],
  },
  {
    name: 'New companies since',
    description: 'Companies that signed up on or after a date, with their plan.',
    sql: `SELECT c.id, c.name, p.name AS plan, c.country, c.created_at
FROM demo.companies c JOIN demo.plans p ON p.id = c.plan_id
WHERE c.created_at >= {{ since }}
ORDER BY c.created_at`,
    parameters: [{ name: 'since', type: 'date', label: 'Since', default: '90 days ago' }],
    // Scheduled runs use the saved value; "90 days ago" is computed at each run.
    schedule: 'daily at 07:00',
    tags: ['sales'],
  },
  {
    name: 'Monthly revenue',
    description: 'Payments received per month.',
    sql: `SELECT to_char(date_trunc('month', paid_at), 'YYYY-MM') AS month, COUNT(*) AS payments, SUM(amount) AS revenue
FROM demo.invoice_payments
GROUP BY 1
ORDER BY 1`,
    schedule: 'weekly on mon at 08:00',
    tags: ['billing', 'finance'],
  },
  {
    name: 'Logins per company (last 90 days)',
    description: 'Usage of each company in the last 90 days (the demo data ends today).',
    sql: `SELECT u.company_id, c.name, COUNT(*) AS logins, COUNT(DISTINCT u.id) AS active_users
FROM demo.logins l JOIN demo.users u ON u.id = l.user_id JOIN demo.companies c ON c.id = u.company_id
WHERE l.logged_in_at >= CURRENT_DATE - 90
GROUP BY u.company_id, c.name
ORDER BY logins DESC`,
    tags: ['usage', 'health'],
  },
];

/**
 * The demo "health inputs" query: one row per company with the measure columns of the health
 * defaults (active users and invoices of the last 30 days, days since the last login, overdue
 * invoices). The demo data ends today, so CURRENT_DATE is its last day.
 */
export const HEALTH_INPUTS_SQL = `SELECT c.id AS company_id,
  (SELECT COUNT(DISTINCT u.id) FROM demo.users u JOIN demo.logins l ON l.user_id = u.id
    WHERE u.company_id = c.id AND l.logged_in_at >= CURRENT_DATE - 30) AS active_users_30d,
  (SELECT COUNT(*) FROM demo.invoices i WHERE i.company_id = c.id AND i.issued_on >= CURRENT_DATE - 30) AS invoices_30d,
  (SELECT CURRENT_DATE - CAST(MAX(l.logged_in_at) AS DATE) FROM demo.users u JOIN demo.logins l ON l.user_id = u.id
    WHERE u.company_id = c.id) AS days_since_login,
  (SELECT COUNT(*) FROM demo.invoices i WHERE i.company_id = c.id AND i.status = 'open' AND i.due_on < CURRENT_DATE) AS overdue_invoices
FROM demo.companies c
WHERE c.deleted_at IS NULL
ORDER BY c.id`;

/** The first six columns are the original demo tab's; the health columns follow (as sales added them). */
export const CUSTOMERS_HEADER = [
  'company_id',
  'company',
  'sales_owner',
  'stage',
  'contract_start',
  'memo',
  'plan',
  'contract_end',
  'contract_value',
  'seats',
  'cs_owner',
  'sentiment',
];

/**
 * What sales typed for each customer: id, sales owner, stage, days since the contract started,
 * memo, then plan, contract length in days, contract value, seats, CS owner, sentiment (1-5).
 */
type CustomerTyped = [number, string, string, number, string, string, number, number, number, string, number];
const CUSTOMERS: CustomerTyped[] = [
  [
    12,
    'tanaka@example.com',
    'Onboarding',
    90,
    '請求書は PDF 希望',
    'Business',
    365,
    1_200_000,
    20,
    'kim@example.com',
    4,
  ],
  [
    57,
    'smith@example.com',
    'Active',
    380,
    'Renewal talk in Q1',
    'Enterprise',
    730,
    4_800_000,
    60,
    'kim@example.com',
    5,
  ],
  [103, 'tanaka@example.com', 'Active', 330, '', 'Starter', 365, 300_000, 5, 'lee@example.com', 3],
  [188, 'sato@example.com', 'Trial', 30, 'ログイン少なめ', 'Starter', 60, 0, 3, 'lee@example.com', 2],
  [
    240,
    'smith@example.com',
    'Churn risk',
    570,
    'Asked about downgrade',
    'Business',
    730,
    900_000,
    15,
    'kim@example.com',
    1,
  ],
];

/** The Customers tab as sales typed it (company ids and names from the demo data, dates before its end). */
export function customersRows(demo: DemoData): (string | number)[][] {
  const names = new Map(demo.companies.map((c) => [c.id, c.name]));
  const anchor = Date.parse(`${demo.anchor}T00:00:00Z`);
  const daysBefore = (days: number) => new Date(anchor - days * 86_400_000).toISOString().slice(0, 10);
  const rows = CUSTOMERS.map(([id, owner, stage, days, memo, plan, length, value, seats, cs, sentiment]) => [
    id,
    names.get(id) ?? '',
    owner,
    stage,
    daysBefore(days),
    memo,
    plan,
    daysBefore(days - length),
    value,
    seats,
    cs,
    sentiment,
  ]);
  return [CUSTOMERS_HEADER, ...rows];
}

/** Runs every setup step not done yet. */
export function createDemoContent(rt: AppsScriptRuntime, done: SetupState, demo: DemoData): SetupReport {
  const state: SetupState = { ...done };
  const problems: string[] = [];

  if (!state.dataSourceId) {
    const saved = callApi<DataSourceView>(rt, 'saveDataSource', {
      name: DEMO_SOURCE_NAME,
      kind: 'postgresql',
      options: { ...DEMO_CONNECTION, password: DEMO_PASSWORD },
    });
    if (saved.ok) state.dataSourceId = saved.value.id;
    else problems.push(`data source "${DEMO_SOURCE_NAME}": ${saved.error}`);
  }

  if (state.dataSourceId && !state.queriesSaved) {
    // A retry skips the queries an earlier start already saved (by name).
    const listed = callApi<{ name: string }[]>(rt, 'listQueries', { filter: 'all' });
    const have = new Set(listed.ok ? listed.value.map((q) => q.name) : []);
    const failures: string[] = [];
    for (const query of DEMO_QUERIES.filter((q) => !have.has(q.name))) {
      const saved = callApi<SaveQueryAnswer>(rt, 'saveQuery', { ...query, dataSourceId: state.dataSourceId });
      if (!saved.ok) failures.push(`query "${query.name}": ${saved.error}`);
    }
    if (failures.length === 0) state.queriesSaved = true;
    else problems.push(...failures);
  }

  if (!state.destinationId) {
    const saved = callApi<DestinationView>(rt, 'saveDestination', DEMO_DESTINATION);
    if (saved.ok) state.destinationId = saved.value.id;
    else problems.push(`destination "${DEMO_DESTINATION.name}": ${saved.error}`);
  }

  if (state.destinationId && state.queriesSaved && !state.checkAlert) {
    const checkName = DEMO_QUERIES[0].name;
    const listed = callApi<QuerySummary[]>(rt, 'listQueries', { filter: 'all' });
    const check = listed.ok ? listed.value.find((q) => q.name === checkName) : undefined;
    const alert = check
      ? callApi<AlertView>(rt, 'addRowsCheck', { queryId: check.id, destinations: [state.destinationId] })
      : { ok: false as const, error: listed.ok ? 'the check query is missing' : listed.error };
    if (alert.ok) state.checkAlert = true;
    else problems.push(`alert on "${checkName}": ${alert.error}`);
  }

  if (!state.customersTab) {
    const ss = rt.spreadsheet._active();
    const existing = ss.getSheetByName('Customers');
    if (!existing) {
      const sheet = ss.insertSheet('Customers');
      const rows = customersRows(demo);
      sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
      sheet.setFrozenRows(1);
    }
    state.customersTab = true;
  }

  if (state.dataSourceId && state.customersTab && !state.healthSetup) {
    const setup = callApi<HealthSetupView>(rt, 'setupHealth', {
      dataSourceId: state.dataSourceId,
      sql: HEALTH_INPUTS_SQL,
    });
    if (setup.ok && setup.value.inputsQueryId) state.healthSetup = true;
    else problems.push(`health scores: ${setup.ok ? setup.value.message : setup.error}`);
    // Setup made its tabs active one after the other: the demo opens on what sales type into.
    const customers = rt.spreadsheet._active().getSheetByName('Customers');
    if (customers) rt.spreadsheet._active().setActiveSheet(customers);
  }

  if (state.destinationId && state.healthSetup && !state.healthAlerts) {
    const saved = callApi<HealthAlertSettings>(rt, 'saveHealthAlerts', {
      enabled: true,
      muted: false,
      dropPoints: 15,
      destinations: [state.destinationId],
    });
    if (saved.ok) state.healthAlerts = true;
    else problems.push(`health band alerts: ${saved.error}`);
  }

  if (state.healthSetup && !state.firstSnapshot) {
    // The tick the time trigger would run: its daily snapshot writes the first history rows and the
    // dashboard's first row of band counts, so the chart is not empty on first start.
    const active = rt.spreadsheet._active().getActiveSheet();
    const run = rt.run('tick', [], { kind: 'time-trigger' });
    if (run.error === undefined) state.firstSnapshot = true;
    else problems.push(`first health snapshot: ${String(run.error)}`);
    rt.spreadsheet._active().setActiveSheet(active);
  }
  return { state, problems };
}
