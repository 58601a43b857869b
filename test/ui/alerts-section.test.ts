/**
 * @jest-environment jsdom
 *
 * The Query tab's Alerts section against a fake server: a saved query's alerts with their state
 * badges (icon and words, a triggered one never green), pending and undelivered counts and the
 * muted marker; an unsaved query is told to save first; the one-click rows check (one click, no
 * destination sent; a created alert without destination opens its form asking to choose one);
 * "Open alert history" says where the tab is.
 */
import { setLang } from '../../src/ui/client/i18n';
import { until } from '../helpers/fake-script-run';
import {
  $,
  $$,
  alertView,
  clickAndWait,
  FRESH,
  HOOK,
  OK,
  openQuery,
  SLACK,
  TRIGGERED,
  UNKNOWN,
  VIEW,
} from './alerts-fixtures';

afterEach(() => {
  document.body.replaceChildren();
  setLang('en');
});

const badge = (item: HTMLElement) => $('alert-state', item);

test('lists the alerts of the opened query, each with its state by icon and words', async () => {
  const { server } = await openQuery({ listAlerts: [TRIGGERED, OK, UNKNOWN, FRESH] });
  expect(server.calls.filter(([m]) => m === 'listAlerts')).toEqual([['listAlerts', { queryId: 'q1' }]]);
  const items = $$('alert-item');
  expect(items.map((i) => i.dataset.alertId)).toEqual(['a1', 'a2', 'a3', 'a4']);
  expect(items.map((i) => badge(i).dataset.state)).toEqual(['triggered', 'ok', 'unknown', 'none']);
  expect(items.map((i) => badge(i).textContent)).toEqual([
    '⚠Triggered: 12 (count > 0)',
    '✓OK: 40 (max of amount >= 1000)',
    '?Unknown: the query failed: connection refused',
    '○Not evaluated yet',
  ]);
  // A triggered check is never green: not the ok badge, not the success class.
  expect(badge(items[0]).className).toBe('check check-triggered');
  expect(items[0].querySelector('.success, .check-ok')).toBeNull();
  // The icon is decoration; the words say the state.
  expect(badge(items[0]).querySelector('.check-icon')?.getAttribute('aria-hidden')).toBe('true');
  expect($('alert-undelivered', items[0]).textContent).toBe(
    '2 notification(s) not delivered yet: retried at the next tick.',
  );
  expect($('alert-pending-count', items[0])).toBeNull();
  expect($('alert-pending-count', items[3]).textContent).toBe('Pending: condition met 1 of 1 evaluations in a row');
  expect($('alert-muted-marker', items[2]).textContent).toBe('Muted');
  expect(items.filter((i) => $('alert-muted-marker', i)).length).toBe(1);
  expect(items[1].textContent).toContain('max(amount) >= 1000');
  expect(items[1].textContent).toContain('Checked ');
  expect(items[3].textContent).not.toContain('Checked ');
  expect($('btn-alert-edit', items[0]).getAttribute('aria-label')).toBe('Edit alert "Rows found"');
});

test('an unsaved query explains that alerts need a saved query, and asks the server nothing', async () => {
  const { server, tab } = await openQuery({ listAlerts: [TRIGGERED] });
  $('btn-new').click();
  await until(() => $('alerts-unsaved').hidden === false, 'the note');
  expect($('alerts-unsaved').textContent).toContain('Save the query to add alerts');
  expect($('btn-alert-rows-check').closest('[hidden]')).not.toBeNull();
  expect($('btn-alert-add').closest('[hidden]')).not.toBeNull();
  expect(server.calls.filter(([m]) => m === 'listAlerts')).toHaveLength(1);
  // Opening another saved query lists its alerts.
  tab.load({ ...VIEW, id: 'q2' });
  await until(() => server.calls.filter(([m]) => m === 'listAlerts').length === 2, 'the second list');
  expect(server.calls.filter(([m]) => m === 'listAlerts').at(-1)).toEqual(['listAlerts', { queryId: 'q2' }]);
  expect($('alerts-unsaved').hidden).toBe(true);
});

test('an empty list says so, and a refused list says why without blocking the editor', async () => {
  await openQuery({});
  expect($('alerts-list').textContent).toBe('No alerts yet.');
  document.body.replaceChildren();
  const { errors } = await openQuery({ listAlerts: new Error('The alert store is not ready.') });
  expect($('alerts-error').textContent).toBe('The alert store is not ready.');
  expect(errors).toEqual([]);
});

