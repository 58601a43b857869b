/**
 * Alert destinations managed from the sidebar's API, through the built bundle in the local Apps
 * Script runtime, with the local receiver playing Slack: the owner saves a Slack webhook, lists it
 * masked, and "Send test" posts valid Block Kit (the receiver checks it); a mask sent with a new
 * target is refused before any call, so the stored secret never goes elsewhere; a second user
 * cannot change or delete, and is answered in Japanese. No database: the same on every engine.
 */
import { type Receiver, startReceiver } from '../../emulator/src/http/receiver';
import type { AppsScriptRuntime, RuntimeOptions } from '../../emulator/src/runtime';
import type { DestinationView, TestDestinationView } from '../../src/shared/api-types';
import type { ApiAnswer } from '../helpers/api';
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';

const OWNER = 'owner@example.com';
const MEMBER = 'member@example.com';
const MASK = '••••••••';
const SECRET = 'x9SECRETwebhookPART';
const SLACK_URL = `https://hooks.slack.com/services/T0001/B0001/${SECRET}`;
const OTHER_URL = 'https://hooks.slack.com/services/T0009/B0009/someoneElses';
const BOT_TOKEN = `xoxb-1-${SECRET}`;

let receiver: Receiver;
let answers: unknown[];

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  disposeRuntimes();
  await receiver.stop();
});
beforeEach(async () => {
  await receiver.reset();
  answers = [];
});

function runtime(spreadsheet: RuntimeOptions['spreadsheet'] = { owner: OWNER }): AppsScriptRuntime {
  const hostMap = { 'https://hooks.slack.com': receiver.origin, 'https://slack.com': receiver.origin };
  const rt = bundleRuntime({ spreadsheet, user: { email: OWNER }, urlFetch: { hostMap } });
  rt.clock.freeze(Date.parse('2030-01-01T08:00:00Z'));
  return rt;
}

/** The sidebar API as `email`, in `locale`; every answer is kept to check that no secret is in one. */
function as<T = unknown>(
  rt: AppsScriptRuntime,
  email: string,
  method: string,
  payload?: unknown,
  locale = 'en',
): ApiAnswer<T> {
  const args = payload === undefined ? [method] : [method, payload];
  const bridged = rt.scriptRun('sheetdashApi', args, { user: { email, locale } });
  if (!bridged.ok) throw new Error(`google.script.run failed: ${bridged.error.message}`);
  answers.push(bridged.value);
  return bridged.value as ApiAnswer<T>;
}

