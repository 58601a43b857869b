/** The status line at the bottom: the last few scheduled (and other) runs, from listRecentRuns. */
import { call } from '../api';
import { ago } from '../display';
import { h, replace } from '../dom';
import { t } from '../i18n';
import type { RunStatusView } from '../../../shared/api-types';

const SHOWN = 3;

export function createStatusLine(): { element: HTMLElement; refresh(): Promise<void> } {
  const element = h('footer', { class: 'status-line', testid: 'status-line' });
  const render = (runs: RunStatusView[]) => {
    if (runs.length === 0) return replace(element, h('span', { class: 'gray' }, t('status.none')));
    replace(
      element,
      h('span', { class: 'status-title' }, t('status.title')),
      ...runs.slice(0, SHOWN).map((run) => {
        const vars = { query: run.query, rows: run.rows ?? 0, at: ago(run.at), message: run.message };
        const key = run.outcome === 'ok' ? 'status.ok' : run.outcome === 'failed' ? 'status.failed' : 'status.skipped';
        return h('div', { class: `run run-${run.outcome}`, attrs: { title: run.message } }, h('span', { class: 'dot' }), t(key, vars));
      }),
    );
  };
  return {
    element,
    refresh: async () => {
      try {
        render(await call('listRecentRuns'));
      } catch (error) {
        replace(element, h('span', { class: 'gray' }, error instanceof Error ? error.message : String(error)));
      }
    },
  };
}
