/**
 * A1 notation for the emulated SpreadsheetApp: column letters, parsing "A1", "A1:B2", "A:C",
 * "2:5", "A2:C", R1C1 ("R2C2:R4C5") and "'My Sheet'!A1:B2", and writing a range back as Sheets does.
 */

/** A range in 0-based coordinates; numRows/numCols may be null for open-ended refs ("A:C", "A2:C"). */
export interface A1Range {
  sheetName?: string;
  row: number;
  col: number;
  numRows: number | null;
  numCols: number | null;
}

export function columnLetters(col1: number): string {
  let n = col1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Corner {
  row: number | null;
  col: number | null;
}

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const col = m[1] ? lettersToColumn(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { row, col };
}

/** Splits "'Sheet name'!A1:B2" into sheet name and the A1 part. */
export function splitSheetName(text: string): { sheetName?: string; ref: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { ref: text };
  let name = text.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: text.slice(bang + 1) };
}

/** Parses an A1 reference; returns null when it is not one (Apps Script then says "Range not found"). */
export function parseA1(text: string): A1Range | null {
  const { sheetName, ref } = splitSheetName(text.trim());
  // R1C1 notation, which getRange also accepts: "R5C3", "R2C2:R4C5".
  const rc = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(ref);
  if (rc) {
    const [r1, c1] = [Number(rc[1]), Number(rc[2])];
    const [r2, c2] = rc[3] === undefined ? [r1, c1] : [Number(rc[3]), Number(rc[4])];
    if (Math.min(r1, c1, r2, c2) < 1) return null;
    const [top, left] = [Math.min(r1, r2), Math.min(c1, c2)];
    return { sheetName, row: top - 1, col: left - 1, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
  }
  const parts = ref.split(':');
  if (parts.length > 2) return null;
  const a = parseCorner(parts[0]);
  if (!a) return null;
  if (parts.length === 1) {
    if (a.row === null || a.col === null) return null;
    return { sheetName, row: a.row - 1, col: a.col - 1, numRows: 1, numCols: 1 };
  }
  const b = parseCorner(parts[1]);
  if (!b) return null;
  // Whole columns "A:C", whole rows "2:5", or open-ended "A2:C".
  if (a.col === null && b.col === null) {
    if (a.row === null || b.row === null) return null;
    const [r1, r2] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
    return { sheetName, row: r1 - 1, col: 0, numRows: r2 - r1 + 1, numCols: null };
  }
  if (a.col === null || b.col === null) return null;
  const [c1, c2] = [Math.min(a.col, b.col), Math.max(a.col, b.col)];
  if (a.row === null || b.row === null) {
    const start = a.row ?? b.row ?? 1;
    return { sheetName, row: start - 1, col: c1 - 1, numRows: null, numCols: c2 - c1 + 1 };
  }
  const [r1, r2] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
  return { sheetName, row: r1 - 1, col: c1 - 1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 };
}

/** "B2", "A1:C10" for 0-based coordinates, as Range.getA1Notation writes it. */
export function formatA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = columnLetters(col + 1) + (row + 1);
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols) + (row + numRows)}`;
}

/** Quotes a sheet name for use in formulas and A1 strings when it needs it. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
