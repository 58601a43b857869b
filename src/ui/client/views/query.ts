/**
 * The Query tab: data source, SQL editor (with schema completion and Format), parameters,
 * Run (preview), Write to tab, Save / Save as with conflict handling, and Copy link.
 */
import type { PreviewView, QuerySummary, QueryView, RefreshResultView, SaveQueryAnswer } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { ago, parseTags, seconds } from '../display';
import { append, confirmInline, h, replace, show, textTable } from '../dom';
import { createSqlEditor, type SqlEditor } from '../editor';
import { t } from '../i18n';
import { definitionsForRun, reconcileDefinitions, valuesForRun } from '../params';
import { completionSchema } from '../schema';
import { formatSql } from '../sql-format';
import { dialectOf, draftFromView, emptyDraft, hasUnsavedChanges, saveInput, type QueryDraft } from '../state';
import { createParamsForm } from './params-form';
import { createConflictDialog } from './conflict';

const PREVIEW_LIMIT = 100;

export interface QueryTab {
  element: HTMLElement;
  /** After the data sources changed: refill the select. */
  dataSourcesChanged(): void;
  hasUnsavedChanges(): boolean;
  load(view: QueryView): void;
}

export function createQueryTab(ctx: AppContext): QueryTab {
  let draft: QueryDraft = emptyDraft();
  let saved: QueryDraft | null = null;
  let summaries: QuerySummary[] = [];
  const remembered = new Map<string, QueryDraft['parameters'][number]>();

  const dsSelect = h('select', { testid: 'ds-select', attrs: { 'aria-label': t('query.dataSource') }, on: { change: () => changeDataSource(dsSelect.value) } });
  const noSource = h('div', { class: 'gray' }, t('query.noDataSource'));
  const nameInput = h('input', { testid: 'query-name', attrs: { type: 'text', placeholder: t('query.namePlaceholder'), 'aria-label': t('query.name') }, on: { input: () => edit({ name: nameInput.value }) } });
  const descriptionInput = h('textarea', { testid: 'query-description', attrs: { rows: '2', 'aria-label': t('query.description') }, on: { input: () => edit({ description: descriptionInput.value }) } });
  const tagsInput = h('input', { testid: 'query-tags', attrs: { type: 'text', 'aria-label': t('query.tags') }, on: { input: () => edit({ tags: parseTags(tagsInput.value) }) } });
  const unsavedMark = h('span', { class: 'unsaved', testid: 'unsaved' }, t('query.unsaved'));
  const editorBox = h('div', { class: 'sql-editor', testid: 'sql-editor' });
  const schemaBox = h('details', { class: 'schema', testid: 'schema-browser' });
  const runStatus = h('div', { class: 'run-status', testid: 'run-status', attrs: { 'aria-live': 'polite' } });
  const linkBox = h('div', { class: 'link-box' });
  const previewBox = h('div', { class: 'preview' });
  const conflictBox = h('div');

  const params = createParamsForm({
    onDefinitionsChange: (defs) => edit({ parameters: defs }),
    listQueries: () => summaries,
  });

  const buttons = {
    run: h('button', { class: 'action', testid: 'btn-run', attrs: { title: t('query.runTitle') }, on: { click: () => void runPreview() } }, t('query.run')),
    write: h('button', { testid: 'btn-write', on: { click: () => void writeToTab() } }, t('query.write')),
    save: h('button', { class: 'create', testid: 'btn-save', on: { click: () => void save({}) } }, t('query.save')),
    saveAs: h('button', { testid: 'btn-save-as', on: { click: () => void saveAs() } }, t('query.saveAs')),
    copyLink: h('button', { testid: 'btn-copy-link', on: { click: () => void copyLink() } }, t('query.copyLink')),
    format: h('button', { class: 'small', testid: 'btn-format', on: { click: () => formatNow() } }, t('query.format')),
    schema: h('button', { class: 'small', testid: 'btn-schema-refresh', attrs: { title: t('query.schemaRefresh') }, on: { click: () => void loadSchema(true) } }, '↻ ' + t('query.schema')),
    newQuery: h('button', { class: 'small', testid: 'btn-new', on: { click: () => void newQuery() } }, '+ ' + t('query.new')),
  };

  const editor: SqlEditor = createSqlEditor(editorBox, {
    placeholderText: t('query.sqlPlaceholder'),
    onChange: (text) => {
      edit({ sql: text });
      syncParameters();
    },
    onRun: () => void runPreview(),
  });

  const element = h(
    'section',
    { class: 'tab-panel', testid: 'panel-query' },
    h('div', { class: 'block row' }, buttons.newQuery, unsavedMark),
    h('div', { class: 'block' }, h('label', {}, t('query.dataSource'), dsSelect), noSource),
    h('div', { class: 'block' }, h('label', {}, t('query.name'), nameInput)),
    h('div', { class: 'block' }, h('div', { class: 'toolbar' }, buttons.format, buttons.schema), editorBox, schemaBox),
    params.element,
    h('div', { class: 'block buttons' }, buttons.run, buttons.write),
    h('div', { class: 'block buttons' }, buttons.save, buttons.saveAs, buttons.copyLink),
    conflictBox,
    linkBox,
    runStatus,
    previewBox,
    h('details', { class: 'block' }, h('summary', {}, t('query.details')), h('label', {}, t('query.description'), descriptionInput), h('label', {}, t('query.tags'), tagsInput)),
  );

  function edit(change: Partial<QueryDraft>): void {
    draft = { ...draft, ...change };
    show(unsavedMark, hasUnsavedChanges(draft, saved));
  }

  function syncParameters(): void {
    for (const def of draft.parameters) remembered.set(def.name, def);
    const defs = reconcileDefinitions(draft.sql, params.definitions(), remembered);
    params.setDefinitions(defs);
    if (JSON.stringify(defs) !== JSON.stringify(draft.parameters)) edit({ parameters: defs });
    if (defs.some((d) => d.type === 'list') && summaries.length === 0) void loadSummaries();
  }

  async function loadSummaries(): Promise<void> {
    try {
      summaries = await call('listQueries', { filter: 'all' });
    } catch {
      summaries = [];
    }
  }

  function fillForm(): void {
    nameInput.value = draft.name;
    descriptionInput.value = draft.description;
    tagsInput.value = draft.tags.join(', ');
    if (editor.getText() !== draft.sql) editor.setText(draft.sql);
    params.setDefinitions(draft.parameters);
    fillDataSources();
    show(unsavedMark, hasUnsavedChanges(draft, saved));
  }

  function fillDataSources(): void {
    const sources = ctx.state.dataSources;
    if (!draft.dataSourceId && sources.length > 0) draft = { ...draft, dataSourceId: sources[0].id };
    if (saved && !saved.id && !saved.dataSourceId) saved = { ...saved, dataSourceId: draft.dataSourceId };
    replace(dsSelect, ...sources.map((s) => h('option', { props: { value: s.id, selected: s.id === draft.dataSourceId } }, `${s.name} (${s.kindLabel})`)));
    show(noSource, sources.length === 0);
    applyLanguage();
  }

  function applyLanguage(): void {
    const schema = ctx.state.schemas.get(draft.dataSourceId) ?? null;
    editor.setLanguage(dialectOf(ctx.state, draft.dataSourceId), completionSchema(schema));
    renderSchema();
  }

  function changeDataSource(id: string): void {
    edit({ dataSourceId: id });
    applyLanguage();
    void loadSchema(false);
  }

  function renderSchema(): void {
    const schema = ctx.state.schemas.get(draft.dataSourceId);
    if (!schema) return replace(schemaBox, h('summary', {}, t('query.schema')));
    replace(
      schemaBox,
      h('summary', {}, t('query.schemaCount', { tables: schema.tables.length, at: ago(schema.cachedAt) })),
      h(
        'ul',
        { class: 'schema-list' },
        ...schema.tables.map((table) => {
          const qualified = table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
          return h(
            'li',
            {},
            h('a', { attrs: { href: '#', title: table.columns.map((c) => `${c.name} ${c.type}`).join('\n') }, on: { click: (e) => (e.preventDefault(), editor.insert(qualified)) } }, qualified),
            h('span', { class: 'gray' }, ' ' + table.columns.map((c) => c.name).join(', ')),
          );
        }),
      ),
    );
  }

  async function loadSchema(refresh: boolean): Promise<void> {
    const dataSourceId = draft.dataSourceId;
    if (!dataSourceId) return;
    if (!refresh && ctx.state.schemas.has(dataSourceId)) return applyLanguage();
    buttons.schema.disabled = true;
    try {
      ctx.state.schemas.set(dataSourceId, await call('getSchema', { dataSourceId, refresh }));
      if (dataSourceId === draft.dataSourceId) applyLanguage();
    } catch (error) {
      if (refresh) ctx.showError(messageOf(error));
    } finally {
      buttons.schema.disabled = false;
    }
  }

  function formatNow(): void {
    try {
      const formatted = formatSql(editor.getText(), dialectOf(ctx.state, draft.dataSourceId));
      editor.setText(formatted);
    } catch (error) {
      ctx.showError(t('query.formatFailed', { detail: messageOf(error) }));
    }
  }

  /** Checks shared by Run and Write; returns false (with a message shown) when something is missing. */
  function ready(): boolean {
    ctx.showError(null);
    if (!draft.dataSourceId) return ctx.showError(t('query.dataSourceRequired')), false;
    if (!draft.sql.trim()) return ctx.showError(t('query.sqlRequired')), false;
    const problem = params.problem();
    if (problem) return ctx.showError(problem), false;
    return true;
  }

  async function busy<T>(button: HTMLButtonElement, status: string, work: () => Promise<T>): Promise<T | undefined> {
    button.disabled = true;
    replace(runStatus, status);
    try {
      return await work();
    } catch (error) {
      replace(runStatus);
      ctx.showError(messageOf(error));
      return undefined;
    } finally {
      button.disabled = false;
    }
  }

  async function runPreview(): Promise<void> {
    if (!ready()) return;
    const defs = params.definitions();
    const form = params.values();
    const preview = await busy(buttons.run, t('query.running'), () =>
      call('previewQuery', { dataSourceId: draft.dataSourceId, sql: draft.sql, parameters: definitionsForRun(defs, form), values: valuesForRun(defs, form), limit: PREVIEW_LIMIT }),
    );
    if (preview) showPreview(preview);
  }

  function showPreview(preview: PreviewView): void {
    const vars = { rows: preview.rowCount, seconds: seconds(preview.ms), shown: preview.rows.length };
    replace(runStatus, preview.truncated || preview.rows.length < preview.rowCount ? t('query.previewTruncated', vars) : t('query.previewStatus', vars));
    replace(previewBox, preview.rows.length === 0 ? h('div', { class: 'gray', testid: 'preview-table' }, t('query.noRows')) : textTable(preview.columns, preview.rows, 'preview-table'));
  }

  async function writeToTab(): Promise<void> {
    if (!ready()) return;
    const dirty = hasUnsavedChanges(draft, saved);
    if (draft.id && dirty) return ctx.showError(t('query.saveBeforeWrite'));
    const form = params.values();
    const defs = params.definitions();
    const result = await busy(buttons.write, t('query.running'), () =>
      draft.id
        ? call('runQuery', { id: draft.id, values: valuesForRun(draft.parameters, form) })
        : call('runQueryToTab', {
            name: draft.name.trim() || t('query.namePlaceholder'),
            dataSourceId: draft.dataSourceId,
            sql: draft.sql,
            parameters: definitionsForRun(defs, form),
            values: valuesForRun(defs, form),
          }),
    );
    if (result) showWritten(result);
    ctx.runsChanged();
    if (draft.id) ctx.libraryChanged();
  }

  function showWritten(result: RefreshResultView): void {
    if (!result.ok) {
      replace(runStatus);
      ctx.showError(result.message);
      return;
    }
    const tab = result.sheetName ?? '';
    replace(runStatus, h('div', {}, t('query.written', { rows: result.rows, tab, seconds: seconds(result.durationMs) })));
    if (result.link) append(runStatus, h('a', { testid: 'tab-link', attrs: { href: result.link, target: '_blank', rel: 'noopener' } }, t('query.openTab')));
    for (const warning of result.warnings) append(runStatus, h('div', { class: 'warning' }, warning));
  }

  async function save(options: { force?: boolean }): Promise<void> {
    ctx.showError(null);
    if (!draft.dataSourceId) return ctx.showError(t('query.dataSourceRequired'));
    if (!draft.sql.trim()) return ctx.showError(t('query.sqlRequired'));
    const name = draft.name.trim() || t('query.namePlaceholder');
    const answer = await busy(buttons.save, t('query.saving'), () => call('saveQuery', saveInput({ ...draft, name }, params.values(), options)));
    if (answer) afterSave(answer, false);
  }

  async function saveAs(): Promise<void> {
    ctx.showError(null);
    if (draft.id && !hasUnsavedChanges(draft, saved)) {
      const fork = await busy(buttons.saveAs, t('query.saving'), () => call('forkQuery', { id: draft.id as string }));
      if (fork) afterSave({ saved: fork }, true);
      return;
    }
    await saveCopy();
  }

  async function saveCopy(): Promise<void> {
    if (!draft.dataSourceId) return ctx.showError(t('query.dataSourceRequired'));
    if (!draft.sql.trim()) return ctx.showError(t('query.sqlRequired'));
    const name = draft.id ? t('query.copyOf', { name: draft.name }) : draft.name.trim() || t('query.namePlaceholder');
    const answer = await busy(buttons.saveAs, t('query.saving'), () => call('saveQuery', saveInput(draft, params.values(), { asNew: true, name })));
    if (answer) afterSave(answer, true);
  }

  function afterSave(answer: SaveQueryAnswer, copy: boolean): void {
    if ('conflict' in answer) {
      replace(runStatus);
      showConflict(answer.conflict.theirs);
      return;
    }
    replace(conflictBox);
    const view = answer.saved;
    saved = draftFromView(view);
    draft = draftFromView(view);
    fillForm();
    replace(runStatus, copy ? t('query.savedCopy', { name: view.name }) : t('query.saved', { version: view.version }));
    ctx.libraryChanged();
  }

  function showConflict(theirs: QueryView): void {
    replace(
      conflictBox,
      createConflictDialog(theirs, {
        overwrite: () => void save({ force: true }),
        keepTheirs: () => {
          replace(conflictBox);
          load(theirs);
        },
        saveCopy: () => {
          replace(conflictBox);
          void saveCopy();
        },
      }),
    );
  }

  async function copyLink(): Promise<void> {
    ctx.showError(null);
    if (!draft.id) return ctx.showError(t('query.saveBeforeLink'));
    const answer = await busy(buttons.copyLink, t('common.loading'), () => call('getQueryLink', { id: draft.id as string }));
    if (!answer) return;
    replace(runStatus);
    if (!answer.url) return ctx.showError(t('query.saveBeforeLink'));
    const copied = await copyText(answer.url);
    replace(
      linkBox,
      h('div', { class: copied ? 'success' : 'gray', testid: 'link-status' }, copied ? t('query.linkCopied') : t('query.linkCopyByHand')),
      h('a', { class: 'link-output', testid: 'link-output', attrs: { href: answer.url, target: '_blank', rel: 'noopener' } }, answer.url),
    );
  }

  async function newQuery(): Promise<void> {
    if (hasUnsavedChanges(draft, saved) && !(await confirmInline(element, t('query.replaceUnsaved'), t('common.yes'), t('common.no')))) return;
    saved = null;
    draft = emptyDraft(ctx.state.dataSources[0]?.id ?? '');
    resetOutput();
    params.reset();
    fillForm();
  }

  function resetOutput(): void {
    replace(runStatus);
    replace(previewBox);
    replace(linkBox);
    replace(conflictBox);
  }

  function load(view: QueryView): void {
    saved = draftFromView(view);
    draft = draftFromView(view);
    remembered.clear();
    resetOutput();
    params.reset();
    fillForm();
    void loadSchema(false);
  }

  fillForm();
  return {
    element,
    dataSourcesChanged: () => {
      fillDataSources();
      void loadSchema(false);
    },
    hasUnsavedChanges: () => hasUnsavedChanges(draft, saved),
    load,
  };
}

/** Copies text with the Clipboard API, or the older execCommand inside a sandboxed frame; false when neither works. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { class: 'offscreen', props: { value: text } });
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
