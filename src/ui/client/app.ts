/**
 * The sidebar's shell: the three tabs (WAI-ARIA tabs: arrow keys, Home, End), the message area
 * (announced), the status line, and the wiring between tabs (opening a library query in the editor,
 * reloading data sources). The first view comes from the data evaluated with the page (`boot`), so
 * it is usable without a server round; the schema loads after. It keeps every relative time
 * ("5 min ago") current as time passes.
 */
import type { ApiResponse, QueryView, SidebarBootView } from '../../shared/api-types';
import { call } from './api';
import type { AppContext, TabName } from './context';
import { messageOf } from './context';
import { confirmInline, h, markInvalid, replace, show } from './dom';
import { afterFirstPaint } from './editor';
import { t, type MessageKey } from './i18n';
import { startRelativeClock } from './relative-time';
import type { SharedState } from './state';
import { createDataSourcesTab } from './views/datasources';
import { createDiagnosticsSection } from './views/diagnostics';
import { createDestinationsSection } from './views/destinations';
import { createHealthSection } from './views/health-section';
import { createLibraryTab } from './views/library';
import { createQueryTab } from './views/query';
import { createStatusLine } from './views/status-line';

const TABS: { name: TabName; label: MessageKey }[] = [
  { name: 'query', label: 'tab.query' },
  { name: 'library', label: 'tab.library' },
  { name: 'datasources', label: 'tab.datasources' },
];

/** Marks the page usable (for tests and the bench): an attribute on <html> and a performance mark. */
function markUsable(): void {
  document.documentElement.setAttribute('data-sheetdash-ready', 'true');
  performance.mark?.('sheetdash-usable');
}

export function startApp(root: HTMLElement, boot: SidebarBootView | null = null): void {
  const state: SharedState = { session: null, kinds: [], dataSources: [], schemas: new Map() };
  const bootErrors: string[] = [];
  const fromBoot = <T>(answer: ApiResponse<T>, fallback: T): T => {
    if (answer.ok) return answer.value;
    bootErrors.push(answer.error);
    return fallback;
  };
  if (boot) {
    state.session = fromBoot(boot.session, null);
    state.kinds = fromBoot(boot.kinds, []);
    state.dataSources = fromBoot(boot.dataSources, []);
  }
  const errorBox = h('div', {
    class: 'error-message',
    testid: 'error-message',
    attrs: { role: 'alert', id: 'sidebar-error' },
  });
  show(errorBox, false);
  let invalidFields: HTMLElement[] = [];
  const tabButtons = new Map<TabName, HTMLButtonElement>();
  const panels = new Map<TabName, HTMLElement>();

  const ctx: AppContext = {
    state,
    showError(message, ...fields) {
      for (const field of invalidFields) markInvalid(field, null);
      invalidFields = message ? fields : [];
      for (const field of invalidFields) markInvalid(field, errorBox.id);
      replace(errorBox, message ?? '');
      show(errorBox, Boolean(message));
      if (message) errorBox.scrollIntoView?.({ block: 'nearest' });
    },
    selectTab,
    async openQuery(view: QueryView, near?: HTMLElement) {
      if (queryTab.hasUnsavedChanges()) {
        const host = near?.closest('li') ?? near?.parentElement ?? (errorBox.parentElement as HTMLElement);
        const yes = await confirmInline(host, t('query.replaceUnsaved'), t('common.yes'), t('common.no'));
        if (!yes) return false;
      }
      queryTab.load(view);
      return true;
    },
    focusEditor: () => queryTab.focusEditor(),
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
  const health = createHealthSection(ctx);
  dataSourcesTab.element.append(destinations.element, health.element, createDiagnosticsSection().element);
  let destinationsLoaded = false;
  const statusLine = createStatusLine();
  panels.set('query', queryTab.element);
  panels.set('library', libraryTab.element);
  panels.set('datasources', dataSourcesTab.element);

  const tabBar = h(
    'div',
    { class: 'tabs', attrs: { role: 'tablist', 'aria-label': t('a11y.tabs') }, on: { keydown: moveBetweenTabs } },
    ...TABS.map(({ name, label }) => {
      const panel = panels.get(name) as HTMLElement;
      panel.id = `panel-${name}`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', `tab-${name}`);
      const button = h(
        'button',
        {
          class: 'tab',
          testid: `tab-${name}`,
          // The full label as a tooltip, for when a narrow sidebar cuts it.
          attrs: { role: 'tab', id: `tab-${name}`, 'aria-controls': panel.id, title: t(label) },
          on: { click: () => selectTab(name) },
        },
        t(label),
      );
      tabButtons.set(name, button);
      return button;
    }),
  );

  /** Arrow keys move between tabs (wrapping), Home and End go to the first and last; the tab opens as it gets focus. */
  function moveBetweenTabs(event: KeyboardEvent): void {
    const names = TABS.map((tab) => tab.name);
    const current = names.findIndex((name) => tabButtons.get(name) === document.activeElement);
    if (current < 0) return;
    const target = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: names.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const name = names[(target + names.length) % names.length];
    selectTab(name);
    tabButtons.get(name)?.focus();
  }

  function selectTab(name: TabName): void {
    for (const [tab, button] of tabButtons) {
      button.classList.toggle('selected', tab === name);
      button.setAttribute('aria-selected', String(tab === name));
      button.tabIndex = tab === name ? 0 : -1;
      show(panels.get(tab) as HTMLElement, tab === name);
    }
    if (name === 'library') void libraryTab.refresh();
    if (name === 'datasources' && !destinationsLoaded) {
      destinationsLoaded = true;
      void destinations.load();
      void health.load();
    }
  }

  replace(
    root,
    h('header', { class: 'tabs-header' }, h('h1', { class: 'visually-hidden' }, t('a11y.app')), tabBar),
    h('main', { class: 'sidebar' }, errorBox, ...panels.values()),
    statusLine.element,
  );
  selectTab('query');
  startRelativeClock(root);
  statusLine.startPolling();

  if (boot) {
    // Everything the first view needs came with the page: no server round before it is usable.
    dataSourcesTab.render();
    statusLine.show(fromBoot(boot.recentRuns, []));
    if (bootErrors.length > 0) ctx.showError(bootErrors.join('\n'));
    void afterFirstPaint()
      .then(() => queryTab.editorReady)
      .catch((error) => ctx.showError(messageOf(error)))
      .finally(() => {
        markUsable();
        queryTab.dataSourcesChanged(); // fills the picker again and loads the schema cache, after the first paint
      });
    return;
  }
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
    await queryTab.editorReady.catch((error) => ctx.showError(messageOf(error)));
    markUsable();
  })();
}
