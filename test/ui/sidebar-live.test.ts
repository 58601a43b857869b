/**
 * @jest-environment jsdom
 *
 * The sidebar as a new user meets it, in jsdom against a fake server: relative times ("Last
 * runs", the library) follow the clock as it moves, in English and Japanese; and a failed run
 * never leaves the previous preview looking current — it is marked as the last good result,
 * with its time, until a run succeeds again.
 */
import type { DataSourceView, PreviewView, QuerySummary, QueryView, RunStatusView } from '../../src/shared/api-types';
import { startApp } from '../../src/ui/client/app';
import { setLang, tParts } from '../../src/ui/client/i18n';
import { startRelativeClock } from '../../src/ui/client/relative-time';
import { createLibraryTab } from '../../src/ui/client/views/library';
import { createQueryTab } from '../../src/ui/client/views/query';
import { type FakeServer, installFakeServer, until } from '../helpers/fake-script-run';
import { fakeAppContext } from '../helpers/app-context';

// jsdom lays nothing out; CodeMirror measures text ranges, so give them empty boxes.
const noBox = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) });
Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => noBox() as DOMRect;

const NOW = Date.parse('2026-01-10T12:00:00Z');
const MINUTE = 60_000;

const RUN: RunStatusView = {
  at: new Date(NOW - 10_000).toISOString(),
  query: 'Signups',
  outcome: 'ok',
  rows: 3,
  message: '',
};
const FAILED_RUN: RunStatusView = {
  at: new Date(NOW - 20_000).toISOString(),
  query: 'Churn',
  outcome: 'failed',
  rows: null,
  message: 'relation "x" does not exist',
};
// Typed loosely on purpose: who manages a source (managedBy, canManage) arrives with another change.
const SOURCE = {
  id: 'ds1',
  name: 'Demo DB',
  kind: 'postgresql',
  kindLabel: 'PostgreSQL',
  writable: false,
  options: { host: 'db.local' },
  health: { consecutiveFailures: 0, lastError: null, lastFailureAt: null, pausedAt: null },
  managedBy: ['ann@example.com'],
  canManage: true,
} as unknown as DataSourceView;
const KINDS = [{ id: 'postgresql', label: 'PostgreSQL', dialect: 'postgresql' as const, fields: [] }];
const VIEW: QueryView = {
  id: 'q1',
  name: 'Signups',
  description: '',
  dataSourceId: 'ds1',
  tags: [],
  owner: 'ann@example.com',
  updatedBy: 'ann@example.com',
  updatedAt: new Date(NOW - 30_000).toISOString(),
  archived: false,
  lastRun: null,
  sql: 'SELECT id FROM signups',
  parameters: [],
  schedule: '',
  version: 2,
  createdBy: 'ann@example.com',
  createdAt: '2025-01-01T00:00:00Z',
  resultLink: null,
};
const PREVIEW: PreviewView = { columns: ['id'], rows: [['1'], ['2']], rowCount: 2, truncated: false, ms: 12 };

const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
const click = (id: string) => byTestId(id).click();

function appServer(): FakeServer {
  return installFakeServer({
    getSession: { lang: 'en', email: 'ann@example.com', spreadsheetTimeZone: 'Asia/Tokyo', spreadsheetUrl: '' },
    listDataSourceKinds: KINDS,
    listDataSources: [SOURCE],
    listRecentRuns: [RUN, FAILED_RUN],
    getSchema: { dataSourceId: 'ds1', cachedAt: new Date(NOW).toISOString(), tables: [] },
    listQueries: [],
  });
}

const context = (errors: string[]) => fakeAppContext({ kinds: KINDS, dataSources: [SOURCE] }, errors);

beforeEach(() => {
  // Date and intervals follow the fake clock; setTimeout stays real so fake answers arrive.
  jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'clearTimeout', 'queueMicrotask', 'nextTick'] });
});
afterEach(() => {
  jest.useRealTimers();
  setLang('en');
  document.body.replaceChildren();
});

