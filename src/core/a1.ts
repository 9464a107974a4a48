/** A1 addresses and sheet references: the only place that turns coordinates into text. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 26. Returns -1 for text that is not column letters. */
export function colIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * A1 text for a 0-based cell.
 * @example a1(0, 0) === 'A1'; a1(4, 27) === 'AB5'
 */
export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

/** "B3:D9" for a 0-based inclusive rectangle (a single cell gives "B3"). */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const a = a1(top, left);
  return top === bottom && left === right ? a : `${a}:${a1(bottom, right)}`;
}

/** Parse "B3" (optionally with $) into 0-based coordinates, or null. */
export function parseA1(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) return null;
  const col = colIndex(m[1]!);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0) return null;
  return { row, col };
}

/** Parse "B3:D9" or "B3" into a 0-based rectangle, or null. */
export function parseRange(
  text: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const [p, q] = text.split(':');
  const a = p ? parseA1(p) : null;
  const b = q ? parseA1(q) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * A sheet name as it must appear in a formula reference: quoted when it is not a plain identifier,
 * with single quotes doubled.
 * @example sheetRef("Sheet1") === "Sheet1"; sheetRef("张 村's") === "'张 村''s'"
 */
export function sheetRef(name: string): string {
  if (
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name)
  ) {
    return name;
  }
  return `'${name.replace(/'/g, "''")}'`;
}
