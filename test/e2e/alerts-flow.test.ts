/**
 * Check-query alerts end to end, through the built bundle in the local runtime with the virtual
 * clock, on every enabled engine: a check query that finds 10 bad rows triggers its alert from a
 * sidebar run and from a scheduled tick, the message reaches the receiver's Slack, fixing the
 * data posts the recovery in the same thread (the original message updated), and the run log,
 * the library and the run's answer show the check's state (never a plain OK when triggered).
 */
import { useReceiver } from '../helpers/receiver';
import { api } from '../helpers/api';
import {
  alertSetup,
  createAccounts,
  historyRows,
  rowsCheck,
  SLACK_CHANNEL,
  setBadRows,
  slackBot,
  slackWebhook,
  tick,
} from '../helpers/alerts';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';

const receiver = useReceiver();
beforeEach(async () => {
  await receiver.reset();
});

describe.each(enabledEngines().map((e) => [e.name, e] as const))('alerts on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    createAccounts(db, 'accounts');
  });
  afterAll(() => db?.drop());

  it('triggers on 10 bad rows from a sidebar run, and recovers in the same Slack thread', async () => {
    setBadRows(db, 'accounts', 10);
    const { rt, queryId } = alertSetup(db, 'accounts', receiver);
    const bot = slackBot(rt);
    const alert = rowsCheck(rt, queryId, [bot.id]);
    expect(alert.name).toBe('Negative balances: returns rows');
    expect(alert.status).toMatchObject({ state: 'unknown', text: 'Not evaluated yet', undelivered: 0 });

    const run = api(rt, 'runQuery', { id: queryId });
    expect(run.ok).toBe(true);
    expect(run.rows).toBe(10);
    expect(run.check).toEqual({ state: 'triggered', alerts: 1, triggered: 1, text: 'Triggered: 10 (count > 0)' });

    const [message, ...more] = await receiver.slackMessages();
    expect(more).toHaveLength(0);
    expect(message).toMatchObject({ via: 'api', channel: SLACK_CHANNEL, thread_ts: null, edited: false });
    expect(message.text).toContain('Triggered: Negative balances: returns rows');
    expect(JSON.stringify(message.blocks)).toContain('-10');

    const [logged] = api(rt, 'listRecentRuns');
    expect(logged.outcome).toBe('ok');
    expect(logged.check).toEqual({ state: 'triggered', text: 'Triggered: 10 (count > 0)' });
    const [summary] = api(rt, 'listQueries', {});
    expect(summary.check).toMatchObject({ state: 'triggered', alerts: 1, triggered: 1 });
    const [listed] = api(rt, 'listAlerts', { queryId });
    expect(listed.status).toMatchObject({ state: 'triggered', value: 10, undelivered: 0 });

    // Still bad: no second message (rearm "once").
    api(rt, 'runQuery', { id: queryId });
    expect(await receiver.slackMessages()).toHaveLength(1);

    setBadRows(db, 'accounts', 0);
    rt.clock.advance(60_000);
    const fixed = api(rt, 'runQuery', { id: queryId });
    expect(fixed.check).toMatchObject({ state: 'ok', text: 'OK: 0 (count > 0)' });
    const messages = await receiver.slackMessages();
    expect(messages).toHaveLength(2);
    const [original, recovery] = messages;
    expect(recovery.thread_ts).toBe(original.ts);
    expect(recovery.text).toContain('Recovered: Negative balances: returns rows');
    expect(original.edited).toBe(true);

    // A new episode starts a new thread.
    setBadRows(db, 'accounts', 10);
    api(rt, 'runQuery', { id: queryId });
    const third = (await receiver.slackMessages())[2];
    expect(third).toMatchObject({ thread_ts: null, text: expect.stringContaining('Triggered') });
    setBadRows(db, 'accounts', 0);
    api(rt, 'runQuery', { id: queryId });
    expect((await receiver.slackMessages())[3].thread_ts).toBe(third.ts);

    const history = historyRows(rt);
    expect(history[0]).toEqual(expect.arrayContaining(['When', 'Alert', 'Old state', 'New state', 'Delivery codes']));
    const codes = history.slice(1).map((row) => [row[4], row[5], row[7], row[8]]);
    expect(codes).toEqual([
      ['unknown', 'triggered', 'triggered', `${bot.id}=delivered`],
      ['triggered', 'ok', 'recovered', `${bot.id}=delivered`],
      ['ok', 'triggered', 'triggered', `${bot.id}=delivered`],
      ['triggered', 'ok', 'recovered', `${bot.id}=delivered`],
    ]);
    expect(rt.spreadsheet._sheetNames().some((n) => n === 'Sheetdash alert history')).toBe(true);
  });

  it('evaluates on every scheduled run: one message per change of state, to a Slack webhook', async () => {
    setBadRows(db, 'accounts', 10);
    const { rt, queryId } = alertSetup(db, 'accounts', receiver, { scheduled: true });
    const hook = slackWebhook(rt);
    rowsCheck(rt, queryId, [hook.id]);
    expect(tick(rt).error).toBeUndefined();
    expect(await receiver.slackMessages()).toHaveLength(1);
    expect(tick(rt).error).toBeUndefined();
    expect(await receiver.slackMessages()).toHaveLength(1);
    setBadRows(db, 'accounts', 0);
    tick(rt);
    const messages = await receiver.slackMessages();
    expect(messages.map((m) => m.text.split('\n')[0])).toEqual([
      expect.stringContaining('Triggered'),
      expect.stringContaining('Recovered'),
    ]);
    const [logged] = api(rt, 'listRecentRuns');
    expect(logged.check?.state).toBe('ok');
  });
});
