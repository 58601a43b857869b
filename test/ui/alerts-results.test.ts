/**
 * @jest-environment jsdom
 *
 * Where a check's state shows outside the Alerts section: the library list (QuerySummary.check),
 * the outcome of a run (RefreshResultView.check) and the status line (RunStatusView.check). A
 * triggered check reads as a warning with its value, never as a green OK. Also: opening the
 * sidebar asks nothing about alerts (no extra call at startup), and the strings are in Japanese.
 */
import type { QuerySummary, RefreshResultView, RunStatusView } from '../../src/shared/api-types';
import { startApp } from '../../src/ui/client/app';
import { CATALOG, setLang } from '../../src/ui/client/i18n';
import { createLibraryTab } from '../../src/ui/client/views/library';
import { createStatusLine } from '../../src/ui/client/views/status-line';
import { installFakeServer, settle, until } from '../helpers/fake-script-run';
import { $, $$, context, KINDS, OK, openQuery, SOURCE, TRIGGERED, VIEW } from './alerts-fixtures';

afterEach(() => {
  document.body.replaceChildren();
  setLang('en');
});

const RESULT: RefreshResultView = {
  ok: true,
  queryId: 'q1',
  sheetName: 'Orders without customer',
  sheetId: 7,
  rows: 12,
  columns: 2,
  truncated: false,
  durationMs: 40,
  message: 'Wrote 12 rows.',
  warnings: [],
  link: '#gid=7',
};

test('the library shows each query’s check state as a badge; triggered is a warning, not OK', async () => {
  const summaries: QuerySummary[] = [
    { ...VIEW, check: { state: 'triggered', alerts: 2, triggered: 1, text: '1 of 2 alerts triggered' } },
    { ...VIEW, id: 'q2', name: 'Fine', check: { state: 'ok', alerts: 1, triggered: 0, text: 'OK: 0 (count > 0)' } },
    {
      ...VIEW,
      id: 'q3',
      name: 'Broken',
      check: { state: 'unknown', alerts: 1, triggered: 0, text: 'Unknown: the query failed' },
    },
    { ...VIEW, id: 'q4', name: 'No alerts', check: null },
  ];
  const server = installFakeServer({ listQueries: summaries });
  const tab = createLibraryTab(context([]));
  document.body.appendChild(tab.element);
  await tab.refresh();
  const badges = $$('library-item').map((item) => $('item-check', item));
  expect(badges.map((b) => b?.dataset.state ?? null)).toEqual(['triggered', 'ok', 'unknown', null]);
  expect(badges[0].textContent).toBe('⚠1 of 2 alerts triggered');
  expect(badges[0].classList.contains('check-ok')).toBe(false);
  expect(badges[1].textContent).toBe('✓OK: 0 (count > 0)');
  expect(badges[2].textContent).toBe('?Unknown: the query failed');
  // The library can open the alert history too.
  server.handlers.openAlertHistory = { url: 'https://x/#gid=3', sheetName: 'Alert history' };
  $('btn-alert-history-library').click();
  await until(() => $('alert-history-where') !== null, 'the history');
  expect($('alert-history-where').textContent).toContain('"Alert history"');
});

test('a run whose check triggered reads as a warning with its value, and the alerts list follows', async () => {
  const { server, count } = await openQuery({
    listAlerts: [OK],
    runQuery: { ...RESULT, check: { state: 'triggered', alerts: 1, triggered: 1, text: 'Triggered: 12 (count > 0)' } },
  });
  server.handlers.listAlerts = [TRIGGERED];
  $('btn-write').click();
  await until(() => $('run-check') !== null, 'the run outcome');
  const outcome = $('run-check');
  expect(outcome.textContent).toBe('Alerts: ⚠Triggered: 12 (count > 0)');
  expect(outcome.dataset.state).toBe('triggered');
  expect(outcome.querySelector('.check-triggered')).not.toBeNull();
  expect($('run-status').querySelector('.success, .check-ok')).toBeNull();
  expect($('run-status').textContent).not.toMatch(/✓|\bOK\b/);
  await until(() => count('listAlerts') === 2, 'the alerts listed again');
  await until(() => $('alert-state')?.dataset.state === 'triggered', 'the new state');
});

test('a run without alerts shows no check line and lists no alerts again', async () => {
  const { count } = await openQuery({ runQuery: RESULT });
  $('btn-write').click();
  await until(() => $('run-status').textContent?.includes('Wrote 12 rows') === true, 'the outcome');
  await settle();
  expect($('run-check')).toBeNull();
  expect(count('listAlerts')).toBe(1);
});

