/**
 * One saved query as a row of the hidden library sheet, and back. Reading checks every cell,
 * since people may sort, filter or type into the sheet: a row that does not make a query is
 * reported (row number and what is wrong) rather than crashing the library.
 */
import type { MessageKey } from '../i18n';
import type { ParameterDef } from '../../shared/api-types';
import { checkParameterDefs } from '../params/definitions';
import { cellOf, type ColumnPositions, mapColumns } from '../sheet-columns';
import { literalText, MAX_CELL_CHARS, type CellValue } from '../values/cell-value';

export interface LastRun {
  at: string;
  ok: boolean;
  rows: number | null;
  message: string;
}

export interface StoredQuery {
  id: string;
  name: string;
  description: string;
  dataSourceId: string;
  sql: string;
  parameters: ParameterDef[];
  schedule: string;
  tags: string[];
  owner: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
  archived: boolean;
  lastRun: LastRun | null;
}

/** Column order of the library sheet (headers are these keys, not translated: they are stable). */
export const LIBRARY_COLUMNS = [
  'id',
  'name',
  'description',
  'dataSourceId',
  'sql',
  'parameters',
  'schedule',
  'tags',
  'owner',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'version',
  'archived',
  'lastRun',
] as const;

export type LibraryColumn = (typeof LIBRARY_COLUMNS)[number];

export interface Problem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export type RowRead =
  | { ok: true; row: number; query: StoredQuery }
  | { ok: false; row: number; id: string; name: string; problems: Problem[] }
  | { ok: 'blank'; row: number };

/** The text fields that must fit in one cell, with their length when one does not. */
export function oversizedField(query: StoredQuery): { field: LibraryColumn; length: number } | null {
  const texts: [LibraryColumn, string][] = [
    ['sql', query.sql],
    ['parameters', JSON.stringify(query.parameters)],
    ['name', query.name],
    ['description', query.description],
    ['tags', query.tags.join(', ')],
    ['schedule', query.schedule],
  ];
  for (const [field, value] of texts) if (value.length > MAX_CELL_CHARS - 1) return { field, length: value.length };
  return null;
}

/**
 * What a version row keeps in its one "query" cell beside the SQL: the query without its SQL and
 * last run, as JSON. Each field fits a cell on its own; together they must fit one too.
 */
export function versionRecord(query: StoredQuery): string {
  const { sql: _sql, lastRun: _lastRun, ...rest } = query;
  return JSON.stringify(rest);
}

/** Positions of the columns when the header is exactly LIBRARY_COLUMNS. */
export const STANDARD_POSITIONS = Object.fromEntries(LIBRARY_COLUMNS.map((c, i) => [c, i])) as Record<
  LibraryColumn,
  number
>;

/** The cells of a query, by column key. */
export function queryCells(query: StoredQuery): Record<LibraryColumn, CellValue> {
  return {
    id: literalText(query.id),
    name: literalText(query.name),
    description: literalText(query.description),
    dataSourceId: literalText(query.dataSourceId),
    sql: literalText(query.sql),
    parameters: literalText(JSON.stringify(query.parameters)),
    schedule: literalText(query.schedule),
    tags: literalText(query.tags.join(', ')),
    owner: literalText(query.owner),
    createdBy: literalText(query.createdBy),
    createdAt: literalText(query.createdAt),
    updatedBy: literalText(query.updatedBy),
    updatedAt: literalText(query.updatedAt),
    version: query.version,
    archived: query.archived,
    lastRun: literalText(query.lastRun ? JSON.stringify(query.lastRun) : ''),
  };
}

/** The cells of a query in LIBRARY_COLUMNS order. */
export function queryToRow(query: StoredQuery): CellValue[] {
  const byColumn = queryCells(query);
  return LIBRARY_COLUMNS.map((c) => byColumn[c]);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value);
}

