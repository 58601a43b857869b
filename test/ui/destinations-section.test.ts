/**
 * @jest-environment jsdom
 *
 * The Destinations section of the sidebar: it lists what the server answers (masked), adds a
 * destination with the kind's fields, sends a test of a stored destination and of the form as it
 * is (nothing saved) and shows the outcome; editing where messages go clears the masked secret;
 * a user who does not manage a destination sees it read-only, without Delete.
 */
import type { DestinationKindView, DestinationView, TestDestinationView } from '../../src/shared/api-types';
import { setLang } from '../../src/ui/client/i18n';
import { createDestinationsSection } from '../../src/ui/client/views/destinations';
import { type FakeHandlers, installFakeServer } from '../helpers/fake-script-run';

const MASK = '••••••••';
const KINDS: DestinationKindView[] = [
  {
    id: 'slack-webhook',
    label: 'Slack (incoming webhook)',
    fields: [{ name: 'url', label: 'Webhook URL', type: 'password', required: true, secret: true }],
  },
  {
    id: 'webhook',
    label: 'Webhook (JSON)',
    fields: [
      { name: 'url', label: 'URL (https://)', type: 'text', required: true },
      { name: 'headerName', label: 'Secret header name', type: 'text' },
      { name: 'headerValue', label: 'Secret header value', type: 'password', secret: true },
    ],
  },
];
const SLACK: DestinationView = {
  id: 'd1',
  name: 'Data alerts',
  kind: 'slack-webhook',
  kindLabel: 'Slack (incoming webhook)',
  options: { url: MASK },
  managedBy: ['owner@example.com'],
  canManage: true,
};
const HOOK: DestinationView = {
  id: 'd2',
  name: 'Ops hook',
  kind: 'webhook',
  kindLabel: 'Webhook (JSON)',
  options: { url: 'https://hooks.slack.com/generic/a', headerName: 'X-Check', headerValue: MASK },
  managedBy: ['owner@example.com'],
  canManage: false,
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));
const $ = <T extends HTMLElement>(testid: string, root: ParentNode = document) =>
  root.querySelector(`[data-testid=${testid}]`) as T;
const items = () => [...document.querySelectorAll<HTMLElement>('[data-testid=dest-item]')];

async function mount(destinations: DestinationView[], answers: FakeHandlers = {}) {
  const { calls } = installFakeServer({ listDestinationKinds: KINDS, listDestinations: destinations, ...answers });
  const errors: (string | null)[] = [];
  const section = createDestinationsSection({ showError: (m) => errors.push(m) });
  document.body.appendChild(section.element);
  await section.load();
  return { calls, errors };
}

afterEach(() => document.body.replaceChildren());

test('lists the destinations with their kind and who manages them; an empty list says so', async () => {
  await mount([SLACK, HOOK]);
  expect(items().map((li) => li.textContent)).toEqual([
    expect.stringContaining('Data alertsSlack (incoming webhook)Managed by owner@example.com'),
    expect.stringContaining('Ops hookWebhook (JSON)Managed by owner@example.com'),
  ]);
  expect(items().map((li) => $('btn-dest-delete', li) !== null)).toEqual([true, false]);
  expect($('btn-dest-edit', items()[1]).textContent).toBe('View');
  expect($('btn-dest-test-item', items()[0]).getAttribute('aria-label')).toBe('Send test to "Data alerts"');
  document.body.replaceChildren();
  await mount([]);
  expect($('dest-list').textContent).toBe('No destination yet.');
});

test('adds a Slack webhook from the form: fields of the kind, labelled, sent as typed', async () => {
  const { calls } = await mount([], { saveDestination: SLACK });
  $('btn-dest-add').click();
  const url = $<HTMLInputElement>('dest-field-url');
  expect(url.type).toBe('password');
  expect(url.closest('label')?.textContent).toContain('Webhook URL *');
  $<HTMLInputElement>('dest-name').value = 'Data alerts';
  url.value = 'https://hooks.slack.com/services/T1/B1/abc';
  $('btn-dest-save').click();
  await flush();
  expect(calls.filter(([m]) => m === 'saveDestination')).toEqual([
    [
      'saveDestination',
      { name: 'Data alerts', kind: 'slack-webhook', options: { url: 'https://hooks.slack.com/services/T1/B1/abc' } },
    ],
  ]);
  expect(calls.filter(([m]) => m === 'listDestinations')).toHaveLength(2);
  expect(document.querySelector('[data-testid=dest-form] .success')?.textContent).toBe('Saved "Data alerts".');
});

