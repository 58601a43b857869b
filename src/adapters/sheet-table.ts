/**
 * A tab used as a table with a header row: reads the header and finds each known column by its
 * key (see core/sheet-columns.ts), adding a header at the end of the row for a column that is
 * missing (a new column in a newer version, or one a person deleted), so writes never land in
 * the wrong column.
 */
import { mapColumns } from '../core/sheet-columns';
import { literalText } from '../core/values/cell-value';
import type { Sheet } from './sheets';

export interface TableColumns<K extends string> {
  positions: Record<K, number>;
  /** Header row width after any missing columns were added. */
  width: number;
}

/**
 * The positions of `keys` in `sheet`'s header row. Missing headers are appended, written as
 * `headerFor(key)`. Two service calls when nothing is missing.
 */
export function tableColumns<K extends string>(
  sheet: Sheet,
  keys: readonly K[],
  labelsOf: (key: K) => readonly string[],
  headerFor: (key: K) => string,
): TableColumns<K> {
  // The whole first row in one range (no getLastColumn), without its empty tail.
  const row = sheet.getRange('1:1').getValues()[0] ?? [];
  let filled = row.length;
  while (filled > 0 && row[filled - 1] === '') filled--;
  const map = mapColumns(row.slice(0, filled), keys, labelsOf);
  const positions = { ...map.positions } as Record<K, number>;
  let width = map.width;
  if (map.missing.length > 0) {
    if (width + map.missing.length > sheet.getMaxColumns()) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width + map.missing.length - sheet.getMaxColumns());
    }
    sheet
      .getRange(1, width + 1, 1, map.missing.length)
      .setValues([map.missing.map((key) => literalText(headerFor(key)))]);
    for (const key of map.missing) positions[key] = width++;
  }
  return { positions, width };
}