test('a failed run shows its check as unknown with the reason', async () => {
  const { errors } = await openQuery({
    runQuery: {
      ...RESULT,
      ok: false,
      message: 'Could not connect.',
      check: { state: 'unknown', alerts: 1, triggered: 0, text: 'Unknown: the query failed: Could not connect.' },
    },
  });
  $('btn-write').click();
  await until(() => $('run-check') !== null, 'the outcome');
  expect(errors).toEqual(['Could not connect.']);
  expect($('run-check').textContent).toBe('Alerts: ?Unknown: the query failed: Could not connect.');
});

test('the status line shows a run’s check: a triggered one gets the warning dot, not the green one', async () => {
  const at = new Date().toISOString();
  const runs: RunStatusView[] = [
    {
      at,
      query: 'Orders',
      outcome: 'ok',
      rows: 12,
      message: '',
      check: { state: 'triggered', text: 'Triggered: 12 (count > 0)' },
    },
    { at, query: 'Fine', outcome: 'ok', rows: 0, message: '', check: { state: 'ok', text: 'OK: 0 (count > 0)' } },
    { at, query: 'Plain', outcome: 'ok', rows: 3, message: '' },
  ];
  installFakeServer({ listRecentRuns: runs });
  const line = createStatusLine();
  document.body.appendChild(line.element);
  await line.refresh();
  const shown = $$('status-run');
  expect(shown.map((r) => r.className)).toEqual(['run run-check-triggered', 'run run-ok', 'run run-ok']);
  expect(shown[0].textContent).toContain('Orders: 12 rows');
  expect($('status-check', shown[0]).textContent).toBe('⚠Triggered: 12 (count > 0)');
  expect(shown[0].title).toBe('Triggered: 12 (count > 0)');
  expect($('status-check', shown[1]).textContent).toBe('✓OK: 0 (count > 0)');
  expect($('status-check', shown[2])).toBeNull();
});

test('opening the sidebar asks nothing about alerts: the same calls as before', async () => {
  const server = installFakeServer({
    getSession: { lang: 'en', email: 'ann@example.com', spreadsheetTimeZone: 'Asia/Tokyo', spreadsheetUrl: '' },
    listDataSourceKinds: KINDS,
    listDataSources: [SOURCE],
    listRecentRuns: [],
    getSchema: new Error('no schema'),
  });
  startApp(document.body.appendChild(document.createElement('div')));
  await until(() => server.calls.some(([m]) => m === 'listRecentRuns'), 'the start');
  await settle(50);
  const methods = server.calls.map(([m]) => m);
  expect(methods.filter((m) => /alert|destination/i.test(m))).toEqual([]);
  expect(new Set(methods)).toEqual(
    new Set(['getSession', 'listDataSourceKinds', 'listDataSources', 'getSchema', 'listRecentRuns']),
  );
  // The query tab starts on an unsaved query: its Alerts section explains instead of listing.
  expect($('alerts-unsaved').hidden).toBe(false);
});

test('every alert string is in Japanese, and the section reads in Japanese', async () => {
  const keys = Object.keys(CATALOG).filter((k) => k.startsWith('alerts.'));
  expect(keys.length).toBeGreaterThan(60);
  for (const key of keys) {
    const entry = CATALOG[key as keyof typeof CATALOG] as { en: string; ja: string };
    expect(entry.ja).not.toBe(entry.en);
    expect(entry.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  }
  setLang('ja');
  await openQuery({ listAlerts: [TRIGGERED] });
  expect(document.querySelector('#alerts-title')?.textContent).toBe('アラート');
  expect($('btn-alert-rows-check').textContent).toBe('このクエリが行を返したら通知');
  expect($('btn-alert-history').textContent).toBe('アラート履歴を開く');
  expect($('alert-undelivered').textContent).toBe('未配信の通知が 2 件あります。次回の確認で再送します。');
  $('btn-alert-add').click();
  await until(() => $('alert-form') !== null, 'the form');
  expect($('alert-form').textContent).toContain('確認する値');
  expect($('alert-selector-help').textContent).toBe('行数を比較します。列は不要です。');
  expect($('btn-alert-save').textContent).toBe('アラートを保存');
  expect([...$<HTMLSelectElement>('alert-rearm-mode').options].map((o) => o.textContent)).toEqual([
    '正常に戻るまで 1 回だけ',
    '評価のたびに',
    '一定間隔ごと(最短)…',
  ]);
});
