/**
 * Turns the server's schema (tables and columns from JDBC metadata) into CodeMirror's
 * completion namespace (pure): tables of the main schema complete without a prefix, the
 * others as schema.table.
 */
import type { SchemaView } from '../../shared/api-types';

export type Namespace = Record<string, string[] | Record<string, string[]>>;

export interface CompletionSchema {
  schema: Namespace;
  defaultSchema?: string;
}

/** The schema most tables live in ('public' for PostgreSQL when present). */
export function mainSchema(view: SchemaView): string | undefined {
  const counts = new Map<string, number>();
  for (const table of view.tables) if (table.schema) counts.set(table.schema, (counts.get(table.schema) ?? 0) + 1);
  if (counts.has('public')) return 'public';
  let best: string | undefined;
  for (const [name, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = name;
  return best;
}

export function completionSchema(view: SchemaView | null): CompletionSchema {
  const namespace: Namespace = {};
  if (!view) return { schema: namespace };
  for (const table of view.tables) {
    const columns = table.columns.map((c) => c.name);
    if (!table.schema) {
      namespace[table.name] = columns;
      continue;
    }
    const tables = namespace[table.schema];
    if (Array.isArray(tables)) continue; // a table named like a schema: keep the table
    const schemaTables = tables ?? {};
    namespace[table.schema] = schemaTables;
    schemaTables[table.name] = columns;
  }
  return { schema: namespace, defaultSchema: mainSchema(view) };
}
