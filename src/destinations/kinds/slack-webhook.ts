/**
 * Slack incoming webhook: one URL (secret, and the target) that posts to the one channel it was
 * made for. The message is Block Kit; Slack answers 200 "ok", or an error code as text with 4xx
 * (invalid_blocks, no_service, channel_is_archived...), 429 with Retry-After, or 5xx.
 */
import { slackMessage } from '../../alerts/slack-blocks';
import { secretWebhookUrl } from '../webhook-url';
import { type DestinationKind, jsonRequest, plainCode } from '../kind';

export const SLACK_WEBHOOK_PREFIX = 'https://hooks.slack.com/services/';

export const slackWebhookKind: DestinationKind = {
  id: 'slack-webhook',
  label: { en: 'Slack (incoming webhook)', ja: 'Slack(Incoming Webhook)' },
  ...secretWebhookUrl(SLACK_WEBHOOK_PREFIX, 'dest.slackWebhookUrl'),
  steps(n, options, ctx) {
    const message = slackMessage(n, ctx.lang);
    return [{ kind: 'http', request: jsonRequest(String(options.url ?? '').trim(), message) }];
  },
  readAnswer(answer) {
    if (answer.status >= 200 && answer.status < 300) return { ok: true };
    return { ok: false, transient: false, detail: plainCode(answer.body) };
  },
};
