/**
 * Bad input, table-driven, through the built bundle as google.script.run delivers it: every
 * sidebar API method gets wrong types, missing fields, huge strings, Japanese / emoji / RTL /
 * zero-width text, HTML and script, `__proto__` and `constructor` keys, SQL injection in
 * parameters, formula injection, odd sheet names; the tabs users edit (the hidden library
 * sheet, the alert rules' tab) are edited by hand; a library of 1,000 queries, a property store
 * near its 500 KB limit and two users editing at once. Each case starts from the same state and
 * checks: a clear message in the user's language (English and Japanese: no stack trace, no
 * Apps Script or JavaScript error text), nothing changed that should not be (a refused call
 * changes no cell, note, metadata or property), no formula anywhere the add-on wrote, and the
 * person's own tab untouched. Prints one `RELIABILITY bad-inputs:` line.
 */
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import type { ApiMethodName } from '../../src/shared/api-types';
import { api, saveQuery } from '../helpers/api';
import { createTestDatabase, ENGINES, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';

const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const SALES = 'Sales';
const LIBRARY_TAB = 'Sheetdash queries';

type Answer = { ok: true; value: unknown } | { ok: false; error: string };

interface Fixture {
  rt: AppsScriptRuntime;
  dataSourceId: string;
  /** SELECT id, name FROM t WHERE name = {{ who }} */
  paramQueryId: string;
  /** SELECT id, name FROM t */
  plainQueryId: string;
  destinationId: string;
  alertId: string;
  schema: string;
}

interface Case {
  name: string;
  /** Prepares the state (hand edits); runs before the "before" snapshot. */
  arrange?: (f: Fixture) => void;
  /** The call; default: `method` with `payload` as Alice in the given language. */
  call?: (f: Fixture, lang: 'en' | 'ja') => Answer;
  method?: string;
  payload?: (f: Fixture) => unknown;
  /** refused: ok false; accepted: ok true; either: both are fine (checked the same way). */
  expect: 'refused' | 'accepted' | 'either';
  /** The call may change the spreadsheet or the properties when it succeeds. */
  mutates?: boolean;
  /** Further checks on the outcome. */
  after?: (f: Fixture, answer: Answer) => void;
}

const PAYLOAD_METHODS: ApiMethodName[] = [
  'saveDataSource',
  'deleteDataSource',
  'testDataSource',
  'getSchema',
  'listQueries',
  'getQuery',
  'saveQuery',
  'forkQuery',
  'renameQuery',
  'archiveQuery',
  'restoreQuery',
  'listVersions',
  'restoreVersion',
  'listParameterOptions',
  'previewQuery',
  'runQuery',
  'runQueryToTab',
  'getQueryLink',
  'saveDestination',
  'deleteDestination',
  'sendTestDestination',
  'listAlerts',
  'saveAlert',
  'deleteAlert',
  'addRowsCheck',
  'previewAlertMessage',
];
const NO_PAYLOAD_METHODS: ApiMethodName[] = [
  'getSession',
  'listDataSourceKinds',
  'listDataSources',
  'listRecentRuns',
  'getScheduleStatus',
  'listDestinationKinds',
  'listDestinations',
];
/** Methods whose every payload field is optional: `{}` is a valid request. */
const ALL_OPTIONAL = new Set<string>(['listQueries', 'listAlerts']);

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Texts that must never reach a user: a stack trace, a JavaScript error, Apps Script's own English wording. */
const LEAKS = [
  /\n\s+at /,
  /\bat \S+ \(.*:\d+:\d+\)/,
  /\.(js|gs|ts):\d+/,
  /TypeError|ReferenceError|RangeError|SyntaxError|InternalError/,
  /Cannot read propert/,
  /is not a function/,
  /is not defined/,
  /\[object Object\]/,
  /\bundefined\b/,
  /\bNaN\b/,
  /^Exception:/,
  /Service invoked too many times|You do not have permission|Invalid argument:|exceeded the property storage quota/,
];

/** A formula anywhere in the workbook except the person's own tab (which has one on purpose). */
function formulasOutsideSales(rt: AppsScriptRuntime): string[] {
  const found: string[] = [];
  for (const name of rt.spreadsheet._sheetNames()) {
    if (name === SALES) continue;
    const formulas = rt.spreadsheet._sheetFormulas(name);
    for (let r = 0; r < formulas.length; r++)
      for (let c = 0; c < formulas[r].length; c++)
        if (formulas[r][c]) found.push(`${name}!R${r + 1}C${c + 1}: ${formulas[r][c]}`);
  }
  return found;
}

/** What differs between two states, roughly: property keys and the first differing bit of the workbook. */
function changes(before: string, after: string): string {
  const [sheetsA, propsA] = JSON.parse(before);
  const [sheetsB, propsB] = JSON.parse(after);
  const flat = (o: Record<string, Record<string, Record<string, string>>>) =>
    Object.fromEntries(Object.values(o.document ?? {}).flatMap((m) => Object.entries(m)));
  const pa = flat(propsA);
  const pb = flat(propsB);
  const keys = [...new Set([...Object.keys(pa), ...Object.keys(pb)])].filter((k) => pa[k] !== pb[k]);
  const a = JSON.stringify(sheetsA);
  const b = JSON.stringify(sheetsB);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const names = (w: { sheets?: { name: string }[] }) => (w.sheets ?? []).map((x) => x.name).join('|');
  return `properties [${keys.join(', ')}]${a === b ? '' : `; workbook ${names(sheetsA)} -> ${names(sheetsB)} near ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 300))}`}`;
}

/**
 * The spreadsheet and the properties, without what a refused call may rightly change: the run
 * log (a refused run is logged), the tab directory (a cache of sheet ids that heals itself when
 * a tab is gone), which tab is active and the seed of new sheet ids.
 */
