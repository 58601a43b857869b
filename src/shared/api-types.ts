/**
 * The contract between the sidebar (client) and the server API (`sheetdashApi(method,
 * payload, lang)`): every method's payload and answer, as plain data (ISO strings, no Dates).
 * Shared by src/features/api.ts and the sidebar's client code.
 */
export type Lang = 'en' | 'ja';

/** The languages, to check a language that came from outside (the sidebar's page). */
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** What every API call answers. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: string };

export interface SessionView {
  lang: Lang;
  email: string;
  spreadsheetTimeZone: string;
  spreadsheetUrl: string;
}

/** The SQL dialect of a data source kind. */
export type Dialect = 'postgresql' | 'mysql' | 'transactsql';

export interface FieldView {
  name: string;
  label: string;
  type: 'text' | 'number' | 'password' | 'textarea' | 'checkbox';
  required?: boolean;
  secret?: boolean;
  default?: string | number | boolean;
}

export interface KindView {
  id: string;
  label: string;
  dialect: Dialect;
  fields: FieldView[];
}

export interface DataSourceHealthView {
  consecutiveFailures: number;
  lastError: string | null;
  lastFailureAt: string | null;
  pausedAt: string | null;
}

/** What a stored secret field holds on its way to the sidebar (the secret itself never leaves the server). */
export const SECRET_MASK = '••••••••';

export interface DataSourceView {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  writable: boolean;
  /**
   * Secret fields hold the mask "••••••••" when set; sending the mask back keeps the secret only
   * while the kind and every non-secret field are unchanged (otherwise the save is refused).
   */
  options: Record<string, string | number | boolean | undefined>;
  health: DataSourceHealthView;
  /** Who may change, delete or make it writable: the spreadsheet's owner (when visible) and its creator. */
  managedBy: string[];
  /** Whether the user asking is one of them. */
  canManage: boolean;
}

export interface DataSourceInput {
  id?: string;
  name: string;
  kind: string;
  writable?: boolean;
  options: Record<string, string | number | boolean | undefined>;
}

/**
 * "Test connection": a stored source as stored (`id` alone), or the form's content (`kind`,
 * `options`) reusing the secrets of the stored source `id` only for an unchanged target.
 */
export interface TestDataSourceInput {
  id?: string;
  kind?: string;
  options?: Record<string, string | number | boolean | undefined>;
}

export interface TestResultView {
  ok: boolean;
  message: string;
  version?: string;
  ms: number;
  /** Rights of the database user beyond reading (superuser, writes, server files), one sentence each. */
  warnings?: string[];
}

export interface SchemaView {
  dataSourceId: string;
  cachedAt: string;
  tables: { schema: string; name: string; columns: { name: string; type: string }[] }[];
  /** Set when the list was cut to fit the cache (too many tables). */
  note?: string;
}

export type ParameterType = 'text' | 'number' | 'date' | 'datetime' | 'daterange' | 'list' | 'cell';

export interface ParameterDef {
  /** As written in the SQL: {{ name }} (a date range is used as {{ name.start }} / {{ name.end }}). */
  name: string;
  type: ParameterType;
  label?: string;
  /** Default value: text; for dates also relative tokens such as "today", "7 days ago", "start of month". */
  default?: string;
  /** list: fixed options. */
  options?: string[];
  /** list: options from the first column of another saved query's result. */
  optionsQueryId?: string;
  /** list: several values may be chosen (expands to "?, ?, ?" inside IN (...)). */
  multi?: boolean;
  /** cell: an A1 reference ("Customers!A2:A") or a named range whose non-empty values are used. */
  cellRef?: string;
}

/** A value per parameter name: text, or a list of texts (multi lists, date ranges as [start, end]). */
export type ParameterValues = Record<string, string | string[]>;

export interface QuerySummary {
  id: string;
  name: string;
  description: string;
  dataSourceId: string;
  tags: string[];
  owner: string;
  updatedBy: string;
  updatedAt: string;
  archived: boolean;
  lastRun: { at: string; ok: boolean; rows: number | null; message: string } | null;
  /** The state of the query's alerts (null when it has none). */
  check?: CheckSummaryView | null;
  /**
   * The refresh schedule in its canonical text (grammar in src/shared/schedule-text.ts), '' when
   * not scheduled; a row written by hand may hold text that does not parse (the tick skips it).
   */
  schedule: string;
  /** Set on a library sheet row that does not make a valid query (listQueries, filter "all"): what is wrong, to fix by hand. */
  broken?: { row: number; message: string };
}

