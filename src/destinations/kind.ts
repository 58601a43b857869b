/**
 * What a destination kind declares: its configuration fields (which are secret, and which secret
 * is itself the target, as a webhook URL is), how it checks a configuration, and how it turns a
 * notification into requests, purely. The delivery (deliver.ts) makes the calls, retries and
 * reads the answers through the kind. Adding Microsoft Teams is one new file in kinds/.
 */
import type { FieldSpec, OptionValues } from '../datasources/kind';
import type { Problem } from '../datasources/validate';
import type { AlertNotification } from '../alerts/message';
import type { Lang, ThreadRef } from '../shared/api-types';

export type { OptionValues, Problem };

/** A field of a destination: a data source field, plus `target` for a secret that is also the address. */
export interface DestinationField extends FieldSpec {
  /** A secret that says where messages go (a webhook URL): typing a new one changes the target. */
  target?: boolean;
}

/** An HTTP request, as UrlFetchApp takes it (always sent with muteHttpExceptions). */
export interface HttpRequest {
  url: string;
  method: 'post';
  contentType: string;
  headers: Record<string, string>;
  payload: string;
}

export interface MailRequest {
  to: string;
  subject: string;
  body: string;
}

/**
 * One call of a delivery. The first step is the message; later steps (Slack's update of the
 * original message on recovery) are best effort: their failure is a warning, not a failure.
 */
export type DeliveryStep = { kind: 'http'; request: HttpRequest } | { kind: 'mail'; mail: MailRequest };

/** An HTTP answer as the delivery reads it. */
export interface HttpAnswer {
  status: number;
  /** Header names as the server sent them. */
  headers: Record<string, string>;
  body: string;
}

/** What an answer of status 2xx-4xx (not 429) means, as the kind reads it. */
export type AnswerReading =
  | { ok: true; thread?: ThreadRef }
  /** `transient`: worth retrying (Slack's internal_error); otherwise failed for good. */
  | { ok: false; transient: boolean; detail?: string };

export interface BuildContext {
  lang: Lang;
  /** The Slack thread of this alert's earlier message, when one was recorded. */
  thread: ThreadRef | null;
}

export interface DestinationKind {
  id: string;
  label: Record<Lang, string>;
  fields: DestinationField[];
  /** Problems of a configuration beyond required fields (formats, prefixes), and the URLs it calls. */
  validate(options: OptionValues): Problem[];
  /** The URLs this configuration sends to (checked against the manifest's allowlist). */
  targetUrls(options: OptionValues): string[];
  steps(n: AlertNotification, options: OptionValues, ctx: BuildContext): DeliveryStep[];
  /** Reads an answer that is neither 429 nor 5xx; by default 2xx is delivered and anything else failed. */
  readAnswer?(answer: HttpAnswer): AnswerReading;
}

/** A configured destination, as stored (secrets in clear: server side only). */
export interface DestinationConfig {
  id: string;
  name: string;
  kind: string;
  options: OptionValues;
}

/** `text` as one plain code, or undefined: never echoes free text (which could hold a secret). */
export function plainCode(text: unknown): string | undefined {
  const s = String(text ?? '').trim();
  return /^[a-z][a-z0-9_]{0,59}$/.test(s) ? s : undefined;
}

/** JSON of `payload` for a request body. */
export function jsonRequest(url: string, payload: unknown, headers: Record<string, string> = {}): HttpRequest {
  return {
    url,
    method: 'post',
    contentType: 'application/json; charset=utf-8',
    headers,
    payload: JSON.stringify(payload),
  };
}
