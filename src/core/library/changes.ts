/**
 * What changed between two versions of a saved query, as a short code stored with each
 * version ("created", "fields:name,sql", "restored:3", "forked:<name>", "archived",
 * "unarchived") and turned into words in the reader's language when listed.
 */
import { translate, type Lang, type MessageKey } from '../i18n';
import type { StoredQuery } from './query-row';

export const TRACKED_FIELDS = ['name', 'description', 'dataSourceId', 'sql', 'parameters', 'schedule', 'tags'] as const;

export function changedFields(before: StoredQuery, after: StoredQuery): string[] {
  return TRACKED_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

export function describeChange(code: string, lang: Lang): string {
  const [kind, ...rest] = code.split(':');
  const arg = rest.join(':');
  switch (kind) {
    case 'created':
      return translate(lang, 'library.change.created');
    case 'archived':
      return translate(lang, 'library.change.archived');
    case 'unarchived':
      return translate(lang, 'library.change.unarchived');
    case 'restored':
      return translate(lang, 'library.change.restoredVersion', { version: arg });
    case 'forked':
      return translate(lang, 'library.change.forked', { name: arg });
    case 'fields': {
      const fields = arg.split(',').filter(Boolean);
      if (fields.length === 0) return translate(lang, 'library.change.none');
      return translate(lang, 'library.change.fields', {
        fields: fields.map((f) => translate(lang, `library.field.${f}` as MessageKey)).join(', '),
      });
    }
    default:
      return code;
  }
}