describe('"Last runs" follows the clock', () => {
  test.each([
    ['en', 'just now', '1 min ago', '7 min ago', '2 h ago', '1 day ago'],
    ['ja', 'たった今', '1 分前', '7 分前', '2 時間前', '1 日前'],
  ] as const)('in %s', async (lang, justNow, oneMinute, sevenMinutes, twoHours, oneDay) => {
    setLang(lang);
    const server = appServer();
    const root = document.body.appendChild(document.createElement('div'));
    startApp(root);
    const line = () => byTestId('status-line').textContent ?? '';
    await until(() => line().includes('Signups'), 'the status line');
    expect(line()).toContain(`Signups`);
    expect(line()).toContain(justNow);
    expect(line()).not.toContain(oneMinute);

    jest.advanceTimersByTime(MINUTE);
    expect(line()).toContain(oneMinute);
    expect(line()).not.toContain(justNow);

    jest.advanceTimersByTime(6 * MINUTE);
    expect(line()).toContain(sevenMinutes);
    // The list itself is fetched again every few minutes (scheduled runs happen meanwhile).
    const fetches = () => server.calls.filter(([method]) => method === 'listRecentRuns').length;
    await until(() => fetches() >= 2, 'a second listRecentRuns');
    await until(() => line().includes(sevenMinutes), 'the list fetched again');

    jest.advanceTimersByTime(2 * 60 * MINUTE);
    expect(line()).toContain(twoHours);
    jest.advanceTimersByTime(22 * 60 * MINUTE);
    expect(line()).toContain(oneDay);
    // The full instant is on hover.
    const time = byTestId('status-line').querySelector('time') as HTMLTimeElement;
    expect(time.dateTime).toBe(RUN.at);
    expect(time.title).not.toBe('');
  });

  test('a failed run reads in Japanese word order, with its live time inside the sentence', async () => {
    setLang('ja');
    const server = appServer();
    startApp(document.body.appendChild(document.createElement('div')));
    await until(() => document.querySelector('.run-failed') !== null, 'the failed run');
    // Every call carries the page's language, so the server answers in it.
    expect(server.langs.length).toBeGreaterThan(0);
    expect(new Set(server.langs)).toEqual(new Set(['ja']));
    const failed = document.querySelector('.run-failed') as HTMLElement;
    expect(failed.textContent).toBe('Churn は たった今 に失敗: relation "x" does not exist');
    jest.advanceTimersByTime(3 * MINUTE);
    expect(failed.textContent).toBe('Churn は 3 分前 に失敗: relation "x" does not exist');
  });

  test('tParts keeps every placeholder value where the language puts it', () => {
    const node = { node: true };
    expect(tParts('status.failed', { query: 'Q', at: node, message: 'm' }, 'en')).toEqual(['Q failed ', node, ': m']);
    expect(tParts('status.failed', { query: 'Q', at: node, message: 'm' }, 'ja')).toEqual([
      'Q は ',
      node,
      ' に失敗: m',
    ]);
  });
});

describe('the library follows the clock', () => {
  test('"updated just now" becomes "updated 4 min ago"', async () => {
    const summary: QuerySummary = {
      ...VIEW,
      lastRun: { at: new Date(NOW).toISOString(), ok: true, rows: 5, message: '' },
    };
    installFakeServer({ listQueries: [summary] });
    const root = document.body.appendChild(document.createElement('div'));
    // The app starts this clock for the whole sidebar; a tab alone needs it started here.
    startRelativeClock(root);
    const tab = createLibraryTab(context([]));
    root.appendChild(tab.element);
    await tab.refresh();
    const item = byTestId('library-item');
    expect(item.textContent).toContain('updated just now');
    expect(item.textContent).toContain('Last run just now: 5 rows');
    jest.advanceTimersByTime(4 * MINUTE);
    expect(item.textContent).toContain('updated 4 min ago');
    expect(item.textContent).toContain('Last run 4 min ago: 5 rows');
  });
});

