/**
 * @jest-environment jsdom
 *
 * The alert form against a fake server: the condition's fields (selector explanations, the column
 * hidden for count and offered from the last preview), the rearm interval in hours sent as minutes,
 * the server's problems shown next to their fields with the first focused, edit / save / delete
 * (after a confirmation) without losing the focus, the message preview, and a keyboard-only flow.
 */
import type { AlertRule } from '../../src/shared/api-types';
import { controlOf, fieldsFromRule, rearmMinutes, ruleFromFields } from '../../src/ui/client/alert-form-model';
import { setLang } from '../../src/ui/client/i18n';
import { until } from '../helpers/fake-script-run';
import { $, $$, alertView, clickAndWait, HOOK, OK, openQuery, set, SLACK, TRIGGERED } from './alerts-fixtures';

afterEach(() => {
  document.body.replaceChildren();
  setLang('en');
});

const savedRules = (calls: [string, unknown][]) =>
  calls.filter(([m]) => m === 'saveAlert').map(([, p]) => p as AlertRule);
const echo = (rule: AlertRule) => ({ saved: alertView({ ...rule, id: rule.id || 'a-new' }) });

async function openAddForm(handlers: Parameters<typeof openQuery>[0] = {}) {
  const opened = await openQuery({ listDestinations: [SLACK, HOOK], saveAlert: echo, ...handlers });
  await clickAndWait('btn-alert-add', () => $('alert-form') !== null, 'the form');
  return opened;
}

describe('the form model', () => {
  test('an interval in hours is sent in minutes; one that makes no whole minute is refused', () => {
    expect(rearmMinutes('2', 'hours')).toBe(120);
    expect(rearmMinutes('1.5', 'hours')).toBe(90);
    expect(rearmMinutes('45', 'minutes')).toBe(45);
    expect(rearmMinutes('0.5', 'minutes')).toBeNull();
    expect(rearmMinutes('0', 'hours')).toBeNull();
    expect(rearmMinutes('', 'hours')).toBeNull();
    expect(rearmMinutes('-2', 'hours')).toBeNull();
  });

  test('a stored interval of whole hours shows in hours, another in minutes', () => {
    expect(fieldsFromRule(alertView({ rearm: { mode: 'interval', minutes: 180 } }))).toMatchObject({
      rearmMode: 'interval',
      rearmEvery: '3',
      rearmUnit: 'hours',
    });
    expect(fieldsFromRule(alertView({ rearm: { mode: 'interval', minutes: 90 } }))).toMatchObject({
      rearmEvery: '90',
      rearmUnit: 'minutes',
    });
  });

  test('the threshold goes as typed; count sends no column', () => {
    const fields = { ...fieldsFromRule(OK), value: ' 1e3 ', selector: 'count' as const };
    const built = ruleFromFields({ id: 'a2', queryId: 'q1' }, fields);
    expect(built).toEqual({
      rule: expect.objectContaining({ condition: { column: '', op: '>=', value: ' 1e3 ', selector: 'count' } }),
    });
  });

  test('a problem names its control, by its own path or a parent one', () => {
    expect(controlOf('condition.value')).toBe('value');
    expect(controlOf('rearm.minutes')).toBe('rearmEvery');
    expect(controlOf('destinations.3')).toBe('destinations');
    expect(controlOf('templates.recovered')).toBe('recovered');
    expect(controlOf('condition')).toBe('selector');
    expect(controlOf('')).toBeNull();
    expect(controlOf('queryId')).toBeNull();
  });
});

test('each selector is explained; the column is hidden for count and offered from the last preview', async () => {
  const preview = { columns: ['id', 'amount'], rows: [['1', '5']], rowCount: 1, truncated: false, ms: 3 };
  await openQuery({ previewQuery: preview, listDestinations: [SLACK] });
  await clickAndWait('btn-run', () => $('preview-table') !== null, 'the preview');
  await clickAndWait('btn-alert-add', () => $('alert-form') !== null, 'the form');
  const column = $<HTMLInputElement>('alert-column');
  expect($<HTMLSelectElement>('alert-selector').value).toBe('count');
  expect(column.closest('label')?.hidden).toBe(true);
  expect($('alert-selector-help').textContent).toBe('The number of rows is compared; no column is needed.');
  expect([...$<HTMLSelectElement>('alert-selector').options].map((o) => o.textContent)).toEqual([
    'first: the first row',
    'min: the smallest',
    'max: the largest',
    'any: at least one row',
    'all: every row',
    'count: the number of rows',
  ]);
  set('alert-selector', 'max', 'change');
  expect(column.closest('label')?.hidden).toBe(false);
  expect($('alert-selector-help').textContent).toBe("The largest of the column's values (numbers only) is compared.");
  expect($<HTMLSelectElement>('alert-selector').getAttribute('aria-describedby')).toBe($('alert-selector-help').id);
  const list = document.getElementById(column.getAttribute('list') as string) as HTMLDataListElement;
  expect([...list.options].map((o) => o.value)).toEqual(['id', 'amount']);
  expect([...$<HTMLSelectElement>('alert-op').options].map((o) => o.value)).toEqual(['>', '>=', '<', '<=', '==', '!=']);
});

