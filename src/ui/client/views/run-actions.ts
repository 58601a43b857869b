/**
 * The Query tab's Run (a preview of the first rows) and Write to tab (the saved query through
 * runQuery, or an unsaved one through runQueryToTab). A failure shows the server's message and
 * marks the preview below as the last good result.
 */
import type { RefreshResultView } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { h, whileBusy } from '../dom';
import { t } from '../i18n';
import { definitionsForRun, valuesForRun } from '../params';
import type { QueryDraft } from '../state';
import type { ParamsForm } from './params-form';
import type { ResultPanel } from './result-panel';

const PREVIEW_LIMIT = 100;

export interface RunActionsOptions {
  ctx: AppContext;
  draft(): QueryDraft;
  isDirty(): boolean;
  params: ParamsForm;
  results: ResultPanel;
  /** After Write to tab answered (the alerts of a saved query may have changed state). */
  written?(result: RefreshResultView): void;
}

export interface RunActions {
  run: HTMLButtonElement;
  write: HTMLButtonElement;
  /** Runs the preview (also Ctrl/Cmd+Enter in the editor). */
  runPreview(): Promise<void>;
}

export function createRunActions(options: RunActionsOptions): RunActions {
  const { ctx, params, results } = options;
  const run = h(
    'button',
    {
      class: 'action',
      testid: 'btn-run',
      attrs: { title: t('query.runTitle') },
      on: { click: () => void runPreview() },
    },
    t('query.run'),
  );
  const write = h('button', { testid: 'btn-write', on: { click: () => void writeToTab() } }, t('query.write'));

  /** Checks shared by Run and Write; false (with a message shown) when something is missing. */
  function ready(draft: QueryDraft): boolean {
    ctx.showError(null);
    const problem = !draft.dataSourceId
      ? t('query.dataSourceRequired')
      : !draft.sql.trim()
        ? t('query.sqlRequired')
        : params.problem();
    if (problem) ctx.showError(problem, ...(draft.dataSourceId && draft.sql.trim() ? params.problemInputs() : []));
    return !problem;
  }

  /** Runs `work` with its button disabled; a refusal is shown and marks the preview as old. */
  async function running<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T | undefined> {
    results.status(t('query.running'));
    try {
      return await whileBusy(button, work);
    } catch (error) {
      results.failed();
      ctx.showError(messageOf(error));
      return undefined;
    }
  }

  async function runPreview(): Promise<void> {
    const draft = options.draft();
    if (!ready(draft)) return;
    const defs = params.definitions();
    const form = params.values();
    const payload = {
      dataSourceId: draft.dataSourceId,
      sql: draft.sql,
      parameters: definitionsForRun(defs, form),
      values: valuesForRun(defs, form),
      limit: PREVIEW_LIMIT,
    };
    const preview = await running(run, () => call('previewQuery', payload));
    if (preview) results.preview(preview);
  }

  function startWrite(draft: QueryDraft): Promise<RefreshResultView> {
    const form = params.values();
    if (draft.id) return call('runQuery', { id: draft.id, values: valuesForRun(draft.parameters, form) });
    const defs = params.definitions();
    return call('runQueryToTab', {
      name: draft.name.trim() || t('query.namePlaceholder'),
      dataSourceId: draft.dataSourceId,
      sql: draft.sql,
      parameters: definitionsForRun(defs, form),
      values: valuesForRun(defs, form),
    });
  }

  async function writeToTab(): Promise<void> {
    const draft = options.draft();
    if (!ready(draft)) return;
    if (draft.id && options.isDirty()) return ctx.showError(t('query.saveBeforeWrite'));
    const result = await running(write, () => startWrite(draft));
    if (result?.ok) results.written(result);
    else if (result) {
      results.failed();
      ctx.showError(result.message);
    }
    if (result?.check) results.check(result.check);
    if (result) options.written?.(result);
    ctx.runsChanged();
    if (draft.id) ctx.libraryChanged();
  }

  return { run, write, runPreview };
}