export interface QueryView extends QuerySummary {
  sql: string;
  parameters: ParameterDef[];
  version: number;
  createdBy: string;
  createdAt: string;
  /** Link to the result tab (#gid=...&range=A1), or null before the first run. */
  resultLink: string | null;
}

export interface QueryInput {
  id?: string;
  /** The version the editor opened; a save against a newer stored version is a conflict. */
  baseVersion?: number;
  name: string;
  description?: string;
  dataSourceId: string;
  sql: string;
  parameters?: ParameterDef[];
  schedule?: string;
  tags?: string[];
  /** Overwrite even if someone saved in between (after the user chose to). */
  force?: boolean;
}

export type SaveQueryAnswer = { saved: QueryView } | { conflict: { theirs: QueryView } };

export interface VersionSummary {
  version: number;
  savedBy: string;
  savedAt: string;
  change: string;
}

export interface PreviewView {
  columns: string[];
  /** Display text of the first rows. */
  rows: string[][];
  rowCount: number;
  truncated: boolean;
  ms: number;
}

export interface RefreshResultView {
  ok: boolean;
  /** Not attempted on purpose (a paused data source in a scheduled run). */
  skipped?: boolean;
  /** Stopped because the execution ran out of time, not by the query's own limit: a scheduled run is tried again next tick. */
  outOfTime?: boolean;
  queryId: string;
  sheetName: string | null;
  sheetId: number | null;
  rows: number;
  columns: number;
  truncated: boolean;
  durationMs: number;
  message: string;
  warnings: string[];
  link?: string | null;
  /** The query's alerts as this run left them (absent when it has none). */
  check?: CheckSummaryView;
}

export interface RunStatusView {
  at: string;
  query: string;
  outcome: 'ok' | 'failed' | 'skipped';
  rows: number | null;
  message: string;
  /** The run's alerts, when the query has any: a triggered check is never a plain "ok". */
  check?: { state: AlertState; text: string };
}

/** The states of an alert, as in Redash. */
export type AlertState = 'ok' | 'triggered' | 'unknown';

/** How an alert compares the selected value with its threshold. */
export type AlertOp = '>' | '>=' | '<' | '<=' | '==' | '!=';

/**
 * Which value of the result is compared: `first` (row 1), `min` / `max` (over every row, numbers
 * only), `any` / `all` (the condition holds for at least one / every row), `count` (the number of
 * rows; needs no column).
 */
export type AlertSelector = 'first' | 'min' | 'max' | 'any' | 'all' | 'count';

/** `selector(column) op value`; `value` is the threshold as the user typed it. */
export interface AlertCondition {
  /** A column of the result ('' for `count`). */
  column: string;
  op: AlertOp;
  value: string;
  selector: AlertSelector;
}

/**
 * Why an evaluation is `unknown`, language-neutral (messages: src/core/alerts/reasons.ts). The
 * first six come from the result; the last three from a query that did not give one.
 */
export type AlertUnknownReason =
  | 'no-rows'
  | 'missing-column'
  | 'null'
  | 'not-a-number'
  | 'threshold-not-a-number'
  | 'text-order'
  | 'query-failed'
  | 'query-timeout'
  | 'source-paused';

/** A value as an alert reports it: a date or time is its ISO text, NULL is null. */
export type AlertValue = string | number | boolean | null;

/** The outcome of one evaluation of a condition against a result (src/core/alerts/evaluate.ts). */
export interface AlertEvaluation {
  state: AlertState;
  /** The value compared (for `count` the number of rows; for `any` / `all` a deciding row's value). */
  value: AlertValue;
  /** Set when `state` is `unknown`. */
  reason?: AlertUnknownReason;
  /** A failed query's message (for the query-* reasons). */
  detail?: string;
  /** `any` / `all`: how many rows met the condition. */
  matches?: number;
}

/**
 * When to notify again while an alert stays triggered: `once` until it is back to normal,
 * `always` at every evaluation, `interval` at most every `minutes`.
 */
export type AlertRearm = { mode: 'once' } | { mode: 'always' } | { mode: 'interval'; minutes: number };

/** Message templates (Mustache); '' uses the default text. */
export interface AlertTemplates {
  triggered: string;
  recovered: string;
}

/** An alert rule: it belongs to one saved query, which may have several. */
export interface AlertRule {
  /** '' for a rule not saved yet. */
  id: string;
  queryId: string;
  name: string;
  condition: AlertCondition;
  /** Ids of the destinations to notify. */
  destinations: string[];
  /** The condition must hold this many evaluations in a row before the alert fires (1: at once). */
  pendingEvaluations: number;
  rearm: AlertRearm;
  /** Notify when a triggered alert is back to normal (default true). */
  notifyRecovery: boolean;
  /** Notify once when the alert becomes unknown, e.g. its query fails (default true). */
  notifyUnknown: boolean;
  /** Still evaluated and changes state, but sends nothing. */
  muted: boolean;
  templates: AlertTemplates;
}

