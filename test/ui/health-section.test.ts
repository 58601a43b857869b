/**
 * @jest-environment jsdom
 *
 * The Health scores section of the sidebar: "Set up health scores / Repair" calls setupHealth and
 * shows its report with a link to the Health tab; the band alerts' settings load from the server
 * (destinations as labelled checkboxes), are saved as changed, a bad drop is refused before any
 * call; Japanese labels; every control has a label.
 */
import type { DestinationView, HealthAlertSettings } from '../../src/shared/api-types';
import { setLang } from '../../src/ui/client/i18n';
import { createHealthSection } from '../../src/ui/client/views/health-section';
import { type FakeHandlers, installFakeServer } from '../helpers/fake-script-run';

const dest = (id: string, name: string): DestinationView => ({
  id,
  name,
  kind: 'slack-bot',
  kindLabel: 'Slack (bot token)',
  options: {},
  managedBy: ['owner@example.com'],
  canManage: true,
});
const SETTINGS: HealthAlertSettings = { enabled: true, muted: false, dropPoints: 15, destinations: ['d2'] };

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));
const $ = <T extends HTMLElement>(testid: string) => document.querySelector(`[data-testid=${testid}]`) as T;
const $$ = <T extends HTMLElement>(testid: string) => [...document.querySelectorAll<T>(`[data-testid=${testid}]`)];

async function mount(answers: FakeHandlers = {}) {
  const { calls } = installFakeServer({
    getHealthAlerts: SETTINGS,
    listDestinations: [dest('d1', 'Ops hook'), dest('d2', 'Demo Slack')],
    saveHealthAlerts: (p) => p,
    ...answers,
  });
  const errors: (string | null)[] = [];
  const section = createHealthSection({ showError: (m) => errors.push(m) });
  document.body.appendChild(section.element);
  await section.load();
  return { calls, errors };
}

afterEach(() => {
  document.body.replaceChildren();
  setLang('en');
});

test('set up / repair calls setupHealth and shows its report and the Health tab link', async () => {
  const { calls } = await mount({
    setupHealth: {
      created: ['Health'],
      repaired: [],
      problems: [],
      message: 'Created: Health.',
      healthUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=7',
      inputsQueryId: null,
    },
  });
  const button = $<HTMLButtonElement>('btn-health-setup');
  expect(button.textContent).toBe('Set up health scores / Repair');
  button.click();
  expect(button.disabled).toBe(true);
  await flush();
  expect(calls.filter(([m]) => m === 'setupHealth')).toEqual([['setupHealth', undefined]]);
  expect($('health-report-text').textContent).toBe('Created: Health.');
  expect($<HTMLAnchorElement>('health-open').href).toContain('#gid=7');
  expect($('health-report').getAttribute('role')).toBe('status');
  expect(button.disabled).toBe(false);
});

test('a failed setup shows the error and no report', async () => {
  const { errors } = await mount();
  $('btn-health-setup').click();
  await flush();
  expect(errors.at(-1)).toBe('no fake answer for setupHealth');
  expect($('health-report').textContent).toBe('');
});

test('band alert settings load, change and save; destinations are labelled checkboxes', async () => {
  const { calls } = await mount();
  expect($<HTMLInputElement>('health-alerts-enabled').checked).toBe(true);
  expect($<HTMLInputElement>('health-alerts-muted').checked).toBe(false);
  expect($<HTMLInputElement>('health-alerts-drop').value).toBe('15');
  // When band alerts are judged: after the day's inputs run.
  expect($('health-alerts-when').textContent).toMatch(
    /^Judged once a day, .* after that day’s run of the health inputs/,
  );
  const boxes = $$<HTMLInputElement>('health-alerts-destination');
  expect(boxes.map((b) => [document.querySelector(`label[for="${b.id}"]`)?.textContent, b.checked])).toEqual([
    ['Ops hook', false],
    ['Demo Slack', true],
  ]);
  // Every input has its label.
  for (const input of document.querySelectorAll('input'))
    expect(document.querySelector(`label[for="${input.id}"]`)).not.toBeNull();

  boxes[0].click();
  boxes[1].click();
  $<HTMLInputElement>('health-alerts-muted').click();
  $<HTMLInputElement>('health-alerts-drop').value = '20';
  $('btn-health-alerts-save').click();
  await flush();
  expect(calls.filter(([m]) => m === 'saveHealthAlerts')).toEqual([
    ['saveHealthAlerts', { enabled: true, muted: true, dropPoints: 20, destinations: ['d1'] }],
  ]);
  expect($('health-alerts-saved').textContent).toBe('Saved.');
});

test('a drop that is not a number from 0 to 100 is refused before any call', async () => {
  const { calls, errors } = await mount();
  const drop = $<HTMLInputElement>('health-alerts-drop');
  drop.value = '';
  $('btn-health-alerts-save').click();
  await flush();
  expect(errors.at(-1)).toBe('The drop must be a number from 0 to 100.');
  expect(document.activeElement).toBe(drop);
  expect(calls.some(([m]) => m === 'saveHealthAlerts')).toBe(false);
});

test('no destinations says where to add one; Japanese labels', async () => {
  setLang('ja');
  await mount({ listDestinations: [] });
  expect($('health-alerts-destinations').textContent).toContain('アラートの送信先');
  expect($('btn-health-setup').textContent).toBe('ヘルススコアを設定 / 修復');
  expect(document.querySelector('legend')?.textContent).toBe('帯のアラート');
  expect($('health-alerts-when').textContent).toContain('06:00');
  expect($('health-alerts-when').textContent).toContain('1 日 1 回');
});
