/**
 * The query library: save (new or update, with a conflict check against the version the
 * editor opened), fork, rename, archive and restore, versions and restoring one, listing with
 * search and filters. Every change runs under the document lock (read, check, write) and is
 * recorded as a new version in the versions sheet.
 */
import { queryChecks } from '../alerts/alerts';
import { translate, type Lang } from '../../core/i18n';
import { InputError } from '../../core/input';
import { UserError } from '../../core/user-error';
import { changedFields, describeChange, TRACKED_FIELDS } from '../../core/library/changes';
import { oversizedField, type StoredQuery, versionRecord } from '../../core/library/query-row';
import { filterQueries, type LibraryFilter } from '../../core/library/search';
import { MAX_CELL_CHARS } from '../../core/values/cell-value';
import { sheetIdOf, spreadsheetUrl } from '../../adapters/sheets';
import { withDocumentLock } from '../../adapters/lock';
import { userEmail } from '../../adapters/session';
import type { QuerySummary, QueryView, SaveQueryAnswer, VersionSummary } from '../../shared/api-types';
import { findResultTab } from '../refresh/result-tab';
import { getDataSource } from '../datasources';
import { canonicalSchedule, parseSchedule } from '../../core/schedule';
import { appendVersion, findQuery, readLibrary, readVersions, writeQuery } from './library-sheet';

const LOCK_WAIT_MS = 10_000;

/** What an editor can change in a saved query. */
export type QueryFields = Pick<
  StoredQuery,
  'name' | 'description' | 'dataSourceId' | 'sql' | 'parameters' | 'schedule' | 'tags'
>;

export interface SaveRequest extends QueryFields {
  id?: string;
  baseVersion?: number;
  force: boolean;
}

function locked<T>(lang: Lang, fn: () => T): T {
  const result = withDocumentLock(LOCK_WAIT_MS, fn);
  if (!result.ok) throw new UserError(translate(lang, 'library.busy'));
  return result.value;
}

function now(): string {
  return new Date().toISOString();
}

/** The link that opens a query's result tab, or null before its first run. */
export function resultLink(queryId: string): string | null {
  const tab = findResultTab(queryId);
  return tab ? `${spreadsheetUrl()}#gid=${sheetIdOf(tab)}&range=A1` : null;
}

export function toSummary(q: StoredQuery): QuerySummary {
  return {
    id: q.id,
    name: q.name,
    description: q.description,
    dataSourceId: q.dataSourceId,
    tags: q.tags,
    owner: q.owner,
    updatedBy: q.updatedBy,
    updatedAt: q.updatedAt,
    archived: q.archived,
    lastRun: q.lastRun,
    schedule: q.schedule,
  };
}

export function toView(q: StoredQuery, link: string | null = resultLink(q.id)): QueryView {
  return {
    ...toSummary(q),
    sql: q.sql,
    parameters: q.parameters,
    version: q.version,
    createdBy: q.createdBy,
    createdAt: q.createdAt,
    resultLink: link,
  };
}

export function getStoredQuery(id: string, lang: Lang): { sheetRow: number; query: StoredQuery } {
  const found = findQuery(id);
  if (!found) throw new UserError(translate(lang, 'library.notFound', { id }));
  return { sheetRow: found.row, query: found.query };
}

export function listQueries(
  options: { search?: string; filter?: LibraryFilter; tag?: string },
  lang: Lang,
): QuerySummary[] {
  const { sheet, rows } = readLibrary();
  const queries = rows.flatMap((r) => (r.ok === true ? [r.query] : []));
  const checks = queryChecks(lang);
  const list: QuerySummary[] = filterQueries(queries, { ...options, userEmail: userEmail() }).map((q) => ({
    ...toSummary(q),
    check: checks.get(q.id) ?? null,
  }));
  if ((options.filter ?? 'all') === 'all' && sheet) {
    for (const r of rows) {
      if (r.ok !== false) continue;
      const problems = r.problems.map((p) => translate(lang, p.key, p.vars)).join('; ');
      list.push({
        id: r.id || `broken-row-${r.row}`,
        name: r.name || `#${r.row}`,
        description: '',
        dataSourceId: '',
        tags: [],
        owner: '',
        updatedBy: '',
        updatedAt: '',
        archived: false,
        lastRun: null,
        schedule: '',
        broken: {
          row: r.row,
          message: translate(lang, 'library.brokenRow', { row: r.row, problems, sheet: sheet.getName() }),
        },
      });
    }
  }
  return list;
}

/** Every readable saved query (broken rows left out), for the scheduler. */
export function listStoredQueries(): StoredQuery[] {
  return readLibrary().rows.flatMap((r) => (r.ok === true ? [r.query] : []));
}

export function getQuery(id: string, version: number | undefined, lang: Lang): QueryView {
  const { query } = getStoredQuery(id, lang);
  if (version === undefined || version === query.version) return toView(query);
  const old = readVersions(id).find((v) => v.version === version);
  if (!old) throw new UserError(translate(lang, 'library.versionNotFound', { name: query.name, version }));
  return toView({ ...old.query, lastRun: query.lastRun, archived: query.archived }, resultLink(id));
}

