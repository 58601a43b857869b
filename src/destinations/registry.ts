/**
 * The registry of destination kinds. Adding a kind is one new file in kinds/ and one line here.
 */
import type { DestinationKind } from './kind';
import { emailKind } from './kinds/email';
import { googleChatKind } from './kinds/google-chat';
import { slackBotKind } from './kinds/slack-bot';
import { slackWebhookKind } from './kinds/slack-webhook';
import { webhookKind } from './kinds/webhook';

const KINDS: DestinationKind[] = [slackWebhookKind, slackBotKind, googleChatKind, webhookKind, emailKind];

export function listDestinationKinds(): readonly DestinationKind[] {
  return KINDS;
}

export function findDestinationKind(id: string): DestinationKind | undefined {
  return KINDS.find((k) => k.id === id);
}
