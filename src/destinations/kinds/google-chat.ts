/**
 * Google Chat incoming webhook: the space's webhook URL (secret: its key and token are in the
 * query string). The message is Chat's text format (*bold*, <url|label> links, ``` code); the
 * messages of one alert share a thread (threadKey, replying in it when it exists). Chat has no
 * escape for `<`: in every value (names, the result's cells, an error's text) a zero-width space
 * follows each `<`, so that a database row can never mention `<users/all>` or dress a link.
 */
import { messageBody, messageTitle, MAX_NOTIFICATION_ROWS, valueText } from '../../alerts/message';
import { fenceSafe, textTableLines } from '../../alerts/text-table';
import { translate } from '../../core/i18n';
import { secretWebhookUrl } from '../webhook-url';
import { type DestinationKind, jsonRequest } from '../kind';

export const CHAT_WEBHOOK_PREFIX = 'https://chat.googleapis.com/v1/spaces/';
/** Google Chat's limit for a message's text is 4,096 characters; kept well under. */
const MAX_TEXT = 4000;

/** `text` with a zero-width space after each `<`: shown the same, never read as a mention or a link. */
export function chatEscape(text: string): string {
  return text.replace(/</g, '<\u200b');
}

export const googleChatKind: DestinationKind = {
  id: 'google-chat',
  label: { en: 'Google Chat (webhook)', ja: 'Google Chat(Webhook)' },
  ...secretWebhookUrl(CHAT_WEBHOOK_PREFIX, 'dest.chatWebhookUrl'),
  steps(n, options, ctx) {
    const base = String(options.url ?? '').trim();
    const url = `${base}${base.includes('?') ? '&' : '?'}messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD`;
    const head = [`*${chatEscape(messageTitle(n, ctx.lang))}*`, messageBody(n, ctx.lang, chatEscape)];
    if (!n.text) head.push(chatEscape(valueText(n)));
    if (n.resultUrl) head.push(`<${n.resultUrl}|${translate(ctx.lang, 'alert.openResult')}>`);
    const rows = n.result.rows.slice(0, MAX_NOTIFICATION_ROWS);
    const table =
      n.result.columns.length > 0 ? textTableLines(n.result.columns, rows).map((l) => fenceSafe(chatEscape(l))) : [];
    // Whole table lines only, as many as fit under Chat's limit with the rest of the message.
    let shown = rows.length;
    const compose = (): string => {
      if (shown === 0 || table.length === 0) return head.join('\n');
      const lines = [...head, `\`\`\`\n${table.slice(0, shown + 2).join('\n')}\n\`\`\``];
      if (n.rowCount > shown) lines.push(translate(ctx.lang, 'alert.moreRows', { count: n.rowCount - shown }));
      return lines.join('\n');
    };
    let text = compose();
    while (text.length > MAX_TEXT && shown > 0) {
      shown--;
      text = compose();
    }
    if (text.length > MAX_TEXT) text = `${text.slice(0, MAX_TEXT - 1)}…`;
    return [{ kind: 'http', request: jsonRequest(url, { text, thread: { threadKey: `sheetdash-${n.alert.id}` } }) }];
  },
};
