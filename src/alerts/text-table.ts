/**
 * The first rows of a result as a fixed-width text table, for code blocks (Slack, Google Chat)
 * and plain-text e-mail. Wide (East Asian) characters count as two columns so that Japanese
 * values line up; long cells are cut.
 */

/** A cell as text: NULL for null, ISO for dates, the value's text otherwise; one line. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value).replace(/\r?\n|\r/g, ' ');
}

/**
 * A code block's lines with every run of three backticks broken by a zero-width space, so that a
 * cell can never close the block (and start markup of its own) in Slack or Google Chat.
 */
export function fenceSafe(line: string): string {
  return line.replace(/```/g, '``\u200b`');
}

/** Display width: 2 for wide characters (CJK, full-width forms, Hangul), 1 otherwise. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function cutToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export interface TextTableOptions {
  /** Widest a cell may be, in columns (default 40). */
  maxCellWidth?: number;
}

/** The header line, a rule, then one line per row; trailing spaces trimmed. */
export function textTableLines(columns: string[], rows: unknown[][], options: TextTableOptions = {}): string[] {
  const maxCell = options.maxCellWidth ?? 40;
  const header = columns.map((c) => cutToWidth(cellText(c), maxCell));
  const body = rows.map((row) => columns.map((_, i) => cutToWidth(cellText(row[i]), maxCell)));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)];
}
