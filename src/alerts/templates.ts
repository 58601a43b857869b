/**
 * The default message texts, as Mustache templates over the variables of message.ts (Redash's
 * names), in English and Japanese: one for a check that fired, one for its recovery, one for a
 * check that could not be evaluated (a failed query). Plain words without markup, so the same
 * text reads well in Slack, Google Chat and e-mail.
 */
import type { Lang } from '../shared/api-types';

export type MessageKind = 'triggered' | 'recovered' | 'unknown';

const SUBJECT = '{{ALERT_SELECTOR}}{{#ALERT_COLUMN}} of {{ALERT_COLUMN}}{{/ALERT_COLUMN}}';
const VALUE_CONDITION = '({{ALERT_CONDITION}} {{ALERT_THRESHOLD}}).';
const SUBJECT_JA = '{{ALERT_SELECTOR}}{{#ALERT_COLUMN}}({{ALERT_COLUMN}}){{/ALERT_COLUMN}}';

export const DEFAULT_TEMPLATES: Record<MessageKind, Record<Lang, string>> = {
  triggered: {
    en: `{{ALERT_NAME}} triggered on "{{QUERY_NAME}}": ${SUBJECT} is {{QUERY_RESULT_VALUE}} ${VALUE_CONDITION}`,
    ja:
      `{{ALERT_NAME}} が発火しました(「{{QUERY_NAME}}」): ${SUBJECT_JA} の値 {{QUERY_RESULT_VALUE}} が` +
      '条件 {{ALERT_CONDITION}} {{ALERT_THRESHOLD}} を満たしています。',
  },
  recovered: {
    en:
      `{{ALERT_NAME}} is back to normal on "{{QUERY_NAME}}": ${SUBJECT} is {{QUERY_RESULT_VALUE}}, ` +
      'no longer {{ALERT_CONDITION}} {{ALERT_THRESHOLD}}.',
    ja:
      `{{ALERT_NAME}} は正常に戻りました(「{{QUERY_NAME}}」): ${SUBJECT_JA} の値 {{QUERY_RESULT_VALUE}} は` +
      '条件 {{ALERT_CONDITION}} {{ALERT_THRESHOLD}} を満たさなくなりました。',
  },
  unknown: {
    en: '{{ALERT_NAME}} could not be evaluated on "{{QUERY_NAME}}": {{ALERT_REASON}}',
    ja: '{{ALERT_NAME}} を評価できませんでした(「{{QUERY_NAME}}」): {{ALERT_REASON}}',
  },
};
