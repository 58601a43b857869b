/**
 * A generic JSON webhook: POSTs the documented payload below (README, "Alert destinations") to a
 * URL, with an optional secret header (name, and a secret value) for the receiver to check.
 * The URL is the target (shown; put secrets in the header, not in the URL). Every retry of one
 * notification carries the same idempotency key (`idempotencyKey` in the body and the
 * `Idempotency-Key` header, `<alert id>:<sequence>`), so a receiver can drop a duplicate, which
 * the delivery guarantee allows (README, "Alert delivery"). Apps Script sends
 * only to hosts in the manifest's allowlist, so a new host needs a new deployment.
 */
import {
  messageBody,
  messageKind,
  MAX_NOTIFICATION_ROWS,
  noEscape,
  type AlertNotification,
} from '../../alerts/message';
import { cellText } from '../../alerts/text-table';
import type { Lang } from '../../shared/api-types';
import { httpsParts } from '../allowlist';
import { type DestinationKind, jsonRequest, type Problem } from '../kind';

/** Header names the webhook may not set: HTTP's own. */
const RESERVED_HEADERS = ['content-type', 'content-length', 'host', 'user-agent', 'idempotency-key'];

/** The body of a webhook call, version 1. */
export interface WebhookPayload {
  event: 'sheetdash.alert';
  version: 1;
  /** `<alert id>:<sequence>`: equal for every retry of one notification; null for a test message. */
  idempotencyKey: string | null;
  kind: 'triggered' | 'recovered' | 'unknown';
  state: AlertNotification['state'];
  previousState: AlertNotification['previousState'];
  alert: AlertNotification['alert'];
  query: AlertNotification['query'];
  condition: AlertNotification['condition'];
  value: AlertNotification['value'];
  reason: string | null;
  resultUrl: string | null;
  rowCount: number;
  columns: string[];
  /** The first rows (at most 10), every cell as text, NULL as null. */
  rows: (string | null)[][];
  /** The message text (template) in the destination's language, plain. */
  text: string;
  at: string;
}

export function webhookPayload(n: AlertNotification, lang: Lang): WebhookPayload {
  return {
    event: 'sheetdash.alert',
    version: 1,
    idempotencyKey: n.key ?? null,
    kind: messageKind(n),
    state: n.state,
    previousState: n.previousState,
    alert: n.alert,
    query: n.query,
    condition: n.condition,
    value: n.value,
    reason: n.reason,
    resultUrl: n.resultUrl,
    rowCount: n.rowCount,
    columns: n.result.columns,
    rows: n.result.rows
      .slice(0, MAX_NOTIFICATION_ROWS)
      .map((row) =>
        n.result.columns.map((_, i) => (row[i] === null || row[i] === undefined ? null : cellText(row[i]))),
      ),
    text: messageBody(n, lang, noEscape),
    at: n.at,
  };
}

export const webhookKind: DestinationKind = {
  id: 'webhook',
  label: { en: 'Webhook (JSON)', ja: 'Webhook(JSON)' },
  fields: [
    { name: 'url', label: { en: 'URL (https://)', ja: 'URL(https://)' }, type: 'text', required: true },
    { name: 'headerName', label: { en: 'Secret header name', ja: 'シークレットヘッダー名' }, type: 'text' },
    {
      name: 'headerValue',
      label: { en: 'Secret header value', ja: 'シークレットヘッダーの値' },
      type: 'password',
      secret: true,
    },
  ],
  validate(options) {
    const problems: Problem[] = [];
    const url = String(options.url ?? '').trim();
    if (url !== '' && !httpsParts(url)) problems.push({ key: 'dest.urlInvalid', vars: { field: 'URL' } });
    const name = String(options.headerName ?? '').trim();
    const value = String(options.headerValue ?? '');
    if (name !== '' && (!/^[A-Za-z0-9-]{1,64}$/.test(name) || RESERVED_HEADERS.includes(name.toLowerCase())))
      problems.push({ key: 'dest.headerName', vars: { name } });
    if (name === '' && value !== '') problems.push({ key: 'dest.headerValueWithoutName', vars: {} });
    return problems;
  },
  targetUrls: (options) => [String(options.url ?? '').trim()],
  steps(n, options, ctx) {
    const name = String(options.headerName ?? '').trim();
    const value = String(options.headerValue ?? '');
    const headers: Record<string, string> = name !== '' && value !== '' ? { [name]: value } : {};
    if (n.key) headers['Idempotency-Key'] = n.key;
    const request = jsonRequest(String(options.url ?? '').trim(), webhookPayload(n, ctx.lang), headers);
    return [{ kind: 'http', request }];
  },
};