test('a new alert is saved with every field as chosen; hours become rearm.minutes', async () => {
  const { server } = await openAddForm();
  set('alert-name', 'Too many refunds');
  set('alert-selector', 'first', 'change');
  set('alert-column', 'refunds');
  set('alert-op', '>=', 'change');
  set('alert-value', '10');
  $('alert-dest-d2').click();
  set('alert-pending', '3');
  expect($('alert-rearm-every').closest('.rearm-every')?.hasAttribute('hidden')).toBe(true);
  set('alert-rearm-mode', 'interval', 'change');
  expect($('alert-rearm-every').closest('.rearm-every')?.hasAttribute('hidden')).toBe(false);
  set('alert-rearm-every', '2');
  set('alert-rearm-unit', 'hours', 'change');
  $('alert-notify-recovery').click();
  $('alert-muted').click();
  set('alert-template-triggered', '{{ALERT_NAME}}: {{QUERY_RESULT_VALUE}}');
  await clickAndWait('btn-alert-save', () => $('alert-form') === null, 'the save');
  expect(savedRules(server.calls)).toEqual([
    {
      id: '',
      queryId: 'q1',
      name: 'Too many refunds',
      condition: { column: 'refunds', op: '>=', value: '10', selector: 'first' },
      destinations: ['d2'],
      pendingEvaluations: 3,
      rearm: { mode: 'interval', minutes: 120 },
      notifyRecovery: false,
      notifyUnknown: true,
      muted: true,
      templates: { triggered: '{{ALERT_NAME}}: {{QUERY_RESULT_VALUE}}', recovered: '' },
    },
  ]);
  expect($$('alert-item').map((i) => i.dataset.alertId)).toEqual(['a-new']);
  expect(document.activeElement).toBe($('btn-alert-edit'));
});

test("the server's problems are shown next to their fields, the first one focused", async () => {
  const { server } = await openAddForm({
    saveAlert: {
      problems: [
        { field: 'condition.value', message: 'The threshold is not a number.' },
        { field: 'name', message: 'Give the alert a name.' },
        { field: 'rearm.minutes', message: 'Between 1 and 43200 minutes.' },
        { field: '', message: 'The query was deleted.' },
      ],
    },
  });
  set('alert-rearm-mode', 'interval', 'change');
  $('btn-alert-save').click();
  await until(() => $('alert-problem-name').hidden === false, 'the problems');
  const check = (control: string, input: string, message: string) => {
    const box = $(`alert-problem-${control}`);
    expect(box.textContent).toBe(message);
    expect($(input).getAttribute('aria-invalid')).toBe('true');
    expect($(input).getAttribute('aria-describedby')?.split(' ')).toContain(box.id);
  };
  check('name', 'alert-name', 'Give the alert a name.');
  check('value', 'alert-value', 'The threshold is not a number.');
  check('rearmEvery', 'alert-rearm-every', 'Between 1 and 43200 minutes.');
  expect($('alert-problems').textContent).toBe('The query was deleted.');
  expect($('alert-problem-op').hidden).toBe(true);
  expect($('alert-op').hasAttribute('aria-invalid')).toBe(false);
  expect(document.activeElement).toBe($('alert-name'));
  expect($('alert-form')).not.toBeNull();

  // Fixed and saved again: the marks go.
  server.handlers.saveAlert = echo;
  set('alert-name', 'Named');
  await clickAndWait('btn-alert-save', () => $('alert-form') === null, 'the save');
  expect(savedRules(server.calls)).toHaveLength(2);
});

test('a problem of a field not shown is said on top, where the focus goes', async () => {
  await openAddForm({ saveAlert: { problems: [{ field: 'condition.column', message: 'No such column.' }] } });
  $('btn-alert-save').click();
  await until(() => $('alert-problems').hidden === false, 'the problem');
  expect($('alert-problems').textContent).toBe('No such column.');
  expect($('alert-column').hasAttribute('aria-invalid')).toBe(false);
  expect(document.activeElement).toBe($('alert-problems'));
});

