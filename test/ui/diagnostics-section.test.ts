/**
 * @jest-environment jsdom
 *
 * The sidebar's Diagnostics block (Data sources tab): nothing is asked of the server until the
 * user opens it; the destinations are offered as labelled checkboxes; only the ticked ones are
 * sent to `runDiagnostics`; each line and the report link are shown as text, in the user's language.
 */
import type { DestinationView, DiagnosticsView } from '../../src/shared/api-types';
import { setLang } from '../../src/ui/client/i18n';
import { createDiagnosticsSection } from '../../src/ui/client/views/diagnostics';
import { installFakeServer, settle } from '../helpers/fake-script-run';

const $ = <T extends HTMLElement>(testid: string) => document.querySelector(`[data-testid=${testid}]`) as T;

const dest = (id: string, name: string) => ({ id, name }) as DestinationView;
const VIEW: DiagnosticsView = {
  sheetName: 'Sheetdash diagnostics',
  url: 'https://docs.google.com/spreadsheets/d/x/edit#gid=7',
  checks: [
    { id: 'text-formula', label: 'Text like =SUM(1,2)', status: 'ok', detail: '"=SUM(1,2)"' },
    { id: 'destination:d2', label: 'Test message', status: 'fail', detail: '<img src=x onerror=alert(1)>' },
  ],
};

afterEach(() => {
  document.body.replaceChildren();
  setLang('en');
});

test('offers the destinations, sends only the ticked ones, shows the report as text', async () => {
  const server = installFakeServer({
    listDestinations: [dest('d1', 'Slack'), dest('d2', 'Hook')],
    runDiagnostics: VIEW,
  });
  document.body.append(createDiagnosticsSection().element);
  expect(server.calls).toEqual([]);
  $('btn-diag-open').click();
  await settle();
  const boxes = [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  expect(boxes.map((b) => document.querySelector(`label[for="${b.id}"]`)?.textContent)).toEqual(['Slack', 'Hook']);
  boxes[1].checked = true;
  $('btn-diag-run').click();
  await settle();
  expect(server.calls[1]).toEqual(['runDiagnostics', { destinationIds: ['d2'] }]);
  const lines = [...document.querySelectorAll('[data-testid=diag-line]')].map((l) => l.textContent);
  expect(lines).toEqual([
    'Text like =SUM(1,2): OK · "=SUM(1,2)"',
    'Test message: failed · <img src=x onerror=alert(1)>',
  ]);
  expect(document.querySelector('img')).toBeNull();
  expect($('diag-link').getAttribute('href')).toBe(VIEW.url);
  expect($('diag-link').textContent).toBe('Open the report tab "Sheetdash diagnostics"');
});

test('speaks Japanese, and shows a refusal', async () => {
  setLang('ja');
  installFakeServer({ listDestinations: [], runDiagnostics: new Error('権限がありません') });
  document.body.append(createDiagnosticsSection().element);
  expect($('btn-diag-open').textContent).toBe('診断…');
  $('btn-diag-open').click();
  await settle();
  expect(document.querySelector('fieldset')).toBeNull();
  $('btn-diag-run').click();
  await settle();
  expect($('diag-result').textContent).toBe('権限がありません');
});
