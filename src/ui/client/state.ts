/**
 * The sidebar's state (pure): the query being edited as a draft, what was last saved (to know
 * when there are unsaved changes), and the data the tabs share (session, kinds, sources).
 */
import type {
  DataSourceView,
  KindView,
  ParameterDef,
  ParameterValues,
  QueryInput,
  QueryView,
  SchemaView,
  SessionView,
} from '../../shared/api-types';
import { withDefault } from './params';

export interface QueryDraft {
  id: string | null;
  /** The stored version the editor opened; saving against a newer one is a conflict. */
  baseVersion: number | null;
  name: string;
  description: string;
  tags: string[];
  dataSourceId: string;
  sql: string;
  parameters: ParameterDef[];
  schedule: string;
}

export function emptyDraft(dataSourceId = ''): QueryDraft {
  return {
    id: null,
    baseVersion: null,
    name: '',
    description: '',
    tags: [],
    dataSourceId,
    sql: '',
    parameters: [],
    schedule: '',
  };
}

export function draftFromView(view: QueryView): QueryDraft {
  return {
    id: view.id,
    baseVersion: view.version,
    name: view.name,
    description: view.description,
    tags: [...view.tags],
    dataSourceId: view.dataSourceId,
    sql: view.sql,
    parameters: view.parameters.map((p) => ({ ...p })),
    schedule: view.schedule,
  };
}

/** What a user would lose: name, text, source, tags, schedule or parameter settings differ from the saved copy. */
export function hasUnsavedChanges(draft: QueryDraft, saved: QueryDraft | null): boolean {
  const base = saved ?? emptyDraft(draft.dataSourceId);
  return (
    draft.name !== base.name ||
    draft.description !== base.description ||
    draft.sql !== base.sql ||
    draft.dataSourceId !== base.dataSourceId ||
    draft.schedule !== base.schedule ||
    draft.tags.join('\u0000') !== base.tags.join('\u0000') ||
    JSON.stringify(draft.parameters) !== JSON.stringify(base.parameters)
  );
}

/** The saveQuery payload; the form's values become the parameters' defaults. */
export function saveInput(
  draft: QueryDraft,
  values: ParameterValues,
  options: { force?: boolean; asNew?: boolean; name?: string } = {},
): QueryInput {
  const input: QueryInput = {
    name: options.name ?? draft.name,
    description: draft.description,
    dataSourceId: draft.dataSourceId,
    sql: draft.sql,
    parameters: draft.parameters.map((p) => withDefault(p, values[p.name])),
    schedule: draft.schedule,
    tags: draft.tags,
  };
  if (!options.asNew && draft.id) {
    input.id = draft.id;
    if (draft.baseVersion !== null) input.baseVersion = draft.baseVersion;
    if (options.force) input.force = true;
  }
  return input;
}

export interface SharedState {
  session: SessionView | null;
  kinds: KindView[];
  dataSources: DataSourceView[];
  schemas: Map<string, SchemaView>;
}

/** The dialect of the chosen data source, or null when none (or an unknown kind) is chosen: no guessing. */
export function dialectOf(state: SharedState, dataSourceId: string): KindView['dialect'] | null {
  const source = state.dataSources.find((d) => d.id === dataSourceId);
  const kind = state.kinds.find((k) => k.id === source?.kind);
  return kind?.dialect ?? null;
}
