/**
 * The Slack message of a notification, in Block Kit (typed with @slack/types, type-only, so
 * nothing of it lands in the bundle): a header with the state and the alert, the body text
 * (template), fields with the query, the alert and the value against the threshold, a link to the
 * result tab, and the first rows as a code block. Every text stays within Slack's limits
 * (header 150 characters, section text 3,000, field 2,000, at most 10 fields and 50 blocks; the
 * top-level `text`, the notification fallback, is kept under 3,000 though Slack cuts at 40,000).
 */
import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { translate } from '../core/i18n';
import type { Lang } from '../shared/api-types';
import {
  type AlertNotification,
  MAX_NOTIFICATION_ROWS,
  messageBody,
  messageKind,
  messageTitle,
  valueText,
} from './message';
import { cutPlain, cutSlackText, slackEscape } from './slack-text';
import { fenceSafe, textTableLines } from './text-table';

export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  blocks: 50,
  fallbackText: 3000,
} as const;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const ICON = { triggered: ':red_circle:', recovered: ':large_green_circle:', unknown: ':white_circle:' } as const;

/** `<url|label>` with both parts escaped, or the label alone without a URL. */
export function slackLink(url: string | null, label: string): string {
  const text = slackEscape(label.replace(/\|/g, '/'));
  return url ? `<${slackEscape(url)}|${text}>` : text;
}

/**
 * The first rows as a code block that fits one section: whole lines only, then a line saying how
 * many rows were left out.
 */
export function rowsCodeBlock(n: AlertNotification, lang: Lang): string | null {
  if (n.result.columns.length === 0 || n.result.rows.length === 0) return null;
  const lines = textTableLines(n.result.columns, n.result.rows.slice(0, MAX_NOTIFICATION_ROWS)).map((line) =>
    fenceSafe(slackEscape(line)),
  );
  const fence = '```';
  const budget = SLACK_LIMITS.sectionText - 2 * fence.length - 2 - 80;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cut = cutSlackText(line, 400);
    if (used + cut.length + 1 > budget) break;
    kept.push(cut);
    used += cut.length + 1;
  }
  const shownRows = Math.max(0, kept.length - 2);
  const more = n.rowCount - shownRows;
  const tail = more > 0 ? `\n${slackEscape(translate(lang, 'alert.moreRows', { count: more }))}` : '';
  return `${fence}\n${kept.join('\n')}\n${fence}${tail}`;
}

function header(n: AlertNotification, lang: Lang): HeaderBlock {
  const text = cutPlain(`${ICON[messageKind(n)]} ${messageTitle(n, lang)}`, SLACK_LIMITS.headerText);
  return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
}

function field(label: string, valueMrkdwn: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: cutSlackText(`*${slackEscape(label)}*\n${valueMrkdwn}`, SLACK_LIMITS.fieldText) };
}

function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cutSlackText(mrkdwn, SLACK_LIMITS.sectionText) } };
}

/** The Block Kit message of a notification; `extra` (say, "recovered at ...") goes before the context. */
export function slackMessage(n: AlertNotification, lang: Lang, extra: string[] = []): SlackMessage {
  const body = messageBody(n, lang, slackEscape);
  const fields: SectionBlock = {
    type: 'section',
    fields: [
      field(translate(lang, 'alert.label.query'), slackLink(n.resultUrl, n.query.name)),
      field(translate(lang, 'alert.label.alert'), slackEscape(n.alert.name)),
      field(translate(lang, 'alert.label.value'), slackEscape(valueText(n))),
      field(translate(lang, 'alert.label.rows'), String(n.rowCount)),
    ],
  };
  // A ready text (a health band notice) says it all: no check fields. Slack refuses an empty section.
  const bodyBlocks = body.trim() === '' ? [] : [section(body)];
  const blocks: KnownBlock[] = n.text ? [header(n, lang), ...bodyBlocks] : [header(n, lang), ...bodyBlocks, fields];
  if (n.resultUrl) blocks.push(section(slackLink(n.resultUrl, translate(lang, 'alert.openResult'))));
  const rows = rowsCodeBlock(n, lang);
  if (rows) blocks.push(section(rows));
  for (const line of extra) blocks.push(section(line));
  const context: ContextBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: slackEscape(`Sheetdash · ${n.at}`) }],
  };
  blocks.push(context);
  const fallback = cutSlackText(`${slackEscape(messageTitle(n, lang))}: ${body}`, SLACK_LIMITS.fallbackText);
  return { text: fallback, blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}
