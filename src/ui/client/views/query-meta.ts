/** The Query tab's name field, and its folded description and tags. */
import { parseTags } from '../display';
import { h } from '../dom';
import { t } from '../i18n';
import type { QueryDraft } from '../state';

type MetaChange = Partial<Pick<QueryDraft, 'name' | 'description' | 'tags'>>;

export interface QueryMeta {
  /** The name field, near the top. */
  nameBlock: HTMLElement;
  /** Description and tags, folded, at the bottom. */
  detailsBlock: HTMLElement;
  fill(draft: QueryDraft): void;
}

export function createQueryMeta(onEdit: (change: MetaChange) => void): QueryMeta {
  const name = h('input', {
    testid: 'query-name',
    attrs: { type: 'text', placeholder: t('query.namePlaceholder'), 'aria-label': t('query.name') },
    on: { input: () => onEdit({ name: name.value }) },
  });
  const description = h('textarea', {
    testid: 'query-description',
    attrs: { rows: '2', 'aria-label': t('query.description') },
    on: { input: () => onEdit({ description: description.value }) },
  });
  const tags = h('input', {
    testid: 'query-tags',
    attrs: { type: 'text', 'aria-label': t('query.tags') },
    on: { input: () => onEdit({ tags: parseTags(tags.value) }) },
  });
  return {
    nameBlock: h('div', { class: 'block' }, h('label', {}, t('query.name'), name)),
    detailsBlock: h(
      'details',
      { class: 'block' },
      h('summary', {}, t('query.details')),
      h('label', {}, t('query.description'), description),
      h('label', {}, t('query.tags'), tags),
    ),
    fill(draft) {
      name.value = draft.name;
      description.value = draft.description;
      tags.value = draft.tags.join(', ');
    },
  };
}