test('Send test of a stored destination shows the outcome; a failure shows why', async () => {
  const delivered: TestDestinationView = {
    ok: true,
    outcome: { status: 'delivered', attempts: 1 },
    message: 'Delivered',
  };
  const { calls } = await mount([SLACK], { sendTestDestination: delivered });
  $('btn-dest-test-item').click();
  await flush();
  expect(calls.at(-1)).toEqual(['sendTestDestination', { id: 'd1' }]);
  const line = $('dest-test-result', items()[0]);
  expect(line.textContent).toBe('Delivered: a sample message was sent. Check that it arrived.');
  expect(line.className).toBe('success');
  expect(line.parentElement?.getAttribute('role')).toBe('status');

  document.body.replaceChildren();
  await mount([SLACK], {});
  $('btn-dest-test-item').click();
  await flush();
  expect($('dest-test-result').textContent).toBe('no fake answer for sendTestDestination');
  expect($('dest-test-result').className).toBe('error');
});

test('editing the URL clears the masked header secret; Send test sends the form and saves nothing', async () => {
  const failed: TestDestinationView = {
    ok: false,
    outcome: { status: 'failed', attempts: 1, problem: { code: 'http-error', httpStatus: 404 } },
    message: 'Not delivered: the service refused the message (HTTP 404).',
  };
  const { calls } = await mount([{ ...HOOK, canManage: true }], { sendTestDestination: failed });
  $('btn-dest-edit').click();
  const secret = $<HTMLInputElement>('dest-field-headerValue');
  expect(secret.value).toBe(MASK);
  expect($('dest-secret-kept').hidden).toBe(false);
  const url = $<HTMLInputElement>('dest-field-url');
  url.value = 'https://hooks.slack.com/generic/a';
  url.dispatchEvent(new Event('input'));
  expect(secret.value).toBe(MASK);
  url.value = 'https://hooks.slack.com/generic/b';
  url.dispatchEvent(new Event('input'));
  expect(secret.value).toBe('');
  expect($('dest-secret-cleared').hidden).toBe(false);
  expect($('dest-secret-kept').hidden).toBe(true);
  $('btn-dest-test').click();
  await flush();
  const options = { url: 'https://hooks.slack.com/generic/b', headerName: 'X-Check', headerValue: '' };
  expect(calls.at(-1)).toEqual(['sendTestDestination', { id: 'd2', kind: 'webhook', options }]);
  expect(calls.some(([m]) => m === 'saveDestination')).toBe(false);
  expect($('dest-test-result', $('dest-form')).textContent).toBe(failed.message);
});

test('a user who does not manage the destination sees it read-only and can still send a test', async () => {
  await mount([HOOK]);
  $('btn-dest-edit').click();
  expect($('dest-read-only').textContent).toBe(
    'Only owner@example.com can change this destination. You can send a test to it.',
  );
  expect($<HTMLInputElement>('dest-field-url').disabled).toBe(true);
  expect($<HTMLInputElement>('dest-name').disabled).toBe(true);
  expect($<HTMLSelectElement>('dest-kind').disabled).toBe(true);
  expect($('btn-dest-save').hidden).toBe(true);
  expect($<HTMLButtonElement>('btn-dest-test').disabled).toBe(false);
});

test('delete asks first, then deletes and lists again', async () => {
  const { calls } = await mount([SLACK], { deleteDestination: true });
  $('btn-dest-delete').click();
  await flush();
  expect($('confirm').textContent).toContain('Delete the destination "Data alerts"? Alerts stop sending to it.');
  expect(calls.some(([m]) => m === 'deleteDestination')).toBe(false);
  $('btn-confirm-yes').click();
  await flush();
  expect(calls.filter(([m]) => m === 'deleteDestination')).toEqual([['deleteDestination', { id: 'd1' }]]);
  expect(calls.filter(([m]) => m === 'listDestinations')).toHaveLength(2);
});

test('speaks Japanese to a Japanese user', async () => {
  setLang('ja');
  try {
    const delivered: TestDestinationView = {
      ok: true,
      outcome: { status: 'delivered', attempts: 1 },
      message: '送信しました',
    };
    await mount([{ ...SLACK, canManage: false }], { sendTestDestination: delivered });
    expect($('dest-section').querySelector('h2')?.textContent).toBe('アラートの送信先');
    expect($('btn-dest-edit').textContent).toBe('表示');
    $('btn-dest-test-item').click();
    await flush();
    expect($('dest-test-result').textContent).toBe(
      '送信しました: サンプルメッセージを送りました。届いたか確認してください。',
    );
  } finally {
    setLang('en');
  }
});
