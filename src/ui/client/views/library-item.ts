/**
 * One saved query in the Library tab: name, description, tags, owner and last run (with live
 * relative times), its buttons, and its versions folded out on request.
 */
import type { QuerySummary, VersionSummary } from '../../../shared/api-types';
import { h, replace } from '../dom';
import { t, tParts } from '../i18n';
import { relativeTime } from '../relative-time';
import { describeSchedule } from '../schedule-form';
import { checkBadge } from './check-badge';

export interface LibraryItemActions {
  /** `from`: the Open button (a confirm shows next to it; the focus goes back to it on No). */
  open(id: string, from?: HTMLElement): void;
  archive(id: string, archived: boolean): void;
  /** The query's versions, newest first (a refusal is shown by the caller, which answers null). */
  versions(id: string): Promise<VersionSummary[] | null>;
  restoreVersion(id: string, version: number, box: HTMLElement): void;
}

function lastRunLine(run: NonNullable<QuerySummary['lastRun']>): HTMLElement {
  const at = relativeTime(run.at);
  const parts = run.ok
    ? tParts<Node>('library.lastRunOk', { at, rows: run.rows ?? 0 })
    : tParts<Node>('library.lastRunFailed', { at, message: run.message });
  return h('div', { class: run.ok ? 'gray' : 'error' }, ...parts);
}

function versionList(
  id: string,
  versions: VersionSummary[],
  box: HTMLElement,
  actions: LibraryItemActions,
): HTMLElement {
  const item = (v: VersionSummary) =>
    h(
      'li',
      { testid: 'version-item' },
      h(
        'div',
        {},
        ...tParts<Node>('library.versionLine', { version: v.version, who: v.savedBy, at: relativeTime(v.savedAt) }),
      ),
      v.change ? h('div', { class: 'gray' }, v.change) : null,
      h(
        'button',
        {
          class: 'small',
          testid: 'btn-restore-version',
          on: { click: () => actions.restoreVersion(id, v.version, box) },
        },
        t('library.restoreVersion'),
      ),
    );
  return h('ul', { class: 'version-list', testid: 'version-list' }, ...versions.map(item));
}

export function libraryItem(query: QuerySummary, actions: LibraryItemActions): HTMLElement {
  const versions = h('div', { class: 'versions' });
  const toggleVersions = async () => {
    if (versions.childNodes.length > 0) return replace(versions);
    const list = await actions.versions(query.id);
    if (list) replace(versions, versionList(query.id, list, versions, actions));
  };
  const archiveButton = query.archived
    ? h(
        'button',
        { class: 'small', testid: 'btn-restore', on: { click: () => actions.archive(query.id, false) } },
        t('library.restore'),
      )
    : h(
        'button',
        { class: 'small', testid: 'btn-archive', on: { click: () => actions.archive(query.id, true) } },
        t('library.archive'),
      );
  return h(
    'li',
    {
      class: query.archived ? 'library-item archived' : 'library-item',
      testid: 'library-item',
      attrs: { 'data-query-id': query.id },
    },
    h('div', { class: 'item-name' }, query.name),
    query.description ? h('div', { class: 'item-description' }, query.description) : null,
    query.tags.length
      ? h('div', { class: 'tags' }, ...query.tags.map((tag) => h('span', { class: 'tag' }, tag)))
      : null,
    h(
      'div',
      { class: 'gray' },
      ...tParts<Node>('library.meta', { owner: query.owner, at: relativeTime(query.updatedAt) }),
    ),
    query.schedule
      ? h(
          'div',
          { class: 'gray', testid: 'item-schedule' },
          t('library.schedule', { schedule: describeSchedule(query.schedule) }),
        )
      : null,
    query.lastRun ? lastRunLine(query.lastRun) : null,
    query.check
      ? h('div', { class: 'item-check' }, checkBadge(query.check.state, query.check.text, 'item-check'))
      : null,
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        {
          class: 'small action',
          testid: 'btn-open',
          on: { click: (event) => actions.open(query.id, event.currentTarget as HTMLElement) },
        },
        t('library.open'),
      ),
      archiveButton,
      h(
        'button',
        { class: 'small', testid: 'btn-versions', on: { click: () => void toggleVersions() } },
        t('library.versions'),
      ),
    ),
    versions,
  );
}
