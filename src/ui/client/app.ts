/**
 * The sidebar's shell: the three tabs, the message area, the status line, and the wiring
 * between tabs (opening a library query in the editor, reloading data sources). It keeps every
 * relative time ("5 min ago") current as time passes.
 */
import type { QueryView } from '../../shared/api-types';
import { call } from './api';
import type { AppContext, TabName } from './context';
import { messageOf } from './context';
import { confirmInline, h, replace, show } from './dom';
import { t, type MessageKey } from './i18n';
import { startRelativeClock } from './relative-time';
import type { SharedState } from './state';
import { createDataSourcesTab } from './views/datasources';
import { createDestinationsSection } from './views/destinations';
import { createLibraryTab } from './views/library';
import { createQueryTab } from './views/query';
import { createStatusLine } from './views/status-line';

const TABS: { name: TabName; label: MessageKey }[] = [
  { name: 'query', label: 'tab.query' },
  { name: 'library', label: 'tab.library' },
  { name: 'datasources', label: 'tab.datasources' },
];

export function startApp(root: HTMLElement): void {
  const state: SharedState = { session: null, kinds: [], dataSources: [], schemas: new Map() };
  const errorBox = h('div', { class: 'error-message', testid: 'error-message', attrs: { role: 'alert' } });
  show(errorBox, false);
  const tabButtons = new Map<TabName, HTMLButtonElement>();
  const panels = new Map<TabName, HTMLElement>();

  const ctx: AppContext = {
    state,
    showError(message) {
      replace(errorBox, message ?? '');
      show(errorBox, Boolean(message));
    },
    selectTab,
    async openQuery(view: QueryView) {
      if (queryTab.hasUnsavedChanges()) {
        const yes = await confirmInline(
          errorBox.parentElement as HTMLElement,
          t('query.replaceUnsaved'),
          t('common.yes'),
          t('common.no'),
        );
        if (!yes) return false;
      }
      queryTab.load(view);
      return true;
    },
    async reloadDataSources() {
      try {
        state.dataSources = await call('listDataSources');
      } catch (error) {
        ctx.showError(messageOf(error));
      }
      dataSourcesTab.render();
      queryTab.dataSourcesChanged();
    },
    runsChanged: () => void statusLine.refresh(),
    libraryChanged: () => void libraryTab.refresh(),
  };

  const queryTab = createQueryTab(ctx);
  const libraryTab = createLibraryTab(ctx);
  const dataSourcesTab = createDataSourcesTab(ctx);
  const destinations = createDestinationsSection(ctx);
  dataSourcesTab.element.append(destinations.element);
  let destinationsLoaded = false;
  const statusLine = createStatusLine();
  panels.set('query', queryTab.element);
  panels.set('library', libraryTab.element);
  panels.set('datasources', dataSourcesTab.element);

  const tabBar = h(
    'nav',
    { class: 'tabs', attrs: { role: 'tablist' } },
    ...TABS.map(({ name, label }) => {
      const button = h(
        'button',
        { class: 'tab', testid: `tab-${name}`, attrs: { role: 'tab' }, on: { click: () => selectTab(name) } },
        t(label),
      );
      tabButtons.set(name, button);
      return button;
    }),
  );

  function selectTab(name: TabName): void {
    for (const [tab, button] of tabButtons) {
      button.classList.toggle('selected', tab === name);
      button.setAttribute('aria-selected', String(tab === name));
      show(panels.get(tab) as HTMLElement, tab === name);
    }
    if (name === 'library') void libraryTab.refresh();
    if (name === 'datasources' && !destinationsLoaded) {
      destinationsLoaded = true;
      void destinations.load();
    }
  }

  replace(root, tabBar, h('main', { class: 'sidebar' }, errorBox, ...panels.values()), statusLine.element);
  selectTab('query');
  startRelativeClock(root);
  statusLine.startPolling();

  void (async () => {
    try {
      const [session, kinds] = await Promise.all([call('getSession'), call('listDataSourceKinds')]);
      state.session = session;
      state.kinds = kinds;
    } catch (error) {
      ctx.showError(messageOf(error));
    }
    await ctx.reloadDataSources();
    await statusLine.refresh();
  })();
}
