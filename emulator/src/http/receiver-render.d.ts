/** Types of receiver-render.js (the receiver page's renderer, a plain script shared with jsdom tests). */
import type { ReceivedRequest, SlackMessageRecord } from './receiver';

export interface ReceiverStrings {
  title: string;
  intro: string;
  refresh: string;
  updated: string;
  slackHeading: string;
  requestsHeading: string;
  noSlack: string;
  noRequests: string;
  edited: string;
  replies: (n: number) => string;
  orphanReply: string;
  viaWebhook: string;
  viaApi: string;
  headers: string;
  body: string;
  emptyBody: string;
  image: string;
  unsupported: string;
  kindSlack: string;
  kindChat: string;
  kindJson: string;
  kindOther: string;
  loadFailed: string;
}

export const STRINGS: { en: ReceiverStrings; ja: ReceiverStrings };
export function stringsFor(lang: string): ReceiverStrings;
export function unescapeSlack(text: string): string;
export function renderMrkdwn(doc: Document, text: string): HTMLDivElement;
export function renderBlock(doc: Document, block: unknown, t: ReceiverStrings): HTMLElement;
export function renderSlackMessage(doc: Document, message: SlackMessageRecord, t: ReceiverStrings): HTMLElement;
export function renderSlackThreads(doc: Document, messages: SlackMessageRecord[], t: ReceiverStrings): HTMLOListElement;
export function renderRequest(doc: Document, request: ReceivedRequest, t: ReceiverStrings): HTMLElement;
export function prettyBody(body: string): string;
