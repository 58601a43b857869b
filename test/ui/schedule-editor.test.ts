/**
 * @jest-environment jsdom
 *
 * The schedule editor and the scheduled-refreshes panel: every field has a label, the fields
 * shown follow the kind, edits become the canonical schedule text, a stored text is shown back,
 * problems are said in the user's language, and the panel says who owns the trigger and that
 * scheduled runs act as the owner when the viewer is someone else.
 */
import type { ApiMethodName, ScheduleStatusView } from '../../src/shared/api-types';
import type { AppContext } from '../../src/ui/client/context';
import { setLang } from '../../src/ui/client/i18n';
import { emptyDraft, hasUnsavedChanges, saveInput } from '../../src/ui/client/state';
import { describeSchedule, fieldsFromText, textFromFields } from '../../src/ui/client/schedule-form';
import { createScheduleEditor } from '../../src/ui/client/views/schedule-editor';
import { createScheduleStatus, statusLines } from '../../src/ui/client/views/schedule-status';

const $ = <T extends HTMLElement>(testid: string) => document.querySelector(`[data-testid=${testid}]`) as T;
const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

function mount(stored = '', timeZone = 'Asia/Tokyo') {
  const changes: string[] = [];
  const editor = createScheduleEditor((text) => changes.push(text));
  document.body.appendChild(editor.element);
  editor.fill(stored, timeZone);
  return { editor, changes };
}

function set(testid: string, value: string, event = 'input'): void {
  const input = $<HTMLInputElement | HTMLSelectElement>(testid);
  input.value = value;
  input.dispatchEvent(new Event(event));
}

afterEach(() => {
  document.body.replaceChildren();
  setLang('en');
});

test('every control has a label, and the weekdays are a fieldset with a legend', () => {
  mount('weekly on mon at 09:00');
  for (const testid of ['schedule-kind', 'schedule-time', 'schedule-every', 'schedule-until']) {
    const input = $(testid);
    const label = document.querySelector(`label[for="${input.id}"]`);
    expect(label?.textContent?.trim().length).toBeGreaterThan(0);
    expect(label?.contains(input)).toBe(true);
  }
  expect($('schedule-days').tagName).toBe('FIELDSET');
  expect($('schedule-days').querySelector('legend')?.textContent).toBe('Weekdays');
  const monday = $<HTMLInputElement>('schedule-day-mon');
  expect(monday.closest('label')?.textContent).toBe('Mon');
  expect(monday.checked).toBe(true);
  expect($('schedule-editor').tagName).toBe('DETAILS');
  expect($('schedule-summary').tagName).toBe('SUMMARY');
});

test('shows the fields of the chosen kind and turns edits into the canonical text', () => {
  const { changes } = mount('');
  expect($('schedule-summary').textContent).toBe('Schedule: Not scheduled');
  expect($('schedule-zone').textContent).toBe(
    'Times, weekdays and the end date are in the spreadsheet time zone (Asia/Tokyo).',
  );
  expect($('schedule-time').closest('label')?.hidden).toBe(true);
  set('schedule-kind', 'weekly', 'change');
  expect($('schedule-days').hidden).toBe(false);
  expect($('schedule-every').closest('label')?.hidden).toBe(true);
  $<HTMLInputElement>('schedule-day-fri').click();
  set('schedule-time', '07:30');
  set('schedule-until', '2031-03-31');
  expect(changes.at(-1)).toBe('weekly on mon, fri at 07:30 until 2031-03-31');
  expect($('schedule-summary').textContent).toBe('Schedule: Weekly on Mon, Fri at 07:30, until 2031-03-31');
  set('schedule-kind', 'hours', 'change');
  set('schedule-every', '6');
  expect(changes.at(-1)).toBe('every 6 hours until 2031-03-31');
  set('schedule-until', '');
  set('schedule-kind', 'off', 'change');
  expect(changes.at(-1)).toBe('');
  expect($('schedule-until').closest('label')?.hidden).toBe(true);
});

test('says what is wrong instead of making a schedule the server would refuse silently', () => {
  const { changes } = mount('weekly on wed at 09:00');
  $<HTMLInputElement>('schedule-day-wed').click();
  expect($('schedule-problem').textContent).toBe('Choose at least one weekday.');
  expect(changes.at(-1)).toBe('weekly on  at 09:00');
  set('schedule-kind', 'minutes', 'change');
  set('schedule-every', '0');
  expect($('schedule-problem').textContent).toBe('Enter whole minutes from 1 to 1440.');
  set('schedule-every', '30');
  expect($('schedule-problem').textContent).toBe('');
  const until = $<HTMLInputElement>('schedule-until');
  until.type = 'text'; // a browser without a date picker lets any text through
  set('schedule-until', '2030-02-30');
  expect($('schedule-problem').textContent).toBe('Enter the end date as YYYY-MM-DD, or leave it empty.');
  set('schedule-until', '');
  expect(changes.at(-1)).toBe('every 30 minutes');
});

