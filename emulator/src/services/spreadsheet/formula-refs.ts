/**
 * Cell references inside formula text, as Sheets moves them: shifting relative A1 references
 * when a formula is filled or copied to another cell (`$` parts stay), and converting between
 * A1 and R1C1 notation (setFormulaR1C1 / getFormulaR1C1). String literals and quoted sheet
 * names are left alone.
 */
import { columnLetters } from './a1';

/** An A1 cell reference not preceded by a name character, not followed by one nor by "(". */
const A1_REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d{0,6})(?![A-Za-z0-9_(])/g;
/** An R1C1 reference: R, R5, R[-1] then C, C3, C[2]. */
const R1C1_REF = /(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/gi;

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Applies `fn` to the parts of a formula outside string literals ("...") and quoted sheet names ('...'). */
function outsideStrings(formula: string, fn: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

/**
 * The formula as it reads `dRows` rows and `dCols` columns away from where it was written.
 * A reference pushed before row 1 / column A becomes `#REF!`, as in Sheets.
 */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if ((dRows === 0 && dCols === 0) || !formula.startsWith('=')) return formula;
  return outsideStrings(formula, (part) =>
    part.replace(A1_REF, (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const col = lettersToColumn(letters) + (colAbs ? 0 : dCols);
      const row = Number(digits) + (rowAbs ? 0 : dRows);
      if (col < 1 || row < 1) return '#REF!';
      return `${colAbs}${columnLetters(col)}${rowAbs}${row}`;
    }),
  );
}

/** A1 formula → R1C1 relative to the cell at (row, col), both 1-based. */
export function toR1C1(formula: string, row: number, col: number): string {
  if (!formula.startsWith('=')) return formula;
  return outsideStrings(formula, (part) =>
    part.replace(A1_REF, (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const c = lettersToColumn(letters);
      const r = Number(digits);
      const rPart = rowAbs ? `R${r}` : r === row ? 'R' : `R[${r - row}]`;
      const cPart = colAbs ? `C${c}` : c === col ? 'C' : `C[${c - col}]`;
      return rPart + cPart;
    }),
  );
}

/** R1C1 formula → A1 for the cell at (row, col), both 1-based. */
export function fromR1C1(formula: string, row: number, col: number): string {
  if (!formula.startsWith('=')) return formula;
  return outsideStrings(formula, (part) =>
    part.replace(R1C1_REF, (_m, rText: string | undefined, cText: string | undefined) => {
      const resolve = (text: string | undefined, here: number): [number, boolean] => {
        if (text === undefined) return [here, false];
        if (text.startsWith('[')) return [here + Number(text.slice(1, -1)), false];
        return [Number(text), true];
      };
      const [r, rAbs] = resolve(rText, row);
      const [c, cAbs] = resolve(cText, col);
      if (r < 1 || c < 1) return '#REF!';
      return `${cAbs ? '$' : ''}${columnLetters(c)}${rAbs ? '$' : ''}${r}`;
    }),
  );
}
