/**
 * The Library tab: saved queries with a search box, a filter (all / mine / recent /
 * archived) and a tag filter; each row opens, archives or restores a query and lists its
 * versions, any of which can be restored.
 */
import type { QuerySummary } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { ago } from '../display';
import { h, replace } from '../dom';
import { t } from '../i18n';

type Filter = 'all' | 'mine' | 'recent' | 'archived';
const FILTERS: Filter[] = ['all', 'mine', 'recent', 'archived'];
const SEARCH_DELAY_MS = 250;

export function createLibraryTab(ctx: AppContext): { element: HTMLElement; refresh(): Promise<void> } {
  let knownTags: string[] = [];
  let requestNumber = 0;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  const search = h('input', {
    testid: 'library-search',
    attrs: { type: 'search', placeholder: t('library.search'), 'aria-label': t('library.search') },
    on: {
      input: () => {
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => void refresh(), SEARCH_DELAY_MS);
      },
    },
  });
  const filter = h(
    'select',
    { testid: 'library-filter', on: { change: () => void refresh() } },
    ...FILTERS.map((f) => h('option', { props: { value: f } }, t(`library.filter.${f}`))),
  );
  const tagFilter = h('select', { testid: 'library-tag', on: { change: () => void refresh() } });
  const list = h('ul', { class: 'library-list', testid: 'library-list' });

  const element = h('section', { class: 'tab-panel', testid: 'panel-library' }, h('div', { class: 'block' }, search), h('div', { class: 'block row' }, filter, tagFilter), list);

  function fillTags(tags: string[]): void {
    const chosen = tagFilter.value;
    knownTags = [...new Set([...knownTags, ...tags])].sort((a, b) => a.localeCompare(b));
    replace(tagFilter, h('option', { props: { value: '' } }, t('library.allTags')), ...knownTags.map((tag) => h('option', { props: { value: tag, selected: tag === chosen } }, tag)));
  }

  async function refresh(): Promise<void> {
    const mine = ++requestNumber;
    try {
      const queries = await call('listQueries', { search: search.value.trim() || undefined, filter: filter.value as Filter, tag: tagFilter.value || undefined });
      if (mine !== requestNumber) return; // a newer search answered first
      fillTags(queries.flatMap((q) => q.tags));
      if (queries.length === 0) replace(list, h('li', { class: 'gray empty' }, t('library.empty')));
      else replace(list, ...queries.map(item));
    } catch (error) {
      if (mine === requestNumber) ctx.showError(messageOf(error));
    }
  }

  function item(query: QuerySummary): HTMLElement {
    const versions = h('div', { class: 'versions' });
    const lastRun = query.lastRun
      ? h(
          'div',
          { class: query.lastRun.ok ? 'gray' : 'error' },
          query.lastRun.ok ? t('library.lastRunOk', { at: ago(query.lastRun.at), rows: query.lastRun.rows ?? 0 }) : t('library.lastRunFailed', { at: ago(query.lastRun.at), message: query.lastRun.message }),
        )
      : null;
    const row = h(
      'li',
      { class: query.archived ? 'library-item archived' : 'library-item', testid: 'library-item', attrs: { 'data-query-id': query.id } },
      h('div', { class: 'item-name' }, query.name),
      query.description ? h('div', { class: 'item-description' }, query.description) : null,
      query.tags.length ? h('div', { class: 'tags' }, ...query.tags.map((tag) => h('span', { class: 'tag' }, tag))) : null,
      h('div', { class: 'gray' }, t('library.meta', { owner: query.owner, at: ago(query.updatedAt) })),
      lastRun,
      h(
        'div',
        { class: 'buttons' },
        h('button', { class: 'small action', testid: 'btn-open', on: { click: () => void open(query.id) } }, t('library.open')),
        query.archived
          ? h('button', { class: 'small', testid: 'btn-restore', on: { click: () => void archive(query.id, false) } }, t('library.restore'))
          : h('button', { class: 'small', testid: 'btn-archive', on: { click: () => void archive(query.id, true) } }, t('library.archive')),
        h('button', { class: 'small', testid: 'btn-versions', on: { click: () => void toggleVersions(query.id, versions) } }, t('library.versions')),
      ),
      versions,
    );
    return row;
  }

  async function open(id: string): Promise<void> {
    ctx.showError(null);
    try {
      const view = await call('getQuery', { id });
      if (await ctx.openQuery(view)) ctx.selectTab('query');
    } catch (error) {
      ctx.showError(messageOf(error));
    }
  }

  async function archive(id: string, archived: boolean): Promise<void> {
    ctx.showError(null);
    try {
      await call(archived ? 'archiveQuery' : 'restoreQuery', { id });
      await refresh();
    } catch (error) {
      ctx.showError(messageOf(error));
    }
  }

  async function toggleVersions(id: string, box: HTMLElement): Promise<void> {
    if (box.childNodes.length > 0) return replace(box);
    ctx.showError(null);
    try {
      const versions = await call('listVersions', { id });
      replace(
        box,
        h(
          'ul',
          { class: 'version-list', testid: 'version-list' },
          ...versions.map((v) =>
            h(
              'li',
              { testid: 'version-item' },
              h('div', {}, t('library.versionLine', { version: v.version, who: v.savedBy, at: ago(v.savedAt) })),
              v.change ? h('div', { class: 'gray' }, v.change) : null,
              h('button', { class: 'small', testid: 'btn-restore-version', on: { click: () => void restoreVersion(id, v.version, box) } }, t('library.restoreVersion')),
            ),
          ),
        ),
      );
    } catch (error) {
      ctx.showError(messageOf(error));
    }
  }

  async function restoreVersion(id: string, version: number, box: HTMLElement): Promise<void> {
    try {
      const view = await call('restoreVersion', { id, version });
      replace(box, h('div', { class: 'success' }, t('library.versionRestored', { version })));
      await ctx.openQuery(view);
    } catch (error) {
      ctx.showError(messageOf(error));
    }
  }

  return { element, refresh };
}