function state(rt: AppsScriptRuntime): string {
  const sheets = rt.spreadsheet._snapshot();
  const props = rt.base.properties._snapshot();
  for (const store of Object.values(props.document ?? {})) delete (store as Record<string, string>)['sheetdash.tabs'];
  const runLog = sheets.sheets.filter((x) => /run log|実行ログ/i.test(x.name)).map((x) => x.sheetId);
  const kept = {
    ...sheets,
    activeSheetId: null,
    seed: null,
    sheets: sheets.sheets.filter((x) => !runLog.includes(x.sheetId)),
    metadata: sheets.metadata.filter((m) => m.key !== 'sheetdash.runlog'),
  };
  return JSON.stringify([kept, props]);
}

function as(rt: AppsScriptRuntime, email: string, locale: string, method: string, payload?: unknown): Answer {
  const bridged = rt.scriptRun('sheetdashApi', payload === undefined ? [method] : [method, payload], {
    user: { email, locale },
  });
  if (!bridged.ok) throw new Error(`google.script.run refused: ${bridged.error.message}`);
  return bridged.value as Answer;
}

/** A refusal inside an ok answer: a run's result with ok false, or a rule's problems per field. */
function refusedInside(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; problems?: unknown };
  return v.ok === false || Array.isArray(v.problems);
}

/** Every message the answer carries for the user: the error, a result's message and warnings, a rule's problems. */
function messagesOf(answer: Answer): string[] {
  if (!answer.ok) return [answer.error];
  const problems = (answer.value as { problems?: unknown } | null)?.problems;
  if (Array.isArray(problems)) return problems.map((p: { message?: unknown }) => p.message as string);
  const v = answer.value as { ok?: boolean; message?: unknown; warnings?: unknown } | null;
  if (v && typeof v === 'object' && v.ok === false && typeof v.message === 'string')
    return [v.message, ...(Array.isArray(v.warnings) ? (v.warnings as string[]) : [])];
  return [];
}

