/**
 * Moving a formula's relative references, as Excel does when it fills a shared formula to another
 * cell: "D3-G3" written for H3 reads "D4-G4" in H4. String literals, quoted sheet names, absolute
 * parts ($D$3) and function names are left alone.
 */
import { colIndex, colLetters } from '../../../core/a1';

const TOKEN =
  /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(])|([A-Za-z_][\w.]*\(?)|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)/g;

/**
 * The formula `f` (no leading "=") written for a cell, as it reads `dRow` rows and `dCol` columns away.
 * @example slide('D3-G3', 1, 0) === 'D4-G4'
 */
export function slide(f: string, dRow: number, dCol: number): string {
  return f.replace(
    TOKEN,
    (
      m,
      str?: string,
      sheet?: string,
      cd?: string,
      col?: string,
      rd?: string,
      row?: string,
      name?: string,
    ) => {
      if (str !== undefined || sheet !== undefined || name !== undefined || col === undefined) return m;
      const c = cd ? colIndex(col) : colIndex(col) + dCol;
      const r = rd ? Number(row) : Number(row) + dRow;
      if (c < 0 || r < 1 || colIndex(col) < 0) return m;
      return `${cd}${colLetters(c)}${rd}${r}`;
    },
  );
}