test('one click adds the rows check, sending no destination: the server picks the only one', async () => {
  const created = alertView({ id: 'a9', name: 'Rows returned', destinations: ['d1'] });
  const { server } = await openQuery({ addRowsCheck: created });
  $('btn-alert-rows-check').click(); // a double click adds one check
  await clickAndWait('btn-alert-rows-check', () => $$('alert-item').length === 1, 'the new alert');
  expect(server.calls.filter(([m]) => m === 'addRowsCheck')).toEqual([['addRowsCheck', { queryId: 'q1' }]]);
  expect($('alerts-status').textContent).toBe('Added "Rows returned".');
  expect($('alert-form')).toBeNull();
  expect($$('alert-item')[0].textContent).toContain('count > 0');
  // Nothing but the one call: the list is updated from its answer.
  expect(server.calls.filter(([m]) => m === 'listAlerts')).toHaveLength(1);
});

test('a rows check created without destination opens its form asking to choose one; Save sends it', async () => {
  const created = alertView({ id: 'a9', name: 'Rows returned', destinations: [] });
  const { server } = await openQuery({
    addRowsCheck: created,
    listDestinations: [SLACK, HOOK],
    saveAlert: (rule) => ({ saved: { ...created, ...rule, status: created.status } }),
  });
  await clickAndWait('btn-alert-rows-check', () => $('alert-form') !== null, 'the form');
  expect($('alerts-status').textContent).toContain('it has no destination yet');
  expect($('alert-dest-hint').textContent).toBe(
    'This alert has no destination yet: choose where to send it, then Save.',
  );
  expect($('alert-no-destination').textContent).toContain('notifies no one');
  const first = $<HTMLInputElement>('alert-dest-d1');
  expect(document.activeElement).toBe(first);
  expect(first.getAttribute('aria-describedby')).toBe($('alert-dest-hint').id);
  expect($<HTMLInputElement>('alert-name').value).toBe('Rows returned');
  first.click();
  await clickAndWait('btn-alert-save', () => $('alert-form') === null, 'the form to close');
  const saved = server.calls.filter(([m]) => m === 'saveAlert').map(([, p]) => p);
  expect(saved).toEqual([
    expect.objectContaining({
      id: 'a9',
      queryId: 'q1',
      destinations: ['d1'],
      condition: { column: '', op: '>', value: '0', selector: 'count' },
    }),
  ]);
  expect($('alert-no-destination')).toBeNull();
  expect($('alerts-status').textContent).toBe('Saved alert "Rows returned".');
  // Focus lands on the saved alert, not on the page.
  expect(document.activeElement).toBe($('btn-alert-edit', $$('alert-item')[0]));
});

test('with no destination at all, the form says where to add one and goes there', async () => {
  const { tabs, server } = await openQuery({ listDestinations: [] });
  await clickAndWait('btn-alert-add', () => $('alert-form') !== null, 'the form');
  expect($('alert-no-destinations').textContent).toContain('Destinations section of the Data sources tab');
  $('btn-alert-open-destinations').click();
  expect(tabs).toEqual(['datasources']);
  server.handlers.listDestinations = [SLACK];
  await clickAndWait('btn-alert-reload-destinations', () => $('alert-dest-d1') !== null, 'the destinations');
  expect(document.activeElement).toBe($('alert-dest-d1'));
});

test('"Open alert history" says which tab holds it, with a link', async () => {
  const { server } = await openQuery({
    openAlertHistory: { url: 'https://docs.google.com/spreadsheets/d/x/edit#gid=9', sheetName: 'Alert history' },
  });
  await clickAndWait('btn-alert-history', () => $('alert-history-where') !== null, 'the answer');
  expect(server.calls.at(-1)).toEqual(['openAlertHistory', undefined]);
  expect($('alert-history-where').textContent).toBe(
    'The alert history is in the tab "Alert history" of this spreadsheet:',
  );
  expect($<HTMLAnchorElement>('alert-history-link').href).toBe('https://docs.google.com/spreadsheets/d/x/edit#gid=9');
  expect($('alert-history-where').parentElement?.getAttribute('role')).toBe('status');
});

test('a refused one-click check shows the server message', async () => {
  const { errors } = await openQuery({ addRowsCheck: new Error('Alerts are not available yet.') });
  await clickAndWait('btn-alert-rows-check', () => errors.length > 0, 'the error');
  expect(errors).toEqual(['Alerts are not available yet.']);
  expect($$('alert-item')).toHaveLength(0);
});
