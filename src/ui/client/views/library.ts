/**
 * The Library tab: saved queries with a search box, a filter (all / mine / recent /
 * archived) and a tag filter; each row (library-item.ts) opens, archives or restores a query
 * and lists its versions, any of which can be restored.
 */
import type { VersionSummary } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { h, replace } from '../dom';
import { t } from '../i18n';
import { createAlertHistoryButton } from './alert-history';
import { type LibraryItemActions, libraryItem } from './library-item';

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
    {
      testid: 'library-filter',
      attrs: { 'aria-label': t('a11y.libraryFilter') },
      on: { change: () => void refresh() },
    },
    ...FILTERS.map((f) => h('option', { props: { value: f } }, t(`library.filter.${f}`))),
  );
  const tagFilter = h('select', {
    testid: 'library-tag',
    attrs: { 'aria-label': t('a11y.libraryTag') },
    on: { change: () => void refresh() },
  });
  const list = h('ul', { class: 'library-list', testid: 'library-list' });

  const element = h(
    'section',
    { class: 'tab-panel', testid: 'panel-library' },
    h('div', { class: 'block' }, search),
    h('div', { class: 'block row' }, filter, tagFilter),
    list,
    createAlertHistoryButton('btn-alert-history-library'),
  );

  function fillTags(tags: string[]): void {
    const chosen = tagFilter.value;
    knownTags = [...new Set([...knownTags, ...tags])].sort((a, b) => a.localeCompare(b));
    const option = (tag: string) => h('option', { props: { value: tag, selected: tag === chosen } }, tag);
    replace(tagFilter, h('option', { props: { value: '' } }, t('library.allTags')), ...knownTags.map(option));
  }

  async function refresh(): Promise<void> {
    const mine = ++requestNumber;
    try {
      const queries = await call('listQueries', {
        search: search.value.trim() || undefined,
        filter: filter.value as Filter,
        tag: tagFilter.value || undefined,
      });
      if (mine !== requestNumber) return; // a newer search answered first
      fillTags(queries.flatMap((q) => q.tags));
      if (queries.length === 0) replace(list, h('li', { class: 'gray empty' }, t('library.empty')));
      else replace(list, ...queries.map((query) => libraryItem(query, actions)));
    } catch (error) {
      if (mine === requestNumber) ctx.showError(messageOf(error));
    }
  }

  async function open(id: string, from?: HTMLElement): Promise<void> {
    ctx.showError(null);
    try {
      const view = await call('getQuery', { id });
      if (await ctx.openQuery(view, from)) {
        // The Open button is hidden with the Library: the focus goes to the query it opened.
        ctx.selectTab('query');
        ctx.focusEditor();
      }
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

  async function versions(id: string): Promise<VersionSummary[] | null> {
    ctx.showError(null);
    try {
      return await call('listVersions', { id });
    } catch (error) {
      ctx.showError(messageOf(error));
      return null;
    }
  }

  async function restoreVersion(id: string, version: number, box: HTMLElement): Promise<void> {
    try {
      const view = await call('restoreVersion', { id, version });
      replace(box, h('div', { class: 'success' }, t('library.versionRestored', { version })));
      await ctx.openQuery(view, box);
    } catch (error) {
      ctx.showError(messageOf(error));
    }
  }

  const actions: LibraryItemActions = {
    open: (id, from) => void open(id, from),
    archive: (id, archived) => void archive(id, archived),
    versions,
    restoreVersion: (id, version, box) => void restoreVersion(id, version, box),
  };

  return { element, refresh };
}
