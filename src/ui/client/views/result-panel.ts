/**
 * The Query tab's output: the status of the last action (running, rows written, saved) and
 * the preview table. A failed run never leaves an older preview looking current: the preview
 * stays, greyed and headed "the latest run failed; this is the last good result, from <time>",
 * until a run succeeds, or goes when another query is opened.
 */
import type { CheckSummaryView, PreviewView, RefreshResultView } from '../../../shared/api-types';
import { seconds } from '../display';
import { append, h, replace, show, textTable } from '../dom';
import { getLang, t, tParts } from '../i18n';
import { relativeTime } from '../relative-time';
import { checkBadge } from './check-badge';

export interface ResultPanel {
  element: HTMLElement;
  /** Replaces the status text (running, saved...). */
  status(text: string): void;
  /** A preview that worked: the table, its row count and timing; clears any "last good" mark. */
  preview(preview: PreviewView): void;
  /** The answer of Write to tab: what was written (a failure goes through failed()). */
  written(result: RefreshResultView): void;
  /**
   * The state of the query's alerts after a run (below the run's outcome): a triggered check is a
   * warning with its value, never an OK.
   */
  check(check: CheckSummaryView): void;
  /** The columns of the preview shown ([] when none). */
  columns(): string[];
  /** A run failed: clears the status and marks the preview shown as the last good result. */
  failed(): void;
  /** Forgets everything (another query). */
  clear(): void;
}

/** Hours and minutes (and seconds) of an instant, as this computer shows them. */
function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(getLang() === 'ja' ? 'ja-JP' : 'en-US');
}

export function createResultPanel(): ResultPanel {
  const statusBox = h('div', { class: 'run-status', testid: 'run-status', attrs: { 'aria-live': 'polite' } });
  const lastGood = h('div', { class: 'last-good', testid: 'last-good', attrs: { role: 'note' } });
  const previewBox = h('div', { class: 'preview', testid: 'preview' });
  const element = h('div', { class: 'result-panel' }, statusBox, lastGood, previewBox);
  /** When the preview shown was produced; null when none is shown. */
  let previewAt: number | null = null;
  let previewColumns: string[] = [];

  const unmark = () => {
    replace(lastGood);
    show(lastGood, false);
    previewBox.classList.remove('stale');
  };
  unmark();

  return {
    element,
    status: (text) => replace(statusBox, text),
    preview(preview) {
      const vars = { rows: preview.rowCount, seconds: seconds(preview.ms), shown: preview.rows.length };
      const partial = preview.truncated || preview.rows.length < preview.rowCount;
      replace(statusBox, partial ? t('query.previewTruncated', vars) : t('query.previewStatus', vars));
      unmark();
      previewAt = Date.now();
      previewColumns = [...preview.columns];
      replace(
        previewBox,
        preview.rows.length === 0
          ? h('div', { class: 'gray', testid: 'preview-table' }, t('query.noRows'))
          : textTable(preview.columns, preview.rows, 'preview-table', t('a11y.preview')),
      );
    },
    written(result) {
      const vars = { rows: result.rows, tab: result.sheetName ?? '', seconds: seconds(result.durationMs) };
      replace(statusBox, h('div', {}, t('query.written', vars)));
      if (result.link) {
        const attrs = { href: result.link, target: '_blank', rel: 'noopener' };
        append(statusBox, h('a', { testid: 'tab-link', attrs }, t('query.openTab')));
      }
      for (const warning of result.warnings) append(statusBox, h('div', { class: 'warning' }, warning));
    },
    check(check) {
      append(
        statusBox,
        h(
          'div',
          { class: 'run-check', testid: 'run-check', attrs: { 'data-state': check.state } },
          `${t('alerts.checkPrefix')} `,
          checkBadge(check.state, check.text),
        ),
      );
    },
    columns: () => previewColumns,
    failed() {
      replace(statusBox);
      if (previewAt === null) return;
      const at = new Date(previewAt).toISOString();
      replace(lastGood, ...tParts<Node>('query.lastGood', { time: clockTime(previewAt), at: relativeTime(at) }));
      show(lastGood, true);
      previewBox.classList.add('stale');
    },
    clear() {
      replace(statusBox);
      replace(previewBox);
      unmark();
      previewAt = null;
      previewColumns = [];
    },
  };
}