function value<T>(answer: ApiAnswer<T>): T {
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/** What any user could see: every answer, every execution's log, every sheet's cells. */
function visible(rt: AppsScriptRuntime): string {
  const logs = rt.executions.flatMap((e) => e.logs);
  const sheets = rt.spreadsheet
    ._sheetNames()
    .map((name) => JSON.stringify(rt.spreadsheet._sheetValues(name)))
    .join('\n');
  return `${JSON.stringify(answers)}\n${logs.join('\n')}\n${sheets}`;
}

function saveSlack(rt: AppsScriptRuntime): DestinationView {
  const input = { name: 'Data alerts', kind: 'slack-webhook', options: { url: SLACK_URL } };
  return value(as<DestinationView>(rt, OWNER, 'saveDestination', input));
}

describe('destinations from the sidebar', () => {
  it('lists the kinds with their fields, labels in the user language and secrets marked', () => {
    const rt = runtime();
    const kinds = value(
      as<{ id: string; label: string; fields: { name: string; secret?: boolean }[] }[]>(
        rt,
        OWNER,
        'listDestinationKinds',
      ),
    );
    expect(kinds.map((k) => k.id)).toEqual(['slack-webhook', 'slack-bot', 'google-chat', 'webhook', 'email']);
    const bot = kinds.find((k) => k.id === 'slack-bot');
    expect(bot?.fields.map((f) => [f.name, f.secret === true])).toEqual([
      ['channel', false],
      ['token', true],
    ]);
    expect(JSON.stringify(bot)).not.toContain('target');
    const ja = value(as<{ id: string; label: string }[]>(rt, OWNER, 'listDestinationKinds', undefined, 'ja'));
    expect(ja.find((k) => k.id === 'email')?.label).toBe('メール');
  });

  it('saves a Slack webhook, lists it masked, and Send test posts valid Block Kit to it', async () => {
    const rt = runtime();
    const saved = saveSlack(rt);
    expect(saved).toMatchObject({
      name: 'Data alerts',
      kind: 'slack-webhook',
      kindLabel: 'Slack (incoming webhook)',
      options: { url: MASK },
      managedBy: [OWNER],
      canManage: true,
    });
    expect(value(as<DestinationView[]>(rt, MEMBER, 'listDestinations'))).toEqual([{ ...saved, canManage: false }]);

    const tested = value(as<TestDestinationView>(rt, MEMBER, 'sendTestDestination', { id: saved.id }));
    expect(tested).toEqual({ ok: true, outcome: { status: 'delivered', attempts: 1 }, message: 'Delivered' });
    const [request] = await receiver.requests();
    expect(request.path).toBe(`/services/T0001/B0001/${SECRET}`);
    const [message] = await receiver.slackMessages();
    // The receiver answers invalid_blocks to a payload Slack would refuse, so delivered means valid.
    expect(message).toMatchObject({ via: 'webhook', channel: `webhook:/services/T0001/B0001/${SECRET}` });
    const blocks = message.blocks as { type: string; text?: { text: string } }[];
    expect(blocks[0].type).toBe('header');
    expect(blocks[0].text?.text).toContain('Sheetdash test alert');
    expect(JSON.stringify(blocks)).toContain('```');

    // The form, as it is (mask kept for the same URL), is tested too, and nothing is saved.
    const before = JSON.stringify(rt.base.properties._allValues());
    const form = { id: saved.id, kind: 'slack-webhook', options: { url: MASK } };
    expect(value(as<TestDestinationView>(rt, OWNER, 'sendTestDestination', form))).toMatchObject({ ok: true });
    expect(await receiver.requests()).toHaveLength(2);
    expect(JSON.stringify(rt.base.properties._allValues())).toBe(before);
    expect(visible(rt)).not.toContain(SECRET);
  });

  it('keeps the saved URL when the mask comes back, and drops the token when the channel changes', async () => {
    const rt = runtime();
    const saved = saveSlack(rt);
    const renamed = { id: saved.id, name: 'Renamed', kind: 'slack-webhook', options: { url: MASK } };
    expect(value(as<DestinationView>(rt, OWNER, 'saveDestination', renamed))).toMatchObject({ name: 'Renamed' });
    value(as(rt, OWNER, 'sendTestDestination', { id: saved.id }));
    expect((await receiver.requests())[0].path).toBe(`/services/T0001/B0001/${SECRET}`);

    const bot = value(
      as<DestinationView>(rt, OWNER, 'saveDestination', {
        name: 'Bot',
        kind: 'slack-bot',
        options: { channel: 'C0123ABCD', token: BOT_TOKEN },
      }),
    );
    expect(bot.options).toEqual({ channel: 'C0123ABCD', token: MASK });
    await receiver.reset();
    // A new channel with the masked token: refused, before any call, for a test and a save alike.
    const moved = { id: bot.id, kind: 'slack-bot', options: { channel: 'C0999ZZZZ', token: MASK } };
    const reentry = /^Where messages go changed \(Channel ID\), so the saved secrets will not be sent there\./;
    expect(as(rt, OWNER, 'sendTestDestination', moved)).toMatchObject({
      ok: false,
      error: expect.stringMatching(reentry),
    });
    expect(as(rt, OWNER, 'saveDestination', { ...moved, name: 'Bot' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(reentry),
    });
    expect(await receiver.requests()).toEqual([]);
    // The stored destination is unchanged and still works.
    expect(value(as<TestDestinationView>(rt, OWNER, 'sendTestDestination', { id: bot.id }))).toMatchObject({
      ok: true,
    });
    const [posted] = await receiver.slackMessages();
    expect(posted).toMatchObject({ via: 'api', channel: 'C0123ABCD' });
    expect(visible(rt)).not.toContain(SECRET);
  });

  it('sends a newly typed Slack URL as typed, never the stored one (the secret is the URL)', async () => {
    const rt = runtime();
    const saved = saveSlack(rt);
    const typed = { id: saved.id, kind: 'slack-webhook', options: { url: OTHER_URL } };
    value(as(rt, OWNER, 'sendTestDestination', typed));
    expect((await receiver.requests()).map((r) => r.path)).toEqual(['/services/T0009/B0009/someoneElses']);
    expect(visible(rt)).not.toContain(SECRET);
  });

  it('refuses a new webhook URL sent with the masked secret header: the secret is never sent to it', async () => {
    const rt = runtime();
    const options = { url: 'https://hooks.slack.com/generic/a', headerName: 'X-Check', headerValue: SECRET };
    const hook = value(as<DestinationView>(rt, OWNER, 'saveDestination', { name: 'Hook', kind: 'webhook', options }));
    expect(hook.options).toEqual({
      url: 'https://hooks.slack.com/generic/a',
      headerName: 'X-Check',
      headerValue: MASK,
    });
    const moved = { ...hook.options, url: 'https://hooks.slack.com/generic/b' };
    const refused = as(rt, OWNER, 'sendTestDestination', { id: hook.id, kind: 'webhook', options: moved });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('(URL (https://))') });
    expect(
      as(rt, OWNER, 'saveDestination', { id: hook.id, name: 'Hook', kind: 'webhook', options: moved }),
    ).toMatchObject({
      ok: false,
    });
    expect(await receiver.requests()).toEqual([]);
    // Unchanged, the stored secret header is sent to the stored URL only.
    value(as(rt, OWNER, 'sendTestDestination', { id: hook.id, kind: 'webhook', options: hook.options }));
    const [request] = await receiver.requests();
    expect([request.path, request.headers['x-check']]).toEqual(['/generic/a', SECRET]);
    expect(visible(rt)).not.toContain(SECRET);
  });

  it('says what is wrong with a form before sending, and refuses a host outside the allowlist', async () => {
    const rt = runtime();
    const form = { kind: 'slack-webhook', options: { url: 'https://example.com/hook' } };
    const tested = value(as<TestDestinationView>(rt, OWNER, 'sendTestDestination', form));
    expect(tested).toMatchObject({ ok: false, outcome: { status: 'failed', problem: { code: 'invalid-config' } } });
    expect(tested.message).toMatch(/starts with https:\/\/hooks\.slack\.com\/services\//);
    const hook = { name: 'Hook', kind: 'webhook', options: { url: 'https://hooks.example.org/in' } };
    expect(as(rt, OWNER, 'saveDestination', hook)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Apps Script refuses to send to hooks\.example\.org/),
    });
    expect(as(rt, OWNER, 'saveDestination', { ...form, name: ' ' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Fill in "Name"\./),
    });
    expect(await receiver.requests()).toEqual([]);
    expect(value(as<DestinationView[]>(rt, OWNER, 'listDestinations'))).toEqual([]);
  });

  it('lets only the owner or the creator change or delete; a member is told who, in Japanese too', () => {
    const rt = runtime();
    const saved = saveSlack(rt);
    const before = JSON.stringify(rt.base.properties._allValues());
    const edit = { id: saved.id, name: 'Mine now', kind: 'slack-webhook', options: { url: OTHER_URL } };
    const refusal = `Only ${OWNER} can change or delete the destination "Data alerts". Ask them to make the change; you can still send a test to it.`;
    expect(as(rt, MEMBER, 'saveDestination', edit)).toEqual({ ok: false, error: refusal });
    expect(as(rt, MEMBER, 'deleteDestination', { id: saved.id })).toEqual({ ok: false, error: refusal });
    expect(as(rt, MEMBER, 'saveDestination', { ...edit, id: undefined })).toEqual({
      ok: false,
      error: `Only the spreadsheet's owner (${OWNER}) can add destinations. Ask them to add it; everyone can then send a test to it.`,
    });
    expect(as(rt, MEMBER, 'deleteDestination', { id: saved.id }, 'ja')).toEqual({
      ok: false,
      error: `送信先「Data alerts」を変更・削除できるのは ${OWNER} だけです。変更を依頼してください。テスト送信はそのままできます。`,
    });
    expect(JSON.stringify(rt.base.properties._allValues())).toBe(before);

    expect(as(rt, OWNER, 'deleteDestination', { id: saved.id })).toEqual({ ok: true, value: true });
    expect(value(as<DestinationView[]>(rt, OWNER, 'listDestinations'))).toEqual([]);
    expect(as(rt, OWNER, 'sendTestDestination', { id: saved.id })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^No destination "/),
    });
  });

  it('in a shared drive, a member manages the destination they created and no other', () => {
    const rt = runtime({ owner: OWNER, sharedDrive: true });
    const input = { name: 'Member hook', kind: 'slack-webhook', options: { url: OTHER_URL } };
    const mine = value(as<DestinationView>(rt, MEMBER, 'saveDestination', input));
    expect(mine).toMatchObject({ managedBy: [MEMBER], canManage: true });
    expect(as(rt, 'third@example.com', 'deleteDestination', { id: mine.id })).toMatchObject({
      ok: false,
      error: expect.stringContaining(`Only ${MEMBER} can`),
    });
    expect(as(rt, '', 'saveDestination', input)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Google does not give Sheetdash your e-mail address here/),
    });
    expect(as(rt, MEMBER, 'deleteDestination', { id: mine.id })).toEqual({ ok: true, value: true });
  });

  it('answers Send test in Japanese', () => {
    const rt = runtime();
    const saved = saveSlack(rt);
    const tested = value(as<TestDestinationView>(rt, MEMBER, 'sendTestDestination', { id: saved.id }, 'ja'));
    expect(tested.message).toBe('送信しました');
  });
});
