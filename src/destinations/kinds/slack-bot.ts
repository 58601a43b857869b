/**
 * Slack bot token: chat.postMessage to a chosen channel with a bot token (secret). The first
 * message of an alert starts a thread; its recovery (or a re-notification) replies in that thread
 * (`thread_ts`) and the original message is updated (chat.update) to show that it recovered.
 * Slack's Web API answers errors with HTTP 200 and `ok: false`, so every answer is read.
 */
import { translate } from '../../core/i18n';
import { messageKind } from '../../alerts/message';
import { slackMessage } from '../../alerts/slack-blocks';
import { slackEscape } from '../../alerts/slack-text';
import { type AnswerReading, type DeliveryStep, type DestinationKind, jsonRequest, plainCode } from '../kind';

export const SLACK_API = 'https://slack.com/api/';

/** Slack Web API errors worth retrying: Slack's side, not the configuration. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

export const slackBotKind: DestinationKind = {
  id: 'slack-bot',
  label: { en: 'Slack (bot token)', ja: 'Slack(ボットトークン)' },
  fields: [
    { name: 'channel', label: { en: 'Channel ID', ja: 'チャンネル ID' }, type: 'text', required: true },
    {
      name: 'token',
      label: { en: 'Bot token (xoxb-…)', ja: 'ボットトークン(xoxb-…)' },
      type: 'password',
      required: true,
      secret: true,
    },
  ],
  validate(options) {
    const problems = [];
    const token = String(options.token ?? '').trim();
    if (token !== '' && !/^xoxb-[\w-]+$/.test(token)) problems.push({ key: 'dest.slackToken' as const, vars: {} });
    const channel = String(options.channel ?? '').trim();
    if (channel !== '' && !/^[CGD][A-Z0-9]{6,}$/.test(channel))
      problems.push({ key: 'dest.slackChannel' as const, vars: {} });
    return problems;
  },
  targetUrls: () => [`${SLACK_API}chat.postMessage`, `${SLACK_API}chat.update`],
  steps(n, options, ctx) {
    const channel = String(options.channel ?? '').trim();
    const auth = { Authorization: `Bearer ${String(options.token ?? '').trim()}` };
    const message = slackMessage(n, ctx.lang);
    const thread = ctx.thread && ctx.thread.channel === channel ? ctx.thread : null;
    const post = { channel, ...message, ...(thread ? { thread_ts: thread.ts } : {}), unfurl_links: false };
    const steps: DeliveryStep[] = [{ kind: 'http', request: jsonRequest(`${SLACK_API}chat.postMessage`, post, auth) }];
    if (thread && messageKind(n) === 'recovered') {
      const note = slackEscape(translate(ctx.lang, 'alert.recoveredNote', { at: n.at }));
      const updated = { channel, ts: thread.ts, ...slackMessage(n, ctx.lang, [note]) };
      steps.push({ kind: 'http', request: jsonRequest(`${SLACK_API}chat.update`, updated, auth) });
    }
    return steps;
  },
  readAnswer(answer): AnswerReading {
    let body: { ok?: unknown; error?: unknown; channel?: unknown; ts?: unknown; message?: { thread_ts?: unknown } };
    try {
      body = JSON.parse(answer.body) as typeof body;
    } catch {
      return { ok: false, transient: answer.status >= 500, detail: undefined };
    }
    if (body.ok === true) {
      // A reply's own ts is not the thread: Slack names the thread's first message in message.thread_ts.
      const root = typeof body.message?.thread_ts === 'string' ? body.message.thread_ts : body.ts;
      const thread =
        typeof body.channel === 'string' && typeof root === 'string' ? { channel: body.channel, ts: root } : undefined;
      return { ok: true, thread };
    }
    const detail = plainCode(body.error);
    return { ok: false, transient: detail !== undefined && TRANSIENT.has(detail), detail };
  },
};
