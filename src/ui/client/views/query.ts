/**
 * The Query tab: holds the query being edited (the draft and what was last saved) and puts
 * its parts together — data source picker, name, SQL editor with Format and the table list,
 * parameters, Run / Write to tab, Save / Save as, Copy link, the result, the saved query's alerts,
 * description and tags.
 */
import type { QuerySummary, QueryView } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { confirmInline, h, show } from '../dom';
import { createSqlEditor } from '../editor';
import { t } from '../i18n';
import { reconcileDefinitions } from '../params';
import { completionSchema } from '../schema';
import { loadSqlFormatChunk } from '../chunks';
import { type QueryDraft, dialectOf, draftFromView, emptyDraft, hasUnsavedChanges } from '../state';
import { createAlertsSection } from './alerts-section';
import { createLinkPanel } from './link-panel';
import { createParamsForm } from './params-form';
import { createQueryMeta } from './query-meta';
import { createResultPanel } from './result-panel';
import { createRunActions } from './run-actions';
import { createSaveActions } from './save-actions';
import { createScheduleEditor } from './schedule-editor';
import { createScheduleStatus } from './schedule-status';
import { createSchemaBrowser } from './schema-browser';
import { createSourcePicker } from './source-picker';

export interface QueryTab {
  element: HTMLElement;
  /** After the data sources changed: refill the select. */
  dataSourcesChanged(): void;
  hasUnsavedChanges(): boolean;
  load(view: QueryView): void;
  /** Settles once the SQL editor is in the page (after the first paint). */
  editorReady: Promise<void>;
  /** Puts the keyboard focus in the SQL editor. */
  focusEditor(): void;
}

