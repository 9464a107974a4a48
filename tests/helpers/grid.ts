/**
 * A tiny builder for SheetGrid fixtures, addressed in A1 like a person reads a sheet.
 *
 * @example
 * const s = new GridBuilder('考核表')
 *   .row('A1', ['考核内容', '分值', '评分标准'])
 *   .merge('A2:A3', '一、日常工作')   // value goes to the top-left cell
 *   .set('B2', 5)
 *   .build();
 */
import { parseA1, parseRange } from '../../src/core/a1';
import type { CellValue, MergeArea, SheetGrid } from '../../src/core/grid';

export class GridBuilder {
  private readonly values: CellValue[][] = [];
  private readonly merges: MergeArea[] = [];
  private isHidden = false;

  constructor(private readonly name = 'Sheet1') {}

  /** Put one value at an A1 address. */
  set(ref: string, value: CellValue): this {
    const p = parseA1(ref);
    if (!p) throw new Error(`bad A1 address: ${ref}`);
    return this.at(p.row, p.col, value);
  }

  /** Put one value at 0-based coordinates. */
  at(row: number, col: number, value: CellValue): this {
    while (this.values.length <= row) this.values.push([]);
    const r = this.values[row]!;
    while (r.length <= col) r.push(null);
    r[col] = value;
    return this;
  }

  /** Write values rightwards from an A1 address (null leaves a cell empty). */
  row(ref: string, values: readonly CellValue[]): this {
    const p = parseA1(ref);
    if (!p) throw new Error(`bad A1 address: ${ref}`);
    values.forEach((v, i) => {
      this.at(p.row, p.col + i, v);
    });
    return this;
  }

  /** Merge a range ("A2:A5"), optionally putting a value in its top-left cell. */
  merge(range: string, value?: CellValue): this {
    const m = parseRange(range);
    if (!m) throw new Error(`bad range: ${range}`);
    return this.mergeAt(m, value);
  }

  /** Merge a 0-based inclusive area, optionally putting a value in its top-left cell. */
  mergeAt(m: MergeArea, value?: CellValue): this {
    if (m.top !== m.bottom || m.left !== m.right) this.merges.push({ ...m });
    if (value !== undefined) this.at(m.top, m.left, value);
    // Keep the grid large enough to contain the whole merge.
    if (this.values.length <= m.bottom || (this.values[m.bottom]?.length ?? 0) <= m.right) {
      const cur = this.values[m.bottom]?.[m.right] ?? null;
      this.at(m.bottom, m.right, cur);
    }
    return this;
  }

  hidden(): this {
    this.isHidden = true;
    return this;
  }

  build(): SheetGrid {
    const sheet: SheetGrid = {
      name: this.name,
      values: this.values.map((r) => [...r]),
      merges: [...this.merges],
    };
    if (this.isHidden) sheet.hidden = true;
    return sheet;
  }
}

/** A sheet from plain rows starting at A1, without merges. */
export function gridOf(name: string, rows: CellValue[][]): SheetGrid {
  return { name, values: rows.map((r) => [...r]), merges: [] };
}