/** A problem with an alert rule sent by the sidebar, in the user's language. */
export interface AlertRuleProblem {
  /** The field, as a path in the rule: "name", "condition.value", "rearm.minutes"... ('' for the whole rule). */
  field: string;
  message: string;
}

/** What an alert stores between evaluations (src/core/alerts/state.ts). Times are ISO strings. */
export interface AlertStatus {
  /** The alert's state; `unknown` before its first evaluation. */
  state: AlertState;
  /** The latest evaluation, null before the first. */
  evaluation: AlertEvaluation | null;
  evaluatedAt: string | null;
  /** When `state` last changed (or the first evaluation). */
  changedAt: string | null;
  /** Evaluations in a row that met the condition while the alert is not yet triggered (pending period). */
  pending: number;
  /** A triggered notification was sent and no recovery since: the next ok is a recovery. */
  firing: boolean;
  /** When the last triggered or re-notify notification was sent: the rearm clock. */
  firedAt: string | null;
  /** Notifications decided so far: `${rule id}:${sequence}` is a delivery's idempotency key. */
  sequence: number;
}

/** An alert's state as the sidebar, the library and the run log show it. */
export interface AlertStatusView {
  state: AlertState;
  /** The compared value of the latest evaluation (null when none). */
  value: AlertValue;
  /**
   * The state in words, in the reader's language: "Triggered: 12 (count > 0)", "OK: 0 (count > 0)",
   * "Unknown: the query failed: …", "Not evaluated yet".
   */
  text: string;
  evaluatedAt: string | null;
  changedAt: string | null;
  /** Evaluations in a row that met the condition while the pending period runs (0 otherwise). */
  pending: number;
  /** Notifications decided but not yet delivered to every destination (retried at the next tick). */
  undelivered: number;
}

/** An alert rule with its status, for the sidebar. */
export interface AlertView extends AlertRule {
  status: AlertStatusView;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
}

/** A saved alert, or what is wrong with the rule (each problem names its field). */
export type SaveAlertAnswer = { saved: AlertView } | { problems: AlertRuleProblem[] };

/**
 * A query's checks in one line: the worst state of its alerts (triggered, then unknown, then ok),
 * never shown as a green OK when one is triggered.
 */
export interface CheckSummaryView {
  state: AlertState;
  /** How many alerts the query has, and how many of them are triggered. */
  alerts: number;
  triggered: number;
  /** In the reader's language, e.g. "Triggered: 12 (count > 0)" or "2 of 3 alerts triggered". */
  text: string;
}

/** A message as a destination would show it, for the template preview (plain text). */
export interface AlertPreviewView {
  title: string;
  text: string;
  /** True when the query has no result tab yet, so the preview uses sample rows. */
  sample: boolean;
}

/** What an evaluation asks the destinations to send. */
export type AlertNotification = 'none' | 'triggered' | 'recovered' | 'unknown' | 'renotify';

/** Method name → [payload, answer]. */
/** What a tick recorded of itself (Document property `sheetdash.tick.last`). */
export interface TickRunView {
  /** When the tick started. */
  at: string;
  /** Queries run, and due queries left for the next tick (too little time left). */
  ran: number;
  deferred: number;
  /** Another execution held the document lock, so this tick ran nothing. */
  busy: boolean;
  /** False when the tick stopped on an error (the execution log has it). */
  completed: boolean;
}

/**
 * The sidebar's view of scheduled refreshes: the one tick trigger as recorded by "Turn on
 * scheduled refreshes", checked against the viewer's own triggers where the viewer owns it
 * (ScriptApp lists only the viewer's triggers), and the last tick.
 */
export interface ScheduleStatusView {
  /** 'bound': a script bound to the spreadsheet; 'addOn': a published Editor add-on. */
  mode: 'bound' | 'addOn';
  /** Minutes between ticks for this mode: 5 when bound, 60 as an add-on (Google's limit). */
  tickMinutes: number;
  /** Whether "Turn on scheduled refreshes" was done in this spreadsheet (a record exists). */
  installed: boolean;
  /**
   * Whether the recorded trigger is among the viewer's triggers: null when the viewer is not its
   * owner (only the owner can see it; the last tick then tells whether it still fires).
   */
  triggerFound: boolean | null;
  /** Who installed the trigger ('' when Apps Script did not reveal it); scheduled runs act as this user. */
  owner: string;
  viewerIsOwner: boolean;
  installedAt: string | null;
  /** The last tick, as it recorded itself. */
  lastTick: TickRunView | null;
  /** When the next tick is expected (Apps Script fires time triggers at a moment of its choosing within the interval). */
  nextTickAt: string | null;
  /** The last tick is more than two intervals old: the trigger may be gone or failing. */
  late: boolean;
}

