/**
 * E-mail through MailApp (needs the script.send_mail scope, see README): a plain-text message to
 * comma-separated addresses. The subject is the title ("Triggered: <alert>"), the body the
 * message text, the value against the threshold, the link and the first rows as a text table.
 */
import { messageBody, messageTitle, noEscape, MAX_NOTIFICATION_ROWS, valueText } from '../../alerts/message';
import { textTableLines } from '../../alerts/text-table';
import { translate } from '../../core/i18n';
import type { DestinationKind, Problem } from '../kind';

const EMAIL = /^[^\s@,<>]+@[^\s@,<>]+\.[^\s@,<>]+$/;

export function emailAddresses(value: unknown): string[] {
  return String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const emailKind: DestinationKind = {
  id: 'email',
  label: { en: 'E-mail', ja: 'メール' },
  fields: [
    {
      name: 'addresses',
      label: { en: 'Addresses (comma-separated)', ja: 'アドレス(カンマ区切り)' },
      type: 'text',
      required: true,
    },
  ],
  validate(options) {
    const problems: Problem[] = [];
    for (const address of emailAddresses(options.addresses)) {
      if (!EMAIL.test(address)) problems.push({ key: 'dest.emailInvalid', vars: { address } });
    }
    return problems;
  },
  targetUrls: () => [],
  steps(n, options, ctx) {
    const lines = n.text
      ? [messageBody(n, ctx.lang, noEscape)]
      : [messageBody(n, ctx.lang, noEscape), '', valueText(n)];
    if (n.resultUrl) lines.push(`${translate(ctx.lang, 'alert.openResult')}: ${n.resultUrl}`);
    const rows = n.result.rows.slice(0, MAX_NOTIFICATION_ROWS);
    if (n.result.columns.length > 0 && rows.length > 0) {
      lines.push('', ...textTableLines(n.result.columns, rows));
      if (n.rowCount > rows.length)
        lines.push(translate(ctx.lang, 'alert.moreRows', { count: n.rowCount - rows.length }));
    }
    lines.push('', `Sheetdash · ${n.at}`);
    const to = emailAddresses(options.addresses).join(',');
    return [{ kind: 'mail', mail: { to, subject: messageTitle(n, ctx.lang), body: lines.join('\n') } }];
  },
};