function checkMessage(message: unknown, lang: 'en' | 'ja'): string | null {
  if (typeof message !== 'string' || message.trim() === '') return `no message (${JSON.stringify(message)})`;
  for (const leak of LEAKS) if (leak.test(message)) return `leaks ${leak}: ${message.slice(0, 300)}`;
  if (lang === 'ja' && !JAPANESE.test(message)) return `not Japanese: ${message.slice(0, 300)}`;
  // An English sentence inside a Japanese message: three English words in a row outside quotes.
  if (lang === 'ja' && /\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b/.test(message.replace(/"[^"]*"|「[^」]*」/g, '')))
    return `English inside the Japanese message: ${message.slice(0, 300)}`;
  return null;
}

const huge = (n: number) => 'x'.repeat(n);
const ODD_TEXTS = [
  '日本語の名前',
  '絵文字 😀👍🏽 家族 👨‍👩‍👧',
  '\u202eevil\u202c name', // right-to-left override
  'שלום עולם', // Hebrew (RTL)
  'a\u200bb\u200c\u200d\ufeffc', // zero-width characters
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '"quoted" & \'single\' `back`',
  '{{ mustache }} {{{ triple }}}',
  '\t tab\nnewline\r\n',
];
const FORMULAS = ['=1+1', '+1', '-1', '@SUM(A1)', '=HYPERLINK("https://evil.example","x")', '=IMPORTXML("x","y")'];

function cases(): Case[] {
  const list: Case[] = [];
  // 1. Wrong payload types for every method that takes one.
  for (const method of PAYLOAD_METHODS) {
    for (const [label, payload] of [
      ['text', 'hello'],
      ['number', 42],
      ['list', []],
      ['null', null],
    ] as const)
      list.push({
        name: `${method} with a ${label} payload`,
        method,
        payload: () => payload,
        // null stands for "no payload", which these methods take.
        expect: payload === null && ALL_OPTIONAL.has(method) ? 'accepted' : 'refused',
      });
    // 2. Missing fields.
    list.push({
      name: `${method} with no fields`,
      method,
      payload: () => ({}),
      expect: ALL_OPTIONAL.has(method) ? 'accepted' : 'refused',
    });
  }
  // Methods without a payload ignore whatever comes; unknown methods are refused.
  for (const method of NO_PAYLOAD_METHODS)
    list.push({ name: `${method} with a stray payload`, method, payload: () => ({ x: '=1' }), expect: 'accepted' });
  for (const method of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'callApi', 'eval'])
    list.push({ name: `unknown method ${JSON.stringify(method)}`, method, payload: () => ({}), expect: 'refused' });

  // 3. Wrong field types and out-of-range numbers.
  const q = (f: Fixture, extra: Record<string, unknown>) => ({
    name: 'Q',
    dataSourceId: f.dataSourceId,
    sql: 'SELECT 1',
    ...extra,
  });
  for (const [label, extra] of [
    ['a numeric name', { name: 42 }],
    ['an object as SQL', { sql: { text: 'SELECT 1' } }],
    ['parameters as text', { parameters: 'who' }],
    ['a parameter of an unknown type', { parameters: [{ name: 'p', type: 'matrix' }] }],
    ['a parameter without a name', { parameters: [{ type: 'text' }] }],
    ['tags of numbers', { tags: [1, 2] }],
    ['an unknown data source', { dataSourceId: 'nope' }],
    ['a schedule of nonsense', { schedule: 'whenever it rains' }],
    ['a base version as text', { baseVersion: 'one' }],
    ['a huge name', { name: huge(100_000) }],
    ['a huge SQL text', { sql: `SELECT '${huge(1_000_000)}'` }],
    ['an empty name', { name: '' }],
  ] as const)
    list.push({ name: `saveQuery with ${label}`, method: 'saveQuery', payload: (f) => q(f, extra), expect: 'refused' });

  list.push(
    {
      name: 'restoreVersion with a negative version',
      method: 'restoreVersion',
      payload: (f) => ({ id: f.plainQueryId, version: -1 }),
      expect: 'refused',
    },
    {
      name: 'restoreVersion with a fractional version',
      method: 'restoreVersion',
      payload: (f) => ({ id: f.plainQueryId, version: 1.5 }),
      expect: 'refused',
    },
    {
      name: 'restoreVersion with a version that does not exist',
      method: 'restoreVersion',
      payload: (f) => ({ id: f.plainQueryId, version: 999 }),
      expect: 'refused',
    },
    {
      name: 'getQuery with an id of 10,000 characters',
      method: 'getQuery',
      payload: () => ({ id: huge(10_000) }),
      expect: 'refused',
    },
    {
      name: 'runQueryToTab with a row limit of -1',
      method: 'runQueryToTab',
      payload: (f) => ({ name: 'R', dataSourceId: f.dataSourceId, sql: 'SELECT 1', rowLimit: -1 }),
      expect: 'refused',
    },
    {
      name: 'runQueryToTab with a timeout as text',
      method: 'runQueryToTab',
      payload: (f) => ({ name: 'R', dataSourceId: f.dataSourceId, sql: 'SELECT 1', timeoutSeconds: 'soon' }),
      expect: 'refused',
    },
    {
      name: 'previewQuery with a limit of 10^12',
      method: 'previewQuery',
      payload: (f) => ({ dataSourceId: f.dataSourceId, sql: 'SELECT 1', limit: 1e12 }),
      expect: 'refused',
    },
    {
      name: 'listQueries with an unknown filter',
      method: 'listQueries',
      payload: () => ({ filter: 'everything' }),
      expect: 'refused',
    },
    {
      name: 'saveDataSource with a password object',
      method: 'saveDataSource',
      payload: () => ({ name: 'X', kind: 'postgresql', options: { host: 'db.example.com', password: { a: 1 } } }),
      expect: 'refused',
    },
    {
      name: 'saveDataSource of an unknown kind',
      method: 'saveDataSource',
      payload: () => ({ name: 'X', kind: 'oracle', options: {} }),
      expect: 'refused',
    },
    {
      name: 'saveDataSource with a port of 99999',
      method: 'saveDataSource',
      payload: () => ({
        name: 'X',
        kind: 'postgresql',
        options: { host: 'db.example.com', port: 99999, database: 'd' },
      }),
      expect: 'refused',
    },
    {
      name: 'saveDataSource with a name of 1,000,000 characters',
      method: 'saveDataSource',
      payload: () => ({ name: huge(1_000_000), kind: 'postgresql', options: { host: 'db.example.com' } }),
      expect: 'refused',
    },
    {
      name: 'saveDestination with a webhook URL that is not https',
      method: 'saveDestination',
      payload: () => ({ name: 'D', kind: 'slack-webhook', options: { url: 'javascript:alert(1)' } }),
      expect: 'refused',
    },
    {
      name: 'saveDestination of an unknown kind',
      method: 'saveDestination',
      payload: () => ({ name: 'D', kind: 'pager', options: {} }),
      expect: 'refused',
    },
    {
      name: 'saveDestination with an email address list of nonsense',
      method: 'saveDestination',
      payload: () => ({ name: 'D', kind: 'email', options: { to: 'not an address, =1+1' } }),
      expect: 'refused',
    },
    {
      name: 'sendTestDestination to a kind that does not exist',
      method: 'sendTestDestination',
      payload: () => ({ kind: 'pager', options: {} }),
      expect: 'refused',
    },
  );
  const rule = (f: Fixture, change: Record<string, unknown>) => {
    const base = api(f.rt, 'listAlerts', {}).find((a) => a.id === f.alertId)!;
    const { status: _s, createdBy: _c, updatedBy: _u, updatedAt: _a, ...r } = base;
    return { ...r, ...change };
  };
  for (const [label, change] of [
    ['an unknown operator', (r: Record<string, unknown>) => ({ condition: { ...(r.condition as object), op: '=>' } })],
    [
      'an unknown selector',
      (r: Record<string, unknown>) => ({ condition: { ...(r.condition as object), selector: 'median' } }),
    ],
    ['a pending count of -1', () => ({ pendingEvaluations: -1 })],
    ['a pending count of 10^9', () => ({ pendingEvaluations: 1e9 })],
    ['a re-arm of -5 minutes', () => ({ rearm: { mode: 'interval', minutes: -5 } })],
    ['destinations as text', () => ({ destinations: 'all' })],
    ['an unknown destination', () => ({ destinations: ['nope'] })],
    ['an unknown query', () => ({ queryId: 'nope' })],
    ['muted as text', () => ({ muted: 'yes' })],
    ['templates of 1,000,000 characters', () => ({ templates: { triggered: huge(1_000_000), recovered: '' } })],
  ] as const)
    list.push({
      name: `saveAlert with ${label}`,
      call: (f, lang) => {
        const r = rule(f, {});
        return as(f.rt, ALICE, lang, 'saveAlert', { ...r, ...change(r) });
      },
      expect: 'refused',
    });
  list.push({
    // Refused per field: saved, it would be replaced by the default text at every delivery.
    name: 'saveAlert with an unclosed Mustache section',
    call: (f, lang) =>
      as(f.rt, ALICE, lang, 'saveAlert', rule(f, { templates: { triggered: '{{#rows}} no end', recovered: '' } })),
    expect: 'refused',
  });
  list.push({
    name: 'previewAlertMessage of an unknown kind',
    method: 'previewAlertMessage',
    payload: (f) => ({ rule: rule(f, {}), kind: 'exploded' }),
    expect: 'refused',
  });

  // 4. Names and texts of every kind are stored as typed and never become formulas.
  for (const name of [...ODD_TEXTS, ...FORMULAS]) {
    list.push({
      name: `saveQuery named ${JSON.stringify(name).slice(0, 40)}`,
      method: 'saveQuery',
      payload: (f) => q(f, { name, description: name, tags: [name.slice(0, 20)] }),
      expect: 'accepted',
      mutates: true,
      after: (f, answer) => {
        const saved = (answer as { value: { saved: { id: string } } }).value.saved;
        const read = api(f.rt, 'getQuery', { id: saved.id });
        expect(read.name).toBe(name.trim() || read.name);
        expect(read.description).toBe(name);
      },
    });
  }
  for (const name of [ODD_TEXTS[2], ODD_TEXTS[5], ...FORMULAS.slice(0, 4)]) {
    list.push({
      name: `saveDestination named ${JSON.stringify(name).slice(0, 40)}`,
      method: 'saveDestination',
      payload: () => ({ name, kind: 'slack-webhook', options: { url: 'https://hooks.slack.com/services/T1/B1/abc' } }),
      expect: 'accepted',
      mutates: true,
      after: (f) => expect(api(f.rt, 'listDestinations').some((d) => d.name === name.trim())).toBe(true),
    });
    list.push({
      name: `saveAlert named ${JSON.stringify(name).slice(0, 40)}`,
      call: (f, lang) =>
        as(
          f.rt,
          ALICE,
          lang,
          'saveAlert',
          rule(f, { name, condition: { column: 'id', op: '==', value: name, selector: 'first' } }),
        ),
      expect: 'accepted',
      mutates: true,
      after: (f) => expect(api(f.rt, 'listAlerts', {}).some((a) => a.name === name.trim())).toBe(true),
    });
    list.push({
      name: `renameQuery to ${JSON.stringify(name).slice(0, 40)}`,
      method: 'renameQuery',
      payload: (f) => ({ id: f.plainQueryId, name }),
      expect: 'accepted',
      mutates: true,
    });
  }

  // 5. Parameter values: SQL injection and formula injection.
  for (const who of [
    "x' OR '1'='1",
    "'; DROP TABLE t; --",
    "alice'); DELETE FROM t; --",
    '\\',
    "' UNION SELECT 1, current_user --",
    ...FORMULAS,
  ]) {
    list.push({
      name: `runQuery with the parameter ${JSON.stringify(who).slice(0, 40)}`,
      method: 'runQuery',
      payload: (f) => ({ id: f.paramQueryId, values: { who } }),
      expect: 'accepted',
      mutates: true,
      after: (f, answer) => {
        const result = (answer as { value: { ok: boolean; rows: number; sheetName: string } }).value;
        expect(result).toMatchObject({ ok: true, rows: 0 });
        // The table is still there with its two rows.
        const plain = api(f.rt, 'runQuery', { id: f.plainQueryId });
        expect(plain).toMatchObject({ ok: true, rows: 2 });
      },
    });
  }
  for (const v of FORMULAS)
    list.push({
      name: `runQueryToTab writing the value ${JSON.stringify(v)} into a cell`,
      method: 'runQueryToTab',
      payload: (f) => ({
        name: 'Values',
        dataSourceId: f.dataSourceId,
        sql: 'SELECT {{ v }} AS "value"',
        parameters: [{ name: 'v', type: 'text' }],
        values: { v },
      }),
      expect: 'accepted',
      mutates: true,
      after: (f, answer) => {
        const sheetName = (answer as { value: { sheetName: string } }).value.sheetName;
        expect(f.rt.spreadsheet._sheetValues(sheetName)[1][0]).toBe(v);
      },
    });
  list.push(
    {
      name: 'runQuery with a list value of 10,000 items',
      method: 'runQuery',
      payload: (f) => ({ id: f.paramQueryId, values: { who: Array.from({ length: 10_000 }, (_, i) => `v${i}`) } }),
      expect: 'either',
      mutates: true,
    },
    {
      name: 'runQuery with values under __proto__ and constructor',
      method: 'runQuery',
      payload: (f) => ({
        id: f.paramQueryId,
        values: JSON.parse('{"__proto__": {"who": "polluted"}, "constructor": "x"}'),
      }),
      expect: 'either',
      mutates: true,
      after: (_f, answer) => expect(JSON.stringify(answer)).not.toContain('polluted'),
    },
    {
      name: 'saveQuery with a __proto__ key in the payload',
      method: 'saveQuery',
      payload: (f) => ({ ...JSON.parse('{"__proto__": {"force": true, "id": "evil"}}'), ...q(f, { name: 'Proto' }) }),
      expect: 'accepted',
      mutates: true,
      after: (f) => expect(api(f.rt, 'listQueries', {}).some((s) => s.id === 'evil')).toBe(false),
    },
    {
      name: 'saveQuery with a parameter named constructor',
      method: 'saveQuery',
      payload: (f) => q(f, { sql: 'SELECT {{ constructor }}', parameters: [{ name: 'constructor', type: 'text' }] }),
      expect: 'either',
      mutates: true,
    },
    ...(['constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const).map(
      (name): Case => ({
        name: `runQueryToTab with a parameter named ${name} and no value`,
        method: 'runQueryToTab',
        payload: (f) => ({
          name: 'Proto param',
          dataSourceId: f.dataSourceId,
          sql: `SELECT {{ ${name} }} AS v`,
          parameters: [{ name, type: 'text' }],
          values: {},
        }),
        // Nothing was typed: "enter a value", never a function's text from Object.prototype.
        expect: 'refused',
      }),
    ),
    {
      name: 'runQueryToTab with values under a __proto__ key holding a list',
      method: 'runQueryToTab',
      payload: (f) => ({
        name: 'Proto list',
        dataSourceId: f.dataSourceId,
        sql: 'SELECT {{ length }} AS v',
        parameters: [{ name: 'length', type: 'text' }],
        values: JSON.parse('{"__proto__": ["a", "b"]}'),
      }),
      expect: 'refused',
    },
    {
      name: 'saveDataSource with __proto__ and constructor options',
      method: 'saveDataSource',
      payload: () => ({
        name: 'Proto',
        kind: 'postgresql',
        options: JSON.parse(
          '{"host": "db.example.com", "port": 5432, "database": "d", "user": "u", "__proto__": {"writable": true}, "constructor": "x", "toString": "y"}',
        ),
      }),
      expect: 'either',
      mutates: true,
      after: (f) => {
        for (const d of api(f.rt, 'listDataSources')) expect(d.name === 'Proto' ? d.writable : false).toBe(false);
      },
    },
    ...(
      [
        ['testDataSource', { id: 'constructor' }],
        ['testDataSource', { id: '__proto__' }],
        ['getSchema', { dataSourceId: 'toString' }],
        ['previewQuery', { dataSourceId: 'constructor', sql: 'SELECT 1' }],
        ['runQueryToTab', { name: 'P', dataSourceId: 'hasOwnProperty', sql: 'SELECT 1' }],
        ['sendTestDestination', { id: 'constructor' }],
        ['addRowsCheck', { queryId: 'constructor' }],
        ['listParameterOptions', { queryId: 'toString' }],
        ['getQueryLink', { id: '__proto__' }],
        ['listVersions', { id: 'valueOf' }],
        ['forkQuery', { id: 'constructor' }],
      ] as const
    ).map(
      ([method, payload]): Case => ({
        name: `${method} with ${JSON.stringify(payload)}`,
        method,
        payload: () => payload,
        expect: 'refused',
      }),
    ),
    {
      name: 'addRowsCheck to the destinations constructor and __proto__',
      method: 'addRowsCheck',
      payload: (f) => ({ queryId: f.plainQueryId, destinations: ['constructor', '__proto__'] }),
      expect: 'refused',
    },
    {
      name: 'getQuery with the id __proto__',
      method: 'getQuery',
      payload: () => ({ id: '__proto__' }),
      expect: 'refused',
    },
    {
      name: 'getQuery with the id constructor',
      method: 'getQuery',
      payload: () => ({ id: 'constructor' }),
      expect: 'refused',
    },
    {
      name: 'deleteDataSource with the id __proto__',
      method: 'deleteDataSource',
      payload: () => ({ id: '__proto__' }),
      expect: 'either',
    },
    {
      name: 'deleteDestination with the id constructor',
      method: 'deleteDestination',
      payload: () => ({ id: 'constructor' }),
      expect: 'either',
    },
    {
      name: 'deleteAlert with the id toString',
      method: 'deleteAlert',
      payload: () => ({ id: 'toString' }),
      expect: 'either',
    },
    {
      name: 'previewQuery with a second statement',
      method: 'previewQuery',
      payload: (f) => ({ dataSourceId: f.dataSourceId, sql: `SELECT 1; DROP TABLE ${f.schema}.t` }),
      expect: 'refused',
    },
    {
      name: 'runQueryToTab with a write hidden in a comment trick',
      method: 'runQueryToTab',
      payload: (f) => ({
        name: 'R',
        dataSourceId: f.dataSourceId,
        sql: `SELECT 1 /* */; DELETE FROM ${f.schema}.t --`,
      }),
      expect: 'refused',
    },
  );

  // 6. Odd sheet names for a result tab: the person's tab and the hidden library must survive.
  for (const name of [
    SALES,
    LIBRARY_TAB,
    '',
    '   ',
    "it's",
    '[x]*?/\\:',
    huge(300),
    '=1+1',
    'シート 1',
    '😀',
    '\u202etab',
    'History',
  ])
    list.push({
      name: `runQueryToTab into a tab named ${JSON.stringify(name).slice(0, 30)}`,
      method: 'runQueryToTab',
      payload: (f) => ({ name, dataSourceId: f.dataSourceId, sql: 'SELECT 1 AS one' }),
      expect: name === '' ? 'refused' : 'either',
      mutates: true,
      after: (f) => expect(api(f.rt, 'listQueries', {}).length).toBe(2),
    });

  // 7. Hand-edited hidden sheets.
  const libraryCell = (f: Fixture, header: string, row = 2) => {
    const values = f.rt.spreadsheet._sheetValues(LIBRARY_TAB);
    const col = (values[0] as string[]).findIndex((h) => String(h).toLowerCase() === header.toLowerCase());
    if (col < 0) throw new Error(`no column ${header} in ${JSON.stringify(values[0])}`);
    return `${String.fromCharCode(65 + col)}${row}`;
  };
  const headers = (f: Fixture) => f.rt.spreadsheet._sheetValues(LIBRARY_TAB)[0] as string[];
  for (const [label, edit] of [
    [
      'the query JSON replaced by garbage',
      (f: Fixture) => f.rt.spreadsheet._userEdit(LIBRARY_TAB, libraryCell(f, headers(f).at(-1)!), '{garbage'),
    ],
    [
      'a formula typed over a name',
      (f: Fixture) => f.rt.spreadsheet._userEdit(LIBRARY_TAB, libraryCell(f, headers(f)[1]), '=1/0'),
    ],
    [
      'the header row cleared',
      (f: Fixture) => f.rt.spreadsheet._active().getSheetByName(LIBRARY_TAB)!.getRange('1:1').clearContent(),
    ],
    [
      'the id column cleared',
      (f: Fixture) => f.rt.spreadsheet._userEdit(LIBRARY_TAB, libraryCell(f, headers(f)[0]), ''),
    ],
    [
      'two rows swapped by a sort',
      (f: Fixture) => {
        const sheet = f.rt.spreadsheet._active().getSheetByName(LIBRARY_TAB)!;
        const rows = sheet.getRange(2, 1, 2, sheet.getLastColumn()).getValues();
        sheet.getRange(2, 1, 2, sheet.getLastColumn()).setValues([rows[1], rows[0]]);
      },
    ],
    [
      'a row duplicated',
      (f: Fixture) => {
        const sheet = f.rt.spreadsheet._active().getSheetByName(LIBRARY_TAB)!;
        const row = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues();
        sheet.getRange(sheet.getLastRow() + 1, 1, 1, row[0].length).setValues(row);
      },
    ],
    [
      'the tab deleted',
      (f: Fixture) => f.rt.spreadsheet._active().deleteSheet(f.rt.spreadsheet._active().getSheetByName(LIBRARY_TAB)!),
    ],
  ] as const) {
    for (const [method, payload] of [
      ['listQueries', () => ({})],
      ['getQuery', (f: Fixture) => ({ id: f.plainQueryId })],
      ['saveQuery', (f: Fixture) => q(f, { name: 'After the edit' })],
      ['runQuery', (f: Fixture) => ({ id: f.plainQueryId })],
    ] as const)
      list.push({
        name: `library with ${label}: ${method}`,
        arrange: (f) => void edit(f),
        method,
        payload,
        expect: 'either',
        mutates: method !== 'listQueries' && method !== 'getQuery',
      });
  }
  const VERSIONS_TAB = 'Sheetdash query versions';
  const versionsSheet = (f: Fixture) => f.rt.spreadsheet._active().getSheetByName(VERSIONS_TAB)!;
  for (const [label, edit] of [
    [
      'every cell of the saved query replaced by garbage',
      (f: Fixture) => {
        const sheet = versionsSheet(f);
        const last = sheet.getLastColumn();
        sheet
          .getRange(2, last, sheet.getLastRow() - 1, 1)
          .setValues(Array.from({ length: sheet.getLastRow() - 1 }, () => ['{not json']));
      },
    ],
    [
      'the version numbers typed as text',
      (f: Fixture) => {
        const sheet = versionsSheet(f);
        sheet
          .getRange(2, 2, sheet.getLastRow() - 1, 1)
          .setValues(Array.from({ length: sheet.getLastRow() - 1 }, () => ['one']));
      },
    ],
    ['the tab deleted', (f: Fixture) => f.rt.spreadsheet._active().deleteSheet(versionsSheet(f))],
  ] as const)
    for (const [method, payload] of [
      ['listVersions', (f: Fixture) => ({ id: f.plainQueryId })],
      ['restoreVersion', (f: Fixture) => ({ id: f.plainQueryId, version: 1 })],
      ['saveQuery', (f: Fixture) => q(f, { name: 'After the versions edit' })],
    ] as const)
      list.push({
        name: `versions tab with ${label}: ${method}`,
        arrange: (f) => void edit(f),
        method,
        payload,
        expect: 'either',
        mutates: method !== 'listVersions',
      });
  const HISTORY_TAB = 'Sheetdash alert history';
  for (const [label, edit] of [
    [
      'its header row cleared',
      (f: Fixture) => f.rt.spreadsheet._active().getSheetByName(HISTORY_TAB)!.getRange('1:1').clearContent(),
    ],
    ["a person's formula in it", (f: Fixture) => f.rt.spreadsheet._userEdit(HISTORY_TAB, 'A2', '=1/0')],
    [
      'its rows sorted by hand',
      (f: Fixture) => {
        const sheet = f.rt.spreadsheet._active().getSheetByName(HISTORY_TAB)!;
        sheet.getRange(2, 1, 3, 3).setValues([
          ['z', 'y', 'x'],
          ['c', 'b', 'a'],
          ['1', '2', '3'],
        ]);
      },
    ],
  ] as const)
    list.push({
      name: `alert history with ${label}: a run that fires the alert`,
      arrange: (f) => {
        api(f.rt, 'openAlertHistory');
        edit(f);
      },
      method: 'runQuery',
      payload: (f) => ({ id: f.plainQueryId }),
      expect: 'accepted',
      mutates: true,
    });
  const alertsTab = (f: Fixture) =>
    f.rt.spreadsheet._sheetNames().find((n) => /alert|アラート/i.test(n) && !/history|履歴/i.test(n))!;
  const alertCell = (f: Fixture, header: RegExp) => {
    const values = f.rt.spreadsheet._sheetValues(alertsTab(f));
    const col = (values[0] as string[]).findIndex((h) => header.test(String(h)));
    if (col < 0) throw new Error(`no column ${header} in ${JSON.stringify(values[0])}`);
    return `${String.fromCharCode(65 + col)}2`;
  };
  for (const [label, edit] of [
    [
      'the rule JSON replaced by garbage',
      (f: Fixture) => f.rt.spreadsheet._userEdit(alertsTab(f), alertCell(f, /rule|ルール/i), 'not json'),
    ],
    [
      'Muted set to "maybe"',
      (f: Fixture) => f.rt.spreadsheet._userEdit(alertsTab(f), alertCell(f, /muted|ミュート/i), 'maybe'),
    ],
    [
      'a formula in the name',
      (f: Fixture) => f.rt.spreadsheet._userEdit(alertsTab(f), alertCell(f, /^(alert|アラート)$/i), '=NOW()'),
    ],
    [
      'the rule JSON with a __proto__ key',
      (f: Fixture) =>
        f.rt.spreadsheet._userEdit(alertsTab(f), alertCell(f, /rule|ルール/i), '{"__proto__": {"muted": true}}'),
    ],
  ] as const) {
    list.push({
      name: `alerts tab with ${label}: listAlerts`,
      arrange: (f) => void edit(f),
      method: 'listAlerts',
      payload: () => ({}),
      expect: 'accepted',
    });
    list.push({
      name: `alerts tab with ${label}: a tick`,
      arrange: (f) => void edit(f),
      call: (f) => {
        f.rt.clock.advance(10 * 60_000);
        const result = f.rt.run('tick', [], { kind: 'time-trigger' });
        return result.ok ? { ok: true, value: null } : { ok: false, error: String(result.error?.message) };
      },
      expect: 'accepted',
      mutates: true,
    });
  }

  // 8. Two users at once, a full property store, a library of 1,000 queries.
  list.push({
    name: 'two users save the same version of a query',
    call: (f, lang) => {
      const opened = api(f.rt, 'getQuery', { id: f.plainQueryId });
      const edit = (sql: string) => ({
        id: opened.id,
        baseVersion: opened.version,
        name: opened.name,
        dataSourceId: f.dataSourceId,
        sql,
      });
      const first = as(f.rt, ALICE, lang, 'saveQuery', edit(`SELECT id FROM ${f.schema}.t`));
      const second = as(f.rt, BOB, lang, 'saveQuery', edit(`SELECT name FROM ${f.schema}.t`));
      expect(first).toMatchObject({ ok: true, value: { saved: {} } });
      expect(second).toMatchObject({
        ok: true,
        value: { conflict: { theirs: { sql: `SELECT id FROM ${f.schema}.t` } } },
      });
      return second;
    },
    expect: 'accepted',
    mutates: true,
  });
  list.push({
    name: "two users save at once (Bob's save runs in the middle of Alice's)",
    call: (f, lang) => {
      const opened = api(f.rt, 'getQuery', { id: f.plainQueryId });
      const edit = (sql: string) => ({
        id: opened.id,
        baseVersion: opened.version,
        name: opened.name,
        dataSourceId: f.dataSourceId,
        sql,
      });
      let bob: Answer | null = null;
      const stop = f.rt.faults.add({
        method: 'SpreadsheetApp.Range.setValues',
        nth: 1,
        action: { before: () => (bob = as(f.rt, BOB, lang, 'saveQuery', edit(`SELECT name FROM ${f.schema}.t`))) },
      });
      const alice = as(f.rt, ALICE, lang, 'saveQuery', edit(`SELECT id FROM ${f.schema}.t`));
      stop();
      if (bob === null) throw new Error("Bob's save never ran");
      const answers = [alice, bob as Answer];
      const saved = answers.filter((a) => a.ok && 'saved' in (a.value as object));
      // Exactly one is saved; the other is told (a conflict, or a busy message), never silently overwritten.
      expect(saved).toHaveLength(1);
      const stored = api(f.rt, 'getQuery', { id: f.plainQueryId });
      expect(stored.sql).toBe((saved[0] as { value: { saved: { sql: string } } }).value.saved.sql);
      expect(stored.version).toBe(opened.version + 1);
      const other = answers.find((a) => a !== saved[0]) as Answer;
      for (const message of messagesOf(other)) {
        const problem = checkMessage(message, lang);
        if (problem) throw new Error(`the other user's answer: ${problem}`);
      }
      return saved[0];
    },
    expect: 'either',
    mutates: true,
  });
  list.push({
    name: 'two users rename and archive the same query',
    call: (f, lang) => {
      const a = as(f.rt, ALICE, lang, 'renameQuery', { id: f.plainQueryId, name: 'Alice named it' });
      const b = as(f.rt, BOB, lang, 'archiveQuery', { id: f.plainQueryId });
      expect(a.ok && b.ok).toBe(true);
      expect(api(f.rt, 'getQuery', { id: f.plainQueryId })).toMatchObject({ name: 'Alice named it', archived: true });
      return b;
    },
    expect: 'accepted',
    mutates: true,
  });
  const fillStore = (f: Fixture, leave: number) => {
    // Document properties filled to `leave` bytes below the 500 KB limit, in properties of 9 KB at most.
    const store = f.rt.base.properties._map('document');
    let used = 0;
    for (const [k, v] of store) used += Buffer.byteLength(k) + Buffer.byteLength(v);
    for (let i = 0; used < 500 * 1024 - leave; i++) {
      const key = `filler.${i}`;
      const value = huge(Math.max(1, Math.min(9000, 500 * 1024 - leave - used - key.length)));
      store.set(key, value);
      used += key.length + value.length;
    }
  };
  for (const [leave, label] of [
    [4096, '4 KB short of'],
    [64, '64 bytes short of'],
  ] as const)
    for (const [method, payload] of [
      [
        'saveDataSource',
        () => ({
          name: 'Full',
          kind: 'postgresql',
          options: { host: 'db.example.com', port: 5432, database: 'd', user: 'u', password: 'p' },
        }),
      ],
      [
        'saveDestination',
        () => ({ name: 'Full', kind: 'slack-webhook', options: { url: 'https://hooks.slack.com/services/T9/B9/zzz' } }),
      ],
      ['addRowsCheck', (f: Fixture) => ({ queryId: f.plainQueryId, destinations: [f.destinationId] })],
      ['saveQuery', (f: Fixture) => q(f, { name: 'Full store', sql: `SELECT '${huge(8_000)}'` })],
      ['runQuery', (f: Fixture) => ({ id: f.plainQueryId })],
    ] as const)
      list.push({
        name: `${method} with the property store ${label} its 500 KB`,
        arrange: (f) => fillStore(f, leave),
        method,
        payload,
        expect: 'either',
        mutates: true,
      });
  list.push({
    name: 'a library of 1,000 queries: list, search, open, save',
    arrange: (f) => seedLibrary(f, 1000),
    call: (f, lang) => {
      const started = Date.now();
      const all = api(f.rt, 'listQueries', {});
      expect(all.length).toBe(1002);
      const found = api(f.rt, 'listQueries', { search: 'Bulk 0999' });
      expect(found.map((s) => s.name)).toEqual(['Bulk 0999']);
      api(f.rt, 'getQuery', { id: found[0].id });
      const saved = as(f.rt, ALICE, lang, 'saveQuery', q(f, { name: 'One more' }));
      expect(Date.now() - started).toBeLessThan(20_000);
      return saved;
    },
    expect: 'accepted',
    mutates: true,
  });
  return list;
}

/** Copies the library's plain query row `count` times with new ids and names (as 1,000 saves would leave it). */
function seedLibrary(f: Fixture, count: number): void {
  const sheet = f.rt.spreadsheet._active().getSheetByName(LIBRARY_TAB)!;
  sheet.insertRowsAfter(sheet.getMaxRows(), count);
  const values = sheet.getDataRange().getValues();
  const row = values.find((r) => r.some((c) => String(c).includes(f.plainQueryId)))!;
  const name = api(f.rt, 'getQuery', { id: f.plainQueryId }).name;
  const rows = Array.from({ length: count }, (_, i) => {
    const id = `bulk${String(i).padStart(4, '0')}`;
    return row.map((c) => {
      if (typeof c !== 'string') return c;
      const replaced = c
        .split(f.plainQueryId)
        .join(id)
        .split(name)
        .join(`Bulk ${String(i).padStart(4, '0')}`);
      return replaced.startsWith("'") || !/^[=+\-@]/.test(replaced) ? replaced : `'${replaced}`;
    });
  });
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, row.length).setValues(rows);
}

const results: { name: string; violation: string | null }[] = [];

describe('bad input', () => {
  let db: TestDatabase;
  let fixture: Fixture;
  let base: {
    sheets: ReturnType<AppsScriptRuntime['spreadsheet']['_snapshot']>;
    props: ReturnType<AppsScriptRuntime['base']['properties']['_snapshot']>;
  };

  beforeAll(() => {
    db = createTestDatabase(ENGINES[0]);
    db.exec(
      `CREATE TABLE ${db.schema}.t (id INT, name TEXT)\n;\nINSERT INTO ${db.schema}.t VALUES (1, 'alice'), (2, 'bob')`,
    );
    const rt = bundleRuntime({
      jdbc: JDBC_OPTIONS,
      user: { email: ALICE, locale: 'en' },
      spreadsheet: { owner: ALICE },
    });
    rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z'));
    const sales = rt.spreadsheet._active().insertSheet(SALES);
    sales.getRange('A1:C3').setValues([
      ['Region', 'Amount', 'Total'],
      ['East', 100, ''],
      ['West', 250, ''],
    ]);
    sales.getRange('C2').setFormula('=SUM(B2:B3)');
    const source = api(rt, 'saveDataSource', { name: 'Main DB', kind: 'postgresql', options: db.options });
    const param = saveQuery(rt, {
      name: 'By name',
      dataSourceId: source.id,
      sql: `SELECT id, name FROM ${db.schema}.t WHERE name = {{ who }}`,
      parameters: [{ name: 'who', type: 'text' }],
    });
    const plain = saveQuery(rt, {
      name: 'All rows',
      dataSourceId: source.id,
      sql: `SELECT id, name FROM ${db.schema}.t`,
    });
    const destination = api(rt, 'saveDestination', {
      name: 'Team',
      kind: 'slack-webhook',
      options: { url: 'https://hooks.slack.com/services/T0/B0/base' },
    });
    const alert = api(rt, 'addRowsCheck', { queryId: plain.id, destinations: [destination.id] });
    fixture = {
      rt,
      dataSourceId: source.id,
      paramQueryId: param.id,
      plainQueryId: plain.id,
      destinationId: destination.id,
      alertId: alert.id,
      schema: db.schema,
    };
    base = { sheets: rt.spreadsheet._snapshot(), props: rt.base.properties._snapshot() };
  });
  afterAll(() => {
    disposeRuntimes();
    db?.drop();
    const violations = results.filter((r) => r.violation);
    console.log(
      `RELIABILITY bad-inputs: ${results.length} cases, ${results.length - violations.length} handled, ${violations.length} violations`,
    );
  });

  function reset(): void {
    fixture.rt.spreadsheet._restore(base.sheets);
    fixture.rt.base.properties._restore(base.props);
  }

  const salesOf = (rt: AppsScriptRuntime) =>
    JSON.stringify([rt.spreadsheet._sheetValues(SALES), rt.spreadsheet._sheetFormulas(SALES)]);

  function runCase(c: Case, lang: 'en' | 'ja'): string | null {
    reset();
    const f = fixture;
    c.arrange?.(f);
    const before = state(f.rt);
    const sales = salesOf(f.rt);
    // Formulas a person typed into the add-on's tabs (a hand edit) are theirs; the add-on must add none.
    const formulasBefore = formulasOutsideSales(f.rt);
    const answer = c.call ? c.call(f, lang) : as(f.rt, ALICE, lang, c.method!, c.payload ? c.payload(f) : undefined);
    if (typeof answer !== 'object' || answer === null || typeof answer.ok !== 'boolean')
      return `not an answer: ${JSON.stringify(answer)?.slice(0, 200)}`;
    const refused = !answer.ok || refusedInside(answer.value);
    if (c.expect === 'refused' && !refused) return `accepted: ${JSON.stringify(answer.value)?.slice(0, 200)}`;
    if (c.expect === 'accepted' && refused) return `refused: ${messagesOf(answer).join(' ')}`;
    for (const message of messagesOf(answer)) {
      const problem = checkMessage(message, lang);
      if (problem) return problem;
    }
    if ((refused || !c.mutates) && state(f.rt) !== before) return `changed ${changes(before, state(f.rt))}`;
    if (salesOf(f.rt) !== sales) return 'changed the person’s Sales tab';
    const formulas = formulasOutsideSales(f.rt).filter((x) => !formulasBefore.includes(x));
    if (formulas.length) return `wrote formulas: ${formulas.slice(0, 3).join('; ')}`;
    if (answer.ok && c.after) {
      try {
        c.after(f, answer);
      } catch (error) {
        return `after: ${(error as Error).message.slice(0, 300)}`;
      }
    }
    return null;
  }

  it('handles at least 100 bad inputs: a clear message in English and Japanese, and nothing changed', () => {
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(100);
    for (const c of all) {
      let violation: string | null;
      try {
        violation = runCase(c, 'en');
        if (!violation) {
          const ja = runCase(c, 'ja');
          if (ja) violation = `ja: ${ja}`;
        }
      } catch (error) {
        violation = `threw: ${(error as Error).message.slice(0, 300)}`;
      }
      results.push({ name: c.name, violation });
    }
    const violations = results.filter((r) => r.violation).map((r) => `${r.name}: ${r.violation}`);
    expect(violations).toEqual([]);
  });
});
