/**
 * The status line at the bottom: the last few scheduled (and other) runs, from listRecentRuns.
 * Their times are live (relative-time.ts), and the list is fetched again every few minutes
 * while the sidebar is visible, since scheduled runs happen without it.
 */
import type { RunStatusView } from '../../../shared/api-types';
import { call } from '../api';
import { h, replace } from '../dom';
import { type MessageKey, t, tParts } from '../i18n';
import { relativeTime } from '../relative-time';
import { checkBadge } from './check-badge';

const SHOWN = 3;
/** How often the list is fetched again while the sidebar is visible. */
export const STATUS_REFETCH_MS = 5 * 60_000;

const KEYS: Record<RunStatusView['outcome'], MessageKey> = {
  ok: 'status.ok',
  failed: 'status.failed',
  skipped: 'status.skipped',
};

export interface StatusLine {
  element: HTMLElement;
  refresh(): Promise<void>;
  /** Shows runs already known (those that came with the page). */
  show(runs: RunStatusView[]): void;
  /** Fetches again every STATUS_REFETCH_MS while the page is visible, and when it becomes visible. */
  startPolling(): () => void;
}

/**
 * One run: a dot, the outcome in words, and the state of its alerts when it has any. A run whose
 * check triggered gets the warning dot and badge, never the green one of a plain OK.
 */
function runLine(run: RunStatusView): HTMLElement {
  const vars = { query: run.query, rows: run.rows ?? 0, at: relativeTime(run.at), message: run.message };
  const check = run.check;
  const looks = check && check.state !== 'ok' && run.outcome === 'ok' ? `check-${check.state}` : run.outcome;
  const title = check ? `${run.message} ${check.text}`.trim() : run.message;
  return h(
    'div',
    { class: `run run-${looks}`, testid: 'status-run', attrs: { title, 'data-check': check?.state } },
    h('span', { class: 'dot' }),
    ...tParts<Node>(KEYS[run.outcome], vars),
    check ? ' · ' : null,
    check ? checkBadge(check.state, check.text, 'status-check') : null,
  );
}

export function createStatusLine(): StatusLine {
  const element = h('footer', { class: 'status-line', testid: 'status-line' });
  const render = (runs: RunStatusView[]) => {
    if (runs.length === 0) return replace(element, h('span', { class: 'gray' }, t('status.none')));
    replace(element, h('span', { class: 'status-title' }, t('status.title')), ...runs.slice(0, SHOWN).map(runLine));
  };
  const refresh = async () => {
    try {
      render(await call('listRecentRuns'));
    } catch (error) {
      replace(element, h('span', { class: 'gray' }, error instanceof Error ? error.message : String(error)));
    }
  };
  const startPolling = () => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, STATUS_REFETCH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  };
  return { element, refresh, show: render, startPolling };
}