/** What "Turn on scheduled refreshes" did, with the status after it. */
export interface ScheduleInstallView {
  /** True when a new trigger was made; false when a working one was kept. */
  created: boolean;
  status: ScheduleStatusView;
}

/**
 * What the sidebar's first view needs, evaluated on the server with the page (src/features/sidebar-boot.ts) so
 * that opening the sidebar costs no google.script.run round: each part is the answer its API method would give.
 */
export interface SidebarBootView {
  session: ApiResponse<SessionView>;
  kinds: ApiResponse<KindView[]>;
  dataSources: ApiResponse<DataSourceView[]>;
  recentRuns: ApiResponse<RunStatusView[]>;
}

export interface ApiMethods {
  getSession: [undefined, SessionView];
  listDataSourceKinds: [undefined, KindView[]];
  listDataSources: [undefined, DataSourceView[]];
  saveDataSource: [DataSourceInput, DataSourceView];
  deleteDataSource: [{ id: string }, true];
  testDataSource: [TestDataSourceInput, TestResultView];
  getSchema: [{ dataSourceId: string; refresh?: boolean }, SchemaView];
  listQueries: [{ search?: string; filter?: 'all' | 'mine' | 'recent' | 'archived'; tag?: string }, QuerySummary[]];
  getQuery: [{ id: string; version?: number }, QueryView];
  saveQuery: [QueryInput, SaveQueryAnswer];
  forkQuery: [{ id: string }, QueryView];
  renameQuery: [{ id: string; name: string }, QueryView];
  archiveQuery: [{ id: string }, QueryView];
  restoreQuery: [{ id: string }, QueryView];
  listVersions: [{ id: string }, VersionSummary[]];
  restoreVersion: [{ id: string; version: number }, QueryView];
  /** A list parameter's choices: the first column of another saved query's result tab. */
  listParameterOptions: [{ queryId: string; parameter?: string }, { options: string[] }];
  previewQuery: [
    { dataSourceId: string; sql: string; parameters?: ParameterDef[]; values?: ParameterValues; limit?: number },
    PreviewView,
  ];
  runQuery: [{ id: string; values?: ParameterValues }, RefreshResultView];
  runQueryToTab: [
    {
      name: string;
      dataSourceId: string;
      sql: string;
      parameters?: ParameterDef[];
      values?: ParameterValues;
      /** A key of the caller's own for the tab, so runs under other names reuse it (never a saved query's tab). */
      queryId?: string;
      rowLimit?: number;
      timeoutSeconds?: number;
    },
    RefreshResultView,
  ];
  getQueryLink: [{ id: string }, { url: string | null }];
  listRecentRuns: [undefined, RunStatusView[]];
  getScheduleStatus: [undefined, ScheduleStatusView];
  turnOnSchedule: [undefined, ScheduleInstallView];
  listDestinationKinds: [undefined, DestinationKindView[]];
  listDestinations: [undefined, DestinationView[]];
  saveDestination: [DestinationInput, DestinationView];
  deleteDestination: [{ id: string }, true];
  sendTestDestination: [TestDestinationInput, TestDestinationView];
  /** The alerts of one query (or all of them), each with its status. */
  listAlerts: [{ queryId?: string }, AlertView[]];
  /** Creates (id '') or updates an alert; the rule's problems come back per field. */
  saveAlert: [AlertRule, SaveAlertAnswer];
  deleteAlert: [{ id: string }, true];
  /** One click: "alert when this query returns rows" (count > 0), to the given destinations. */
  addRowsCheck: [{ queryId: string; destinations?: string[] }, AlertView];
  /** The rule's message, rendered over the query's current result (or sample rows). */
  previewAlertMessage: [{ rule: AlertRule; kind: 'triggered' | 'recovered' }, AlertPreviewView];
  /** Shows the alert history tab (made if missing) and answers its link. */
  openAlertHistory: [undefined, { url: string; sheetName: string }];
  /**
   * Creates or repairs the health-score tabs (Customers, Health config, Health, overrides,
   * history, dashboard) and the scheduled "health inputs" query, when a data source and its SQL
   * are given and none exists yet.
   */
  setupHealth: [{ dataSourceId?: string; sql?: string } | undefined, HealthSetupView];
  /** Runs the Diagnostics checklist (sending "Send test" to the chosen destinations) and writes its report tab. */
  runDiagnostics: [{ destinationIds?: string[] } | undefined, DiagnosticsView];
  /** The health band alerts' settings (defaults until saved). */
  getHealthAlerts: [undefined, HealthAlertSettings];
  /** Saves the health band alerts' settings; answers them as stored. */
  saveHealthAlerts: [HealthAlertSettings, HealthAlertSettings];
}

