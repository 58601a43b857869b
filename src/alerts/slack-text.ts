/**
 * Slack's text rules: in mrkdwn, `&`, `<` and `>` are control characters and must be written as
 * `&amp;`, `&lt;` and `&gt;`; nothing else is escaped (Slack shows other entities literally), and
 * a value is escaped exactly once (Redash escaped twice, garbling rows). Also cuts text to a
 * length limit without splitting an entity or a `<link|label>`.
 */

const SLACK_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** `&`, `<`, `>` as Slack entities; every other character as is. */
export function slackEscape(text: string): string {
  return text.replace(/[&<>]/g, (c) => SLACK_ENTITIES[c] ?? c);
}

/**
 * `text` cut to at most `max` characters, ending with `…` when cut, never inside an entity
 * (`&amp;`) or an angle-bracket link. `text` is already in Slack's syntax.
 */
export function cutSlackText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  const open = cut.lastIndexOf('<');
  if (open >= 0 && !cut.slice(open).includes('>')) cut = cut.slice(0, open);
  return `${cut}…`;
}

/** Plain text cut to at most `max` characters (with `…` when cut). */
export function cutPlain(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