test('shows a stored text in the form, and keeps a hand-written text it does not understand until edited', () => {
  const { changes } = mount('Every 2 Hours');
  expect($<HTMLSelectElement>('schedule-kind').value).toBe('hours');
  expect($<HTMLInputElement>('schedule-every').value).toBe('2');
  expect(changes).toEqual([]);
  document.body.replaceChildren();
  const second = mount('sometimes');
  expect($('schedule-problem').textContent).toBe('Schedule not understood: "sometimes". Choose one below and save.');
  expect(second.changes).toEqual([]);
});

test('speaks Japanese', () => {
  setLang('ja');
  mount('weekly on mon, thu at 09:00 until 2031-01-31');
  expect($('schedule-summary').textContent).toBe('スケジュール: 毎週 月・木 09:00(2031-01-31 まで)');
  expect($('schedule-days').querySelector('legend')?.textContent).toBe('曜日');
  expect(describeSchedule('every 15 minutes')).toBe('15 分ごと');
});

test('the form logic round-trips every kind', () => {
  for (const text of [
    '',
    'every 5 minutes',
    'every 3 hours',
    'daily at 00:15',
    'weekly on sat, sun at 22:00 until 2030-12-31',
  ]) {
    const fields = fieldsFromText(text);
    expect(fields && textFromFields(fields)).toBe(text);
  }
  expect(fieldsFromText('daily at 99:00')).toBeNull();
});

const STATUS: ScheduleStatusView = {
  mode: 'bound',
  tickMinutes: 5,
  installed: true,
  triggerFound: null,
  owner: 'owner@example.com',
  viewerIsOwner: false,
  installedAt: '2030-01-01T00:00:00.000Z',
  lastTick: { at: '2030-01-01T00:05:00.000Z', ran: 2, deferred: 1, busy: false, completed: true },
  nextTickAt: '2030-01-01T00:10:00.000Z',
  late: false,
};

const text = (lines: HTMLElement[]) => lines.map((l) => l.textContent ?? '');

test('the status panel tells another user that scheduled runs act as the owner', () => {
  const lines = text(statusLines(STATUS));
  expect(lines[0]).toMatch(/^Trigger installed by owner@example.com /);
  expect(lines[1]).toMatch(/^Bound script: the tick runs every 5 minutes/);
  expect(lines).toContain(
    'Scheduled runs act as owner@example.com, with their access to data sources and the spreadsheet. Only they can see or remove the trigger.',
  );
  expect(lines.some((l) => /^Last tick .*: 2 queries ran, 1 left for the next tick\.$/.test(l))).toBe(true);
  expect(lines.some((l) => l.startsWith('Next tick expected around '))).toBe(true);
  const mine = text(statusLines({ ...STATUS, viewerIsOwner: true, triggerFound: true }));
  expect(mine).toContain('The trigger exists (you own it).');
  expect(mine.some((l) => l.startsWith('Scheduled runs act as'))).toBe(false);
  const gone = text(statusLines({ ...STATUS, viewerIsOwner: true, triggerFound: false, late: true }));
  expect(gone).toContain('Your trigger is missing: turn scheduled refreshes on again.');
  expect(gone.some((l) => l.startsWith('The tick is late'))).toBe(true);
  expect(gone.some((l) => l.startsWith('Next tick'))).toBe(false);
  const addOff = text(statusLines({ ...STATUS, installed: false, mode: 'addOn', tickMinutes: 60 }));
  expect(addOff[0]).toMatch(/^Scheduled refreshes are off in this spreadsheet/);
  expect(addOff[1]).toMatch(/^Published add-on: the tick runs every 60 minutes/);
});

test('the panel loads the status and turns scheduled refreshes on', async () => {
  const calls: ApiMethodName[] = [];
  const answers: Partial<Record<ApiMethodName, unknown>> = {
    getScheduleStatus: { ...STATUS, installed: false },
    turnOnSchedule: { created: true, status: { ...STATUS, viewerIsOwner: true, triggerFound: true } },
  };
  const runner = (success: (v: unknown) => void): unknown => ({
    withSuccessHandler: (f: (v: unknown) => void) => runner(f),
    withFailureHandler: () => runner(success),
    sheetdashApi: (method: ApiMethodName) => {
      calls.push(method);
      setTimeout(() => success({ ok: true, value: answers[method] }), 0);
    },
  });
  (window as unknown as { google: unknown }).google = { script: { run: runner(() => undefined) } };
  const ctx = { showError: () => undefined } as unknown as AppContext;
  const panel = createScheduleStatus(ctx);
  document.body.appendChild(panel.element);
  await panel.load();
  expect($('tick-off')).not.toBeNull();
  $('btn-turn-on-schedule').click();
  await flush();
  expect(calls).toEqual(['getScheduleStatus', 'turnOnSchedule']);
  expect($('tick-note').textContent).toBe('Turned on: a new trigger was installed.');
  expect($('tick-found').textContent).toBe('The trigger exists (you own it).');
});

test('a changed schedule is an unsaved change', () => {
  const saved = { ...emptyDraft('ds1'), id: 'q1', name: 'Check', sql: 'SELECT 1', schedule: 'daily at 09:00' };
  expect(hasUnsavedChanges({ ...saved }, saved)).toBe(false);
  expect(hasUnsavedChanges({ ...saved, schedule: 'daily at 10:00' }, saved)).toBe(true);
  expect(saveInput({ ...saved, schedule: 'every 1 hour' }, {}).schedule).toBe('every 1 hour');
});