/** Health band alerts: a customer moving down a band (or dropping more than `dropPoints`) notifies. */
export interface HealthAlertSettings {
  /** Off: no band is judged and nothing is kept or sent. */
  enabled: boolean;
  /** Muted: bands are judged (states kept) but nothing is sent. */
  muted: boolean;
  /** A drop of more than this many points since the last snapshot also notifies (0: only band moves). */
  dropPoints: number;
  /** Destination ids. */
  destinations: string[];
}

/** What "Set up health scores" did. */
export interface HealthSetupView {
  /** Tabs and queries made this time (their names). */
  created: string[];
  /** What was repaired (in the user's language). */
  repaired: string[];
  /** What CS should fix in the configuration, or why the inputs query is missing. */
  problems: string[];
  /** All of it as one message to show. */
  message: string;
  /** The Health tab's link. */
  healthUrl: string;
  inputsQueryId: string | null;
}

/** One line of the Diagnostics report. */
export interface DiagnosticCheckView {
  /** Stable id ("text-formula", "datasource:<id>", "refresh-1000", ...). */
  id: string;
  /** What was checked, in the user's language. */
  label: string;
  status: 'ok' | 'warn' | 'fail' | 'skipped';
  /** What the check saw (values read back, timings, counts). */
  detail: string;
}

/** The Diagnostics run: its report tab and its lines. */
export interface DiagnosticsView {
  sheetName: string;
  url: string;
  checks: DiagnosticCheckView[];
}

export type ApiMethodName = keyof ApiMethods;

// --- alert destinations (issue 8) ---

/** Where a Slack bot's first message of an alert went: later messages of the alert reply in its thread. */
export interface ThreadRef {
  channel: string;
  ts: string;
}

/** Why a delivery did not (fully) succeed, as a code; `describeOutcome` words it in the reader's language. */
export interface DeliveryProblem {
  code:
    | 'rate-limited'
    | 'server-error'
    | 'http-error'
    | 'api-error'
    | 'host-not-allowed'
    | 'network'
    | 'invalid-config'
    | 'mail-quota'
    | 'mail-error'
    | 'missing-scope'
    | 'deadline'
    | 'unknown-kind';
  /** The HTTP status of the last answer, if there was one. */
  httpStatus?: number;
  /**
   * The service's own error code (Slack's `channel_not_found`), only when it is a plain code, never
   * free text; for missing-scope, the OAuth scope's URL.
   */
  detail?: string;
}

/**
 * How one delivery to one destination ended, language-neutral (for the alert history and the next
 * tick): delivered; failed for good (retrying cannot help until the configuration changes); or to
 * retry at a later tick (after `retryAfterMs` at the earliest). Never holds a secret.
 */
export type DeliveryOutcome =
  | { status: 'delivered'; attempts: number; thread?: ThreadRef; warnings?: DeliveryProblem[] }
  | { status: 'failed'; attempts: number; problem: DeliveryProblem }
  | { status: 'retry-later'; attempts: number; problem: DeliveryProblem; retryAfterMs?: number };

/** A destination kind as the sidebar's form shows it (labels in the user's language). */
export interface DestinationKindView {
  id: string;
  label: string;
  fields: FieldView[];
}

/** A stored destination on its way to the sidebar: secret fields hold the mask "••••••••" when set. */
export interface DestinationView {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  options: Record<string, string | number | boolean | undefined>;
  /** Who may change or delete it: the spreadsheet's owner (when visible) and its creator. */
  managedBy: string[];
  canManage: boolean;
}

export interface DestinationInput {
  id?: string;
  name: string;
  kind: string;
  options: Record<string, string | number | boolean | undefined>;
}

/**
 * "Send test": a stored destination as stored (`id` alone), or the form's content (`kind`, `options`)
 * reusing the secrets of the stored destination `id` only for an unchanged target. Nothing is saved.
 */
export interface TestDestinationInput {
  id?: string;
  kind?: string;
  options?: Record<string, string | number | boolean | undefined>;
}

export interface TestDestinationView {
  ok: boolean;
  outcome: DeliveryOutcome;
  /** The outcome in the user's language. */
  message: string;
}