test('a rearm interval that makes no whole minute is refused before asking the server', async () => {
  const { server } = await openAddForm();
  set('alert-rearm-mode', 'interval', 'change');
  set('alert-rearm-unit', 'minutes', 'change');
  set('alert-rearm-every', '0.5');
  set('alert-pending', '');
  $('btn-alert-save').click();
  expect($('alert-problem-rearmEvery').textContent).toBe('Enter a positive number that makes whole minutes.');
  expect($('alert-problem-pending').textContent).toBe('Enter a whole number, 1 or more.');
  expect(document.activeElement).toBe($('alert-pending'));
  expect(savedRules(server.calls)).toEqual([]);
});

test('edit shows the stored rule and saves it under its id; the list shows the new state', async () => {
  const stored = alertView({
    id: 'a5',
    name: 'Slow',
    condition: { column: 'ms', op: '>', value: '500', selector: 'max' },
    destinations: ['d1', 'd2'],
    rearm: { mode: 'interval', minutes: 180 },
    templates: { triggered: '', recovered: 'Back: {{QUERY_RESULT_VALUE}}' },
  });
  const { server } = await openQuery({
    listAlerts: [stored, TRIGGERED],
    listDestinations: [SLACK, HOOK],
    saveAlert: (rule) => ({ saved: { ...stored, ...rule, status: OK.status } }),
  });
  const edit = $('btn-alert-edit', $$('alert-item')[0]);
  await clickAndWait('btn-alert-edit', () => $('alert-form') !== null, 'the form');
  expect($('alert-form').textContent).toContain('Edit alert "Slow"');
  expect($<HTMLInputElement>('alert-column').value).toBe('ms');
  expect($<HTMLSelectElement>('alert-rearm-unit').value).toBe('hours');
  expect($<HTMLInputElement>('alert-rearm-every').value).toBe('3');
  expect($<HTMLInputElement>('alert-dest-d2').checked).toBe(true);
  expect($<HTMLDetailsElement>('alert-templates').open).toBe(true);
  expect(document.activeElement).toBe($('alert-name'));
  set('alert-value', '800');
  set('alert-rearm-every', '45');
  set('alert-rearm-unit', 'minutes', 'change');
  await clickAndWait('btn-alert-save', () => $('alert-form') === null, 'the save');
  expect(savedRules(server.calls)).toEqual([
    expect.objectContaining({
      id: 'a5',
      condition: { column: 'ms', op: '>', value: '800', selector: 'max' },
      destinations: ['d1', 'd2'],
      rearm: { mode: 'interval', minutes: 45 },
    }),
  ]);
  expect($$('alert-item').map((i) => $('alert-state', i).dataset.state)).toEqual(['ok', 'triggered']);
  expect(edit.isConnected).toBe(false);
  expect(document.activeElement).toBe($('btn-alert-edit', $$('alert-item')[0]));
  // Close gives the focus back to the button that opened the form.
  const second = $('btn-alert-edit', $$('alert-item')[1]);
  second.click();
  await until(() => $('alert-form') !== null, 'the form');
  $('btn-alert-cancel').click();
  expect($('alert-form')).toBeNull();
  expect(document.activeElement).toBe(second);
});

test('delete asks first; Cancel keeps the alert, Delete removes it and moves the focus to Add', async () => {
  const { server } = await openQuery({ listAlerts: [TRIGGERED, OK], deleteAlert: true });
  await clickAndWait('btn-alert-edit', () => $('alert-form') !== null, 'the form');
  $('btn-alert-delete').click();
  await until(() => $('confirm') !== null, 'the question');
  expect($('confirm').textContent).toContain('Delete the alert "Rows found"? It will stop notifying.');
  $('btn-confirm-no').click();
  await until(() => $('confirm') === null, 'the answer');
  expect(document.activeElement).toBe($('btn-alert-delete'));
  expect(server.calls.filter(([m]) => m === 'deleteAlert')).toEqual([]);
  $('btn-alert-delete').click();
  await until(() => $('confirm') !== null, 'the question');
  await clickAndWait('btn-confirm-yes', () => $('alert-form') === null, 'the delete');
  expect(server.calls.filter(([m]) => m === 'deleteAlert')).toEqual([['deleteAlert', { id: 'a1' }]]);
  expect($$('alert-item').map((i) => i.dataset.alertId)).toEqual(['a2']);
  expect($('alerts-status').textContent).toBe('Deleted alert "Rows found".');
  expect(document.activeElement).toBe($('btn-alert-add'));
});

