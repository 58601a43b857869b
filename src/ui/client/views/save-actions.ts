/**
 * The Query tab's Save and Save as: saves the draft (or a copy of it, or a fork of the saved
 * query), and when someone else saved in between, shows the conflict dialog with its three
 * ways out.
 */
import type { ParameterValues, QueryView, SaveQueryAnswer } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { h, replace, whileBusy } from '../dom';
import { t } from '../i18n';
import { type QueryDraft, saveInput } from '../state';
import { createConflictDialog } from './conflict';

export interface SaveActionsOptions {
  ctx: AppContext;
  draft(): QueryDraft;
  isDirty(): boolean;
  values(): ParameterValues;
  /** Shows a status text under the buttons ('' clears it). */
  status(text: string): void;
  /** The server saved this version: it becomes both the draft and the saved copy. */
  adopt(view: QueryView): void;
  /** Opens another version in the editor (the conflict's "keep theirs"). */
  load(view: QueryView): void;
}

export interface SaveActions {
  save: HTMLButtonElement;
  saveAs: HTMLButtonElement;
  /** Where the conflict dialog appears. */
  conflictBox: HTMLElement;
  /** Removes a conflict dialog (another query was opened). */
  clear(): void;
}

export function createSaveActions(options: SaveActionsOptions): SaveActions {
  const { ctx } = options;
  const conflictBox = h('div');
  const save = h(
    'button',
    { class: 'create', testid: 'btn-save', on: { click: () => void saveDraft({}) } },
    t('query.save'),
  );
  const saveAs = h('button', { testid: 'btn-save-as', on: { click: () => void saveAsNew() } }, t('query.saveAs'));

  /** Runs a save with its button disabled; a refusal goes to the message area. */
  async function saving<T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T | undefined> {
    options.status(t('query.saving'));
    try {
      return await whileBusy(button, work);
    } catch (error) {
      options.status('');
      ctx.showError(messageOf(error));
      return undefined;
    }
  }

  /** The message when the draft cannot be saved yet, or null. */
  const missing = (draft: QueryDraft) => {
    if (!draft.dataSourceId) return t('query.dataSourceRequired');
    if (!draft.sql.trim()) return t('query.sqlRequired');
    return null;
  };

  async function saveDraft(flags: { force?: boolean }): Promise<void> {
    ctx.showError(null);
    const draft = options.draft();
    const problem = missing(draft);
    if (problem) return ctx.showError(problem);
    const name = draft.name.trim() || t('query.namePlaceholder');
    const input = saveInput({ ...draft, name }, options.values(), flags);
    const answer = await saving(save, () => call('saveQuery', input));
    if (answer) afterSave(answer, false);
  }

  async function saveAsNew(): Promise<void> {
    ctx.showError(null);
    const draft = options.draft();
    const id = draft.id;
    if (id && !options.isDirty()) {
      const fork = await saving(saveAs, () => call('forkQuery', { id }));
      if (fork) afterSave({ saved: fork }, true);
      return;
    }
    await saveCopy();
  }

  async function saveCopy(): Promise<void> {
    const draft = options.draft();
    const problem = missing(draft);
    if (problem) return ctx.showError(problem);
    const name = draft.id ? t('query.copyOf', { name: draft.name }) : draft.name.trim() || t('query.namePlaceholder');
    const input = saveInput(draft, options.values(), { asNew: true, name });
    const answer = await saving(saveAs, () => call('saveQuery', input));
    if (answer) afterSave(answer, true);
  }

  function afterSave(answer: SaveQueryAnswer, copy: boolean): void {
    if ('conflict' in answer) {
      options.status('');
      showConflict(answer.conflict.theirs);
      return;
    }
    replace(conflictBox);
    const view = answer.saved;
    options.adopt(view);
    options.status(copy ? t('query.savedCopy', { name: view.name }) : t('query.saved', { version: view.version }));
    ctx.libraryChanged();
  }

  function showConflict(theirs: QueryView): void {
    const dialog = createConflictDialog(theirs, {
      overwrite: () => {
        save.focus();
        void saveDraft({ force: true });
      },
      // The dialog's buttons go away with it: the focus goes to the editor, or stays with Save as.
      keepTheirs: () => {
        replace(conflictBox);
        options.load(theirs);
        ctx.focusEditor();
      },
      saveCopy: () => {
        replace(conflictBox);
        saveAs.focus();
        void saveCopy();
      },
    });
    replace(conflictBox, dialog);
  }

  return { save, saveAs, conflictBox, clear: () => replace(conflictBox) };
}