export function createQueryTab(ctx: AppContext): QueryTab {
  let draft: QueryDraft = emptyDraft();
  let saved: QueryDraft | null = null;
  let summaries: QuerySummary[] = [];
  const remembered = new Map<string, QueryDraft['parameters'][number]>();
  const isDirty = () => hasUnsavedChanges(draft, saved);

  const unsavedMark = h('span', { class: 'unsaved', testid: 'unsaved' }, t('query.unsaved'));
  const editorBox = h('div', { class: 'sql-editor', testid: 'sql-editor' });
  const editorHint = h('div', { class: 'editor-hint gray', attrs: { id: 'sql-editor-hint' } }, t('a11y.editorHint'));
  const picker = createSourcePicker(changeDataSource);
  const meta = createQueryMeta(edit);
  const scheduleStatus = createScheduleStatus(ctx);
  const schedule = createScheduleEditor((text) => edit({ schedule: text }), scheduleStatus.element);
  // The trigger's status is asked for when the schedule block is opened, not on every load.
  schedule.element.addEventListener('toggle', () => {
    if (schedule.element.open) void scheduleStatus.load();
  });
  const results = createResultPanel();
  const params = createParamsForm({
    onDefinitionsChange: (defs) => edit({ parameters: defs }),
    listQueries: () => summaries,
  });
  const editor = createSqlEditor(editorBox, {
    placeholderText: t('query.sqlPlaceholder'),
    label: t('a11y.editorLabel'),
    hintId: editorHint.id,
    onChange: (text) => {
      edit({ sql: text });
      syncParameters();
    },
    onRun: () => void runs.runPreview(),
  });
  const schema = createSchemaBrowser({
    ctx,
    dataSourceId: () => draft.dataSourceId,
    insert: (text) => editor.insert(text),
    loaded: applyLanguage,
  });
  const alerts = createAlertsSection(ctx, () => results.columns());
  const runs = createRunActions({
    ctx,
    draft: () => draft,
    isDirty,
    params,
    results,
    // A run of the saved query evaluated its alerts: show their new states.
    written: (result) => {
      if (result.check && draft.id) void alerts.refresh();
    },
  });
  const saves = createSaveActions({
    ctx,
    draft: () => draft,
    isDirty,
    values: () => params.values(),
    status: (text) => results.status(text),
    adopt: (view) => {
      saved = draftFromView(view);
      draft = draftFromView(view);
      fillForm();
      alerts.setQuery({ id: view.id, name: view.name });
    },
    load,
  });
  const link = createLinkPanel(ctx, () => draft.id);
  const format = h(
    'button',
    { class: 'small', testid: 'btn-format', on: { click: () => void formatNow() } },
    t('query.format'),
  );
  const newButton = h(
    'button',
    { class: 'small', testid: 'btn-new', on: { click: () => void newQuery() } },
    `+ ${t('query.new')}`,
  );

  const newRow = h('div', { class: 'block row' }, newButton, unsavedMark);
  const element = h(
    'section',
    { class: 'tab-panel', testid: 'panel-query' },
    newRow,
    picker.element,
    meta.nameBlock,
    h(
      'div',
      { class: 'block' },
      h('div', { class: 'toolbar' }, format, schema.refreshButton),
      editorBox,
      editorHint,
      schema.element,
    ),
    params.element,
    schedule.element,
    h('div', { class: 'block buttons' }, runs.run, runs.write),
    h('div', { class: 'block buttons' }, saves.save, saves.saveAs, link.button),
    saves.conflictBox,
    link.element,
    results.element,
    alerts.element,
    meta.detailsBlock,
  );

  function edit(change: Partial<QueryDraft>): void {
    draft = { ...draft, ...change };
    show(unsavedMark, isDirty());
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
    meta.fill(draft);
    schedule.fill(draft.schedule, ctx.state.session?.spreadsheetTimeZone ?? '');
    if (editor.getText() !== draft.sql) editor.setText(draft.sql);
    params.setDefinitions(draft.parameters);
    fillDataSources();
    show(unsavedMark, isDirty());
  }

  function fillDataSources(): void {
    const sources = ctx.state.dataSources;
    if (!draft.dataSourceId && sources.length > 0) draft = { ...draft, dataSourceId: sources[0].id };
    if (saved && !saved.id && !saved.dataSourceId) saved = { ...saved, dataSourceId: draft.dataSourceId };
    picker.fill(sources, draft.dataSourceId);
    applyLanguage();
  }

  function applyLanguage(): void {
    const cached = ctx.state.schemas.get(draft.dataSourceId) ?? null;
    editor.setLanguage(dialectOf(ctx.state, draft.dataSourceId), completionSchema(cached));
    schema.render();
  }

  function changeDataSource(id: string): void {
    edit({ dataSourceId: id });
    applyLanguage();
    void schema.load(false);
  }

  async function formatNow(): Promise<void> {
    try {
      const { formatSql } = await loadSqlFormatChunk();
      editor.setText(formatSql(editor.getText(), dialectOf(ctx.state, draft.dataSourceId)));
    } catch (error) {
      ctx.showError(t('query.formatFailed', { detail: messageOf(error) }));
    }
  }

  function resetOutput(): void {
    results.clear();
    link.clear();
    saves.clear();
  }

  async function newQuery(): Promise<void> {
    if (isDirty() && !(await confirmInline(newRow, t('query.replaceUnsaved'), t('common.yes'), t('common.no')))) return;
    saved = null;
    draft = emptyDraft(ctx.state.dataSources[0]?.id ?? '');
    resetOutput();
    params.reset();
    fillForm();
    alerts.setQuery(null);
  }

  function load(view: QueryView): void {
    saved = draftFromView(view);
    draft = draftFromView(view);
    remembered.clear();
    resetOutput();
    params.reset();
    fillForm();
    alerts.setQuery({ id: view.id, name: view.name });
    void schema.load(false);
  }

  fillForm();
  return {
    element,
    dataSourcesChanged: () => {
      fillDataSources();
      void schema.load(false);
    },
    hasUnsavedChanges: isDirty,
    load,
    editorReady: editor.ready,
    focusEditor: () => editor.focus(),
  };
}