function checkFields(fields: QueryFields, lang: Lang): void {
  if (!fields.name.trim()) throw new UserError(translate(lang, 'library.nameRequired'));
  if (!fields.dataSourceId.trim()) throw new InputError('input.required', { key: 'dataSourceId' });
  getDataSource(fields.dataSourceId, lang); // names a missing data source with what to do
  if (parseSchedule(fields.schedule) === 'invalid')
    throw new UserError(translate(lang, 'schedule.invalid', { schedule: fields.schedule }));
  const probe = {
    ...fields,
    id: '',
    owner: '',
    createdBy: '',
    createdAt: '',
    updatedBy: '',
    updatedAt: '',
    version: 1,
    archived: false,
    lastRun: null,
  };
  const big = oversizedField(probe);
  if (big) {
    throw new UserError(
      translate(lang, 'library.tooLong', {
        field: big.field === 'sql' ? 'SQL' : translate(lang, `library.field.${big.field}` as 'library.field.name'),
        length: big.length.toLocaleString('en-US'),
        max: (MAX_CELL_CHARS - 1).toLocaleString('en-US'),
      }),
    );
  }
}

/** A new query (version 1, never run) made by `who` from `fields`. */
function newQuery(fields: QueryFields, who: string, at: string): StoredQuery {
  return {
    ...fields,
    id: Utilities.getUuid(),
    owner: who,
    createdBy: who,
    createdAt: at,
    updatedBy: who,
    updatedAt: at,
    version: 1,
    archived: false,
    lastRun: null,
  };
}

/** Writes `next` (over `row`, or as a new row) and records it as a new version; nothing is written if its version cannot be. */
function commit(next: StoredQuery, row: number | null, change: string, lang: Lang): StoredQuery {
  const record = versionRecord(next).length;
  if (record > MAX_CELL_CHARS - 1) {
    throw new UserError(
      translate(lang, 'library.versionTooLong', {
        length: record.toLocaleString('en-US'),
        max: (MAX_CELL_CHARS - 1).toLocaleString('en-US'),
      }),
    );
  }
  writeQuery(next, row);
  appendVersion({
    queryId: next.id,
    version: next.version,
    savedBy: next.updatedBy,
    savedAt: next.updatedAt,
    change,
    query: next,
  });
  return next;
}

export function saveQuery(request: SaveRequest, lang: Lang): SaveQueryAnswer {
  const fields: QueryFields = {
    name: request.name.trim(),
    description: request.description,
    dataSourceId: request.dataSourceId.trim(),
    sql: request.sql,
    parameters: request.parameters,
    schedule: canonicalSchedule(request.schedule),
    tags: request.tags,
  };
  checkFields(fields, lang);
  return locked(lang, () => {
    const who = userEmail();
    const at = now();
    if (!request.id) {
      return { saved: toView(commit(newQuery(fields, who, at), null, 'created', lang), null) };
    }
    const { sheetRow, query: stored } = getStoredQuery(request.id, lang);
    if (request.baseVersion !== undefined && stored.version > request.baseVersion && !request.force) {
      return { conflict: { theirs: toView(stored) } };
    }
    const next: StoredQuery = { ...stored, ...fields, updatedBy: who, updatedAt: at, version: stored.version + 1 };
    return { saved: toView(commit(next, sheetRow, `fields:${changedFields(stored, next).join(',')}`, lang)) };
  });
}

/** Applies a change to one query (found by id under the lock) and records the version. */
function mutate(
  id: string,
  lang: Lang,
  change: (q: StoredQuery) => { next: Partial<StoredQuery>; code: string },
): QueryView {
  return locked(lang, () => {
    const { sheetRow, query } = getStoredQuery(id, lang);
    const { next, code } = change(query);
    const updated: StoredQuery = {
      ...query,
      ...next,
      updatedBy: userEmail(),
      updatedAt: now(),
      version: query.version + 1,
    };
    return toView(commit(updated, sheetRow, code, lang));
  });
}

export function renameQuery(id: string, name: string, lang: Lang): QueryView {
  if (!name.trim()) throw new UserError(translate(lang, 'library.nameRequired'));
  return mutate(id, lang, () => ({ next: { name: name.trim() }, code: 'fields:name' }));
}

export function setArchived(id: string, archived: boolean, lang: Lang): QueryView {
  return mutate(id, lang, () => ({ next: { archived }, code: archived ? 'archived' : 'unarchived' }));
}

export function restoreVersion(id: string, version: number, lang: Lang): QueryView {
  return mutate(id, lang, (current) => {
    const old = readVersions(id).find((v) => v.version === version);
    if (!old) throw new UserError(translate(lang, 'library.versionNotFound', { name: current.name, version }));
    const next: Partial<StoredQuery> = {};
    for (const field of TRACKED_FIELDS) (next as Record<string, unknown>)[field] = old.query[field];
    return { next, code: `restored:${version}` };
  });
}

export function forkQuery(id: string, lang: Lang): QueryView {
  return locked(lang, () => {
    const { query } = getStoredQuery(id, lang);
    const who = userEmail();
    const at = now();
    const name = translate(lang, 'library.copyOf', { name: query.name }).slice(0, 1000);
    const copy = newQuery({ ...query, name }, who, at);
    return toView(commit(copy, null, `forked:${query.name}`, lang), null);
  });
}

export function listVersions(id: string, lang: Lang): VersionSummary[] {
  getStoredQuery(id, lang);
  return readVersions(id)
    .reverse()
    .map((v) => ({
      version: v.version,
      savedBy: v.savedBy,
      savedAt: v.savedAt,
      change: describeChange(v.change, lang),
    }));
}
