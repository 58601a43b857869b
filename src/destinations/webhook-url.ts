/**
 * What the webhook kinds whose one field is a secret URL share (Slack incoming webhooks, Google
 * Chat): the field, the check that the URL is HTTPS under the service's prefix, and the URL as
 * the delivery's target.
 */
import type { MessageKey } from '../core/i18n';
import { httpsParts } from './allowlist';
import type { DestinationKind } from './kind';

export function secretWebhookUrl(
  prefix: string,
  problem: MessageKey,
): Pick<DestinationKind, 'fields' | 'validate' | 'targetUrls'> {
  return {
    fields: [
      {
        name: 'url',
        label: { en: 'Webhook URL', ja: 'Webhook URL' },
        type: 'password',
        required: true,
        secret: true,
        target: true,
      },
    ],
    validate(options) {
      const url = String(options.url ?? '').trim();
      if (url === '' || (httpsParts(url) && url.startsWith(prefix))) return [];
      return [{ key: problem, vars: {} }];
    },
    targetUrls: (options) => [String(options.url ?? '').trim()],
  };
}
