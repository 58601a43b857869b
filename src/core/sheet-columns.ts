/**
 * Finds a stored table's columns by their header, not by their position: people may move,
 * insert or hide columns in the add-on's tabs, and a header may be shown in the language of
 * whoever created the tab. Each column has a stable key; a header cell matches a key when it
 * equals one of the key's labels (by default the key itself; or its label in each language).
 */

/** 0-based positions of the columns found, by key. */
export type ColumnPositions<K extends string> = Partial<Record<K, number>>;

export interface ColumnMap<K extends string> {
  positions: ColumnPositions<K>;
  /** Keys with no matching header, in the order they were asked for. */
  missing: K[];
  /** Width of the header row as read. */
  width: number;
}

function normalise(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toLowerCase();
}

/**
 * Maps each key to the first header cell that matches one of its labels. `labelsOf` lists the
 * texts a header of that key may hold; by default only the key itself.
 */
export function mapColumns<K extends string>(
  header: readonly unknown[],
  keys: readonly K[],
  labelsOf: (key: K) => readonly string[] = (key) => [key],
): ColumnMap<K> {
  const positions: ColumnPositions<K> = {};
  const missing: K[] = [];
  const taken = new Set<number>();
  const texts = header.map(normalise);
  for (const key of keys) {
    const labels = new Set(labelsOf(key).map(normalise));
    const index = texts.findIndex((text, i) => !taken.has(i) && labels.has(text));
    if (index < 0) missing.push(key);
    else {
      positions[key] = index;
      taken.add(index);
    }
  }
  return { positions, missing, width: header.length };
}

/** The cell of `key` in a row read from the sheet, or undefined when the column is missing. */
export function cellOf<K extends string>(row: readonly unknown[], positions: ColumnPositions<K>, key: K): unknown {
  const index = positions[key];
  return index === undefined ? undefined : row[index];
}
