/**
 * The dialog shown when someone else saved the query after it was opened: their version
 * (who, when, their SQL) and the three ways out — overwrite, keep theirs, save mine as a copy.
 */
import type { QueryView } from '../../../shared/api-types';
import { h } from '../dom';
import { t, tParts } from '../i18n';
import { relativeTime } from '../relative-time';

export function createConflictDialog(
  theirs: QueryView,
  choices: { overwrite(): void; keepTheirs(): void; saveCopy(): void },
): HTMLElement {
  return h(
    'div',
    { class: 'dialog', testid: 'conflict-dialog', attrs: { role: 'alertdialog' } },
    h('div', { class: 'dialog-title' }, t('conflict.title')),
    h(
      'div',
      {},
      ...tParts<Node>('conflict.by', {
        who: theirs.updatedBy,
        version: theirs.version,
        at: relativeTime(theirs.updatedAt),
      }),
    ),
    h('pre', { class: 'sql', testid: 'conflict-theirs-sql' }, theirs.sql),
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        { class: 'action', testid: 'btn-overwrite', on: { click: choices.overwrite } },
        t('conflict.overwrite'),
      ),
      h('button', { testid: 'btn-keep-theirs', on: { click: choices.keepTheirs } }, t('conflict.keepTheirs')),
      h('button', { testid: 'btn-save-copy', on: { click: choices.saveCopy } }, t('conflict.saveCopy')),
    ),
  );
}
