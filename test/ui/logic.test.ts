/** The sidebar's other pure modules: drafts and unsaved changes, schema completion, Format, display helpers. */
import type { QueryView, SchemaView } from '../../src/shared/api-types';
import { ago, parseTags, seconds } from '../../src/ui/client/display';
import { completionSchema, mainSchema } from '../../src/ui/client/schema';
import { formatSql } from '../../src/ui/client/sql-format';
import { draftFromView, emptyDraft, hasUnsavedChanges, saveInput } from '../../src/ui/client/state';

const VIEW: QueryView = {
  id: 'q1',
  name: 'Signups',
  description: '',
  dataSourceId: 'ds1',
  tags: ['growth'],
  owner: 'a@x',
  updatedBy: 'a@x',
  updatedAt: '2024-01-01T00:00:00Z',
  archived: false,
  lastRun: null,
  sql: 'SELECT {{ since }}',
  parameters: [{ name: 'since', type: 'date' }],
  schedule: '',
  version: 4,
  createdBy: 'a@x',
  createdAt: '2024-01-01T00:00:00Z',
  resultLink: null,
};

describe('drafts', () => {
  test('an opened query has no unsaved changes until something is edited', () => {
    const saved = draftFromView(VIEW);
    const draft = draftFromView(VIEW);
    expect(hasUnsavedChanges(draft, saved)).toBe(false);
    expect(hasUnsavedChanges({ ...draft, sql: 'SELECT 2' }, saved)).toBe(true);
    expect(hasUnsavedChanges({ ...draft, tags: ['growth', 'x'] }, saved)).toBe(true);
    expect(hasUnsavedChanges({ ...draft, parameters: [{ name: 'since', type: 'datetime' }] }, saved)).toBe(true);
  });

  test('an empty new query has nothing to lose; a typed one has', () => {
    expect(hasUnsavedChanges(emptyDraft('ds1'), null)).toBe(false);
    expect(hasUnsavedChanges({ ...emptyDraft('ds1'), sql: 'SELECT 1' }, null)).toBe(true);
  });

  test('saveInput carries the base version, force on request, and nothing of the original for a copy', () => {
    const draft = draftFromView(VIEW);
    expect(saveInput(draft, { since: 'today' })).toMatchObject({
      id: 'q1',
      baseVersion: 4,
      parameters: [{ name: 'since', type: 'date', default: 'today' }],
    });
    expect(saveInput(draft, {}, { force: true }).force).toBe(true);
    const copy = saveInput(draft, {}, { asNew: true, name: 'Copy of Signups' });
    expect(copy).not.toHaveProperty('id');
    expect(copy).not.toHaveProperty('baseVersion');
    expect(copy.name).toBe('Copy of Signups');
  });
});

describe('schema completion', () => {
  const view = (tables: SchemaView['tables']): SchemaView => ({
    dataSourceId: 'ds1',
    cachedAt: '2024-01-01T00:00:00Z',
    tables,
  });
  const col = (name: string) => ({ name, type: 'text' });

  test('PostgreSQL: tables nested by schema, public completes without a prefix', () => {
    const schema = view([
      { schema: 'public', name: 'users', columns: [col('id'), col('email')] },
      { schema: 'billing', name: 'invoices', columns: [col('id')] },
    ]);
    expect(completionSchema(schema)).toEqual({
      schema: { public: { users: ['id', 'email'] }, billing: { invoices: ['id'] } },
      defaultSchema: 'public',
    });
  });

  test('tables without a schema are top level; the main schema is the one with most tables', () => {
    expect(completionSchema(view([{ schema: '', name: 't', columns: [col('a')] }]))).toEqual({
      schema: { t: ['a'] },
      defaultSchema: undefined,
    });
    const mysql = view([
      { schema: 'app', name: 'a', columns: [] },
      { schema: 'app', name: 'b', columns: [] },
      { schema: 'logs', name: 'c', columns: [] },
    ]);
    expect(mainSchema(mysql)).toBe('app');
    expect(completionSchema(null)).toEqual({ schema: {} });
  });
});

describe('formatSql', () => {
  test('formats in the dialect and keeps placeholders intact', () => {
    const out = formatSql(
      'select a, b from t where x = {{ since }} and d between {{ r.start }} and {{r.end}}',
      'postgresql',
    );
    expect(out).toContain('SELECT\n  a,\n  b\nFROM\n  t\nWHERE');
    expect(out).toContain('{{ since }}');
    expect(out).toContain('{{ r.start }}');
    expect(out).toContain('{{r.end}}');
  });

  test('MySQL backticks and T-SQL brackets survive', () => {
    expect(formatSql('select `order` from `my table`', 'mysql')).toContain('`my table`');
    expect(formatSql('select top 5 [order] from [my table]', 'transactsql')).toContain('[my table]');
  });

  test('without a data source it formats standard SQL, not a guessed dialect', () => {
    expect(formatSql('select a from t where x = {{ since }}', null)).toBe(
      'SELECT\n  a\nFROM\n  t\nWHERE\n  x = {{ since }}',
    );
  });

  test('broken SQL throws (the sidebar shows the message and keeps the text)', () => {
    expect(() => formatSql("SELECT 'unclosed", 'postgresql')).toThrow();
  });
});

describe('display', () => {
  test('durations, ages and tags', () => {
    expect(seconds(1234)).toBe('1.23');
    expect(seconds(61_000)).toBe('61.0');
    const now = Date.parse('2024-01-10T12:00:00Z');
    expect(ago('2024-01-10T11:59:30Z', now)).toBe('just now');
    expect(ago('2024-01-10T11:15:00Z', now)).toBe('45 min ago');
    expect(ago('2024-01-10T09:00:00Z', now)).toBe('3 h ago');
    expect(ago('2024-01-08T12:00:00Z', now)).toBe('2 days ago');
    expect(ago('2023-12-01T00:00:00Z', now)).toBe('2023-12-01');
    expect(parseTags(' sales, weekly ,, sales、営業 ')).toEqual(['sales', 'weekly', '営業']);
  });
});
