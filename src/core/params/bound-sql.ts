/**
 * SQL with its parameter values, ready to run: `sql` holds one `?` per value, in order.
 * Values are bound with a prepared statement, never pasted into the SQL text; only when a
 * driver refuses `?` binding is the SQL rebuilt with dialect-correct literals (see literal.ts).
 */
export type BoundValue = string | number | boolean | null;

export interface BoundSql {
  sql: string;
  values: BoundValue[];
}