export function parseTags(text: string): string[] {
  return text
    .split(/[,、，]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

function isoOrNull(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const text = cellText(value).trim();
  if (text === '') return '';
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * Reads one sheet row (values as getValues returns them); `row` is the 1-based sheet row,
 * `positions` where each column is (found by header).
 */
export function rowToQuery(
  values: unknown[],
  row: number,
  positions: ColumnPositions<LibraryColumn> = STANDARD_POSITIONS,
): RowRead {
  const cell = (c: LibraryColumn) => cellOf(values, positions, c);
  if (values.every((v) => cellText(v).trim() === '')) return { ok: 'blank', row };
  const problems: Problem[] = [];
  const id = cellText(cell('id')).trim();
  const name = cellText(cell('name')).trim();
  if (!id) problems.push({ key: 'library.broken.noId' });
  if (!name) problems.push({ key: 'library.broken.noName' });

  let parameters: ParameterDef[] = [];
  const paramText = cellText(cell('parameters')).trim();
  try {
    const check = checkParameterDefs(paramText ? JSON.parse(paramText) : []);
    if (check.ok) parameters = check.defs;
    else problems.push({ key: 'library.broken.badJson', vars: { field: 'parameters' } });
  } catch {
    problems.push({ key: 'library.broken.badJson', vars: { field: 'parameters' } });
  }

  let lastRun: LastRun | null = null;
  const runText = cellText(cell('lastRun')).trim();
  if (runText) {
    try {
      const parsed = JSON.parse(runText) as Partial<LastRun>;
      if (typeof parsed !== 'object' || parsed === null || typeof parsed.at !== 'string') throw new Error('shape');
      lastRun = {
        at: parsed.at,
        ok: parsed.ok === true,
        rows: typeof parsed.rows === 'number' ? parsed.rows : null,
        message: String(parsed.message ?? ''),
      };
    } catch {
      problems.push({ key: 'library.broken.badJson', vars: { field: 'lastRun' } });
    }
  }

  const versionValue = cell('version');
  const version = typeof versionValue === 'number' ? versionValue : Number(cellText(versionValue).trim());
  if (!Number.isInteger(version) || version < 1) problems.push({ key: 'library.broken.badVersion' });

  const archivedValue = cell('archived');
  let archived = false;
  if (typeof archivedValue === 'boolean') archived = archivedValue;
  else if (/^(true|false)?$/i.test(cellText(archivedValue).trim()))
    archived = /^true$/i.test(cellText(archivedValue).trim());
  else problems.push({ key: 'library.broken.badFlag' });

  const dates: Partial<Record<'createdAt' | 'updatedAt', string>> = {};
  for (const field of ['createdAt', 'updatedAt'] as const) {
    const iso = isoOrNull(cell(field));
    if (iso === null) problems.push({ key: 'library.broken.badDate', vars: { field } });
    else dates[field] = iso;
  }

  if (problems.length > 0) return { ok: false, row, id, name, problems };
  return {
    ok: true,
    row,
    query: {
      id,
      name,
      description: cellText(cell('description')),
      dataSourceId: cellText(cell('dataSourceId')).trim(),
      sql: cellText(cell('sql')),
      parameters,
      schedule: cellText(cell('schedule')).trim(),
      tags: parseTags(cellText(cell('tags'))),
      owner: cellText(cell('owner')).trim(),
      createdBy: cellText(cell('createdBy')).trim(),
      createdAt: dates.createdAt ?? '',
      updatedBy: cellText(cell('updatedBy')).trim(),
      updatedAt: dates.updatedAt ?? '',
      version,
      archived,
      lastRun,
    },
  };
}

/**
 * Reads all data rows; row 1 is the header, which says where each column is (a person may
 * have moved columns). A second row with the same id is broken.
 */
export function readLibraryRows(values: unknown[][]): RowRead[] {
  const seen = new Map<string, number>();
  const out: RowRead[] = [];
  const { positions } = mapColumns(values[0] ?? [], LIBRARY_COLUMNS);
  values.forEach((rowValues, i) => {
    if (i === 0) return;
    const read = rowToQuery(rowValues, i + 1, positions);
    if (read.ok === true) {
      const first = seen.get(read.query.id);
      if (first !== undefined) {
        out.push({
          ok: false,
          row: read.row,
          id: read.query.id,
          name: read.query.name,
          problems: [{ key: 'library.broken.duplicateId', vars: { id: read.query.id, other: first } }],
        });
        return;
      }
      seen.set(read.query.id, read.row);
    }
    out.push(read);
  });
  return out;
}