test('Preview shows the triggered and recovered messages as the server renders them', async () => {
  const { server } = await openAddForm({
    previewAlertMessage: ({ kind, rule }) => ({
      title: kind === 'triggered' ? `Triggered: ${rule.name}` : `Recovered: ${rule.name}`,
      text: `${kind} text for ${rule.templates[kind] || 'default'}`,
      sample: true,
    }),
  });
  set('alert-name', 'Refunds');
  $<HTMLDetailsElement>('alert-templates').open = true;
  set('alert-template-recovered', 'OK again {{QUERY_NAME}}');
  expect($('alert-template-vars').textContent).toContain('{{QUERY_RESULT_VALUE}}');
  for (const name of [
    'ALERT_NAME',
    'ALERT_STATUS',
    'QUERY_NAME',
    'QUERY_URL',
    'QUERY_RESULT_COUNT',
    'QUERY_RESULT_TEXT',
    'ALERT_THRESHOLD',
  ])
    expect($('alert-template-vars').textContent).toContain(`{{${name}}}`);
  await clickAndWait('btn-alert-preview', () => $('alert-preview-triggered') !== null, 'the preview');
  const kinds = server.calls.filter(([m]) => m === 'previewAlertMessage').map(([, p]) => (p as { kind: string }).kind);
  expect(kinds.sort()).toEqual(['recovered', 'triggered']);
  expect($('alert-preview-title', $('alert-preview-triggered')).textContent).toBe('Triggered: Refunds');
  expect($('alert-preview-text', $('alert-preview-triggered')).textContent).toBe('triggered text for default');
  expect($('alert-preview-title', $('alert-preview-recovered')).textContent).toBe('Recovered: Refunds');
  expect($('alert-preview-text', $('alert-preview-recovered')).textContent).toBe(
    'recovered text for OK again {{QUERY_NAME}}',
  );
  expect($('alert-preview-sample').textContent).toContain('sample rows');
});

/** What Tab reaches, in order: enabled native controls not hidden (nor inside a closed details, but its summary). */
function tabOrder(root: HTMLElement): HTMLElement[] {
  const candidates = [...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')];
  return candidates.filter((el) => {
    if ((el as HTMLButtonElement).disabled || el.getAttribute('tabindex') === '-1') return false;
    if (el.closest('[hidden]')) return false;
    const details = el.parentElement?.closest('details');
    return !details || details.open || el.parentElement === details;
  });
}

/** A control's accessible name as a screen reader would find it: aria-label, its label, or its text. */
function nameOf(el: HTMLElement): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  const labelled = (el as HTMLInputElement).labels?.[0] ?? el.closest('label');
  if (labelled) return labelled.textContent ?? '';
  return el.textContent ?? '';
}

test('keyboard only: Tab reaches every control of the form in order, each named, none a div', async () => {
  await openAddForm();
  set('alert-selector', 'max', 'change');
  set('alert-rearm-mode', 'interval', 'change');
  $<HTMLDetailsElement>('alert-templates').open = true;
  const order = tabOrder($('alert-form')).map((el) => el.dataset.testid ?? el.tagName.toLowerCase());
  expect(order).toEqual([
    'alert-name',
    'alert-selector',
    'alert-column',
    'alert-op',
    'alert-value',
    'alert-dest-d1',
    'alert-dest-d2',
    'alert-pending',
    'alert-rearm-mode',
    'alert-rearm-every',
    'alert-rearm-unit',
    'alert-notify-recovery',
    'alert-notify-unknown',
    'alert-muted',
    'summary',
    'alert-template-triggered',
    'alert-template-recovered',
    'btn-alert-preview',
    'btn-alert-save',
    'btn-alert-cancel',
  ]);
  for (const el of tabOrder($('alert-form'))) expect(nameOf(el).trim()).not.toBe('');
  // Groups have legends; nothing clickable is a div or span.
  for (const fieldset of $('alert-form').querySelectorAll('fieldset'))
    expect(fieldset.querySelector('legend')?.textContent).toBeTruthy();
  expect($('alert-form').querySelectorAll('div[onclick], span[onclick], [role=button]')).toHaveLength(0);
  // The section itself: the one-click check, Add, the alerts' Edit buttons and the history button.
  const section = tabOrder($('alerts-section')).map((el) => el.dataset.testid);
  expect(section.slice(0, 2)).toEqual(['btn-alert-rows-check', 'btn-alert-add']);
  expect(section.at(-1)).toBe('btn-alert-history');
  // Enter / Space on a native button is a click: the whole flow works from the keyboard.
  $('alert-name').focus();
  set('alert-name', 'By keyboard');
  $('alert-dest-d1').click();
  $('btn-alert-save').focus();
  await clickAndWait('btn-alert-save', () => $('alert-form') === null, 'the save');
  expect(document.activeElement?.getAttribute('data-testid')).toBe('btn-alert-edit');
});