describe('a failed run', () => {
  async function openQueryTab(server: FakeServer, errors: string[]) {
    const tab = createQueryTab(context(errors));
    document.body.appendChild(tab.element);
    tab.load(VIEW);
    await until(() => server.calls.some(([method]) => method === 'getSchema'), 'the schema request');
    return { tab, server };
  }

  test('marks the preview under the error as the last good result, with its time', async () => {
    const errors: string[] = [];
    const server = installFakeServer({ previewQuery: PREVIEW, getSchema: new Error('no schema') });
    await openQueryTab(server, errors);
    click('btn-run');
    await until(() => byTestId('preview-table') !== null, 'the preview');
    expect(byTestId('preview-table').textContent).toContain('2');
    expect(byTestId('last-good').hidden).toBe(true);
    expect(byTestId('preview').classList.contains('stale')).toBe(false);

    jest.advanceTimersByTime(2 * MINUTE);
    server.handlers.previewQuery = new Error('syntax error at or near "FORM"');
    click('btn-run');
    await until(() => errors.length > 0, 'the error');
    expect(errors).toEqual(['syntax error at or near "FORM"']);
    const mark = byTestId('last-good');
    expect(mark.hidden).toBe(false);
    expect(mark.getAttribute('role')).toBe('note');
    const shownAt = new Date(NOW).toLocaleTimeString('en-US');
    expect(mark.textContent).toBe(`The latest run failed. Below is the last good result, from ${shownAt} (2 min ago).`);
    expect(byTestId('preview').classList.contains('stale')).toBe(true);
    expect(byTestId('run-status').textContent).toBe('');

    server.handlers.previewQuery = { ...PREVIEW, rows: [['3']], rowCount: 1 };
    click('btn-run');
    await until(() => byTestId('last-good').hidden === true, 'the mark to go');
    expect(byTestId('last-good').hidden).toBe(true);
    expect(byTestId('preview').classList.contains('stale')).toBe(false);
    expect(byTestId('preview-table').textContent).toContain('3');
  });

  test('a failed Write to tab marks it too; opening another query clears the old preview', async () => {
    const errors: string[] = [];
    const server = installFakeServer({ previewQuery: PREVIEW, getSchema: new Error('no schema') });
    const { tab } = await openQueryTab(server, errors);
    click('btn-run');
    await until(() => byTestId('preview-table') !== null, 'the preview');
    server.handlers.runQuery = {
      ok: false,
      queryId: 'q1',
      sheetName: null,
      sheetId: null,
      rows: 0,
      columns: 0,
      truncated: false,
      durationMs: 5,
      message: 'Could not connect to Demo DB.',
      warnings: [],
    };
    click('btn-write');
    await until(() => errors.length > 0, 'the error');
    expect(errors).toEqual(['Could not connect to Demo DB.']);
    expect(byTestId('last-good').hidden).toBe(false);
    expect(byTestId('last-good').textContent).toContain('last good result');

    tab.load({ ...VIEW, id: 'q2', name: 'Other' });
    expect(byTestId('last-good').hidden).toBe(true);
    expect(byTestId('preview').textContent).toBe('');
  });

  test('with no earlier preview there is nothing to mark', async () => {
    const errors: string[] = [];
    const server = installFakeServer({
      previewQuery: new Error('permission denied'),
      getSchema: new Error('no schema'),
    });
    await openQueryTab(server, errors);
    click('btn-run');
    await until(() => errors.length > 0, 'the error');
    expect(errors).toEqual(['permission denied']);
    expect(byTestId('last-good').hidden).toBe(true);
  });

  test('is marked in Japanese too', async () => {
    setLang('ja');
    const server = installFakeServer({ previewQuery: PREVIEW, getSchema: new Error('no schema') });
    const errors: string[] = [];
    await openQueryTab(server, errors);
    click('btn-run');
    await until(() => byTestId('preview-table') !== null, 'the preview');
    server.handlers.previewQuery = new Error('構文エラー');
    click('btn-run');
    await until(() => errors.length > 0, 'the error');
    const shownAt = new Date(NOW).toLocaleTimeString('ja-JP');
    expect(byTestId('last-good').textContent).toBe(
      `最新の実行は失敗しました。以下は前回成功した結果です(${shownAt}、たった今)。`,
    );
  });
});
