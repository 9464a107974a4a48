/**
 * One worksheet part, edited in place: the cells a plan writes (with their formats), its merges,
 * column widths and hidden columns, its data validations and the reference to its notes drawing.
 * Everything else in the part (other rows and cells byte for byte, conditional formats, hyperlinks,
 * page setup, breaks, ignored errors, extensions) is copied as it is.
 */
import { a1, colIndex } from '../../../core/a1';
import type { CellValue } from '../../../core/grid';
import { slide } from './formula';
import { formatRect, intersects, type Rect, rectOf, sqrefMinus } from './ranges';
import type { StyleChange, Styles } from './styles';
import {
  attr,
  children,
  decode,
  type Element,
  escapeAttr,
  escapeText,
  localName,
  ooxmlText,
  prefixOf,
  root,
  Splicer,
  tags,
  withAttr,
} from './xml';

export type CellContent =
  | { kind: 'value'; value: CellValue }
  | { kind: 'formula'; formula: string; result: CellValue | undefined };

export interface CellEdit {
  content?: CellContent;
  style: StyleChange[];
  /** A new `<f>` element for a cell that takes over a shared formula whose first cell is overwritten. */
  promote?: string;
}

/** A data validation to add: the element's attributes (without sqref) and formula texts. */
export interface NewValidation {
  rects: Rect[];
  attrs: [string, string][];
  formulas: string[];
}

export interface ColumnEdit {
  width?: number;
  hidden?: boolean;
}

export interface SheetEdits {
  /** row → col → edit (0-based). */
  cells: Map<number, Map<number, CellEdit>>;
  merges: Rect[];
  /** Merged areas split again (an undo's), by their exact rectangle. */
  unmerges: Rect[];
  validations: NewValidation[];
  /** Cells whose validation is removed (every validation op takes its cells first). */
  clearValidation: Rect[];
  columns: Map<number, ColumnEdit>;
  /** A relationship id for `<legacyDrawing>` (notes), when the sheet needs one added. */
  legacyDrawing?: string;
  /** Attributes to set on `<pageSetup>` (orientation, fitToWidth …), and fitToPage on sheetPr. */
  pageSetup?: { attrs: [string, string][]; fitToPage?: boolean };
}

export function emptyEdits(): SheetEdits {
  return {
    cells: new Map(),
    merges: [],
    unmerges: [],
    validations: [],
    clearValidation: [],
    columns: new Map(),
  };
}

/** The schema's order of a worksheet's children (CT_Worksheet). */
const ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** A write the part cannot take without breaking what is there. */
export class SheetPatchError extends Error {
  override readonly name = 'SheetPatchError';
}

export interface SheetPatchResult {
  xml: string;
  /** Cells that held a formula and no longer do (the calculation chain must forget them). */
  formulasRemoved: boolean;
}

const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function cellRef(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a);
  if (!m) return null;
  return { col: colIndex(m[1]!), row: Number(m[2]) - 1 };
}

function numText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** A cell element's content and type attribute for a value or a formula. */
function contentXml(p: string, c: CellContent): { t: string | undefined; inner: string } | null {
  const valueXml = (v: CellValue, inFormula: boolean): { t: string | undefined; inner: string } => {
    if (v === null) return { t: undefined, inner: '' };
    if (typeof v === 'number') return { t: undefined, inner: `<${p}v>${numText(v)}</${p}v>` };
    if (typeof v === 'boolean') return { t: 'b', inner: `<${p}v>${v ? 1 : 0}</${p}v>` };
    if (inFormula) return { t: 'str', inner: `<${p}v>${ooxmlText(v)}</${p}v>` };
    const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
    return { t: 'inlineStr', inner: `<${p}is><${p}t${space}>${ooxmlText(v)}</${p}t></${p}is>` };
  };
  if (c.kind === 'value') {
    if (c.value === null) return null;
    return valueXml(c.value, false);
  }
  const f = c.formula.startsWith('=') ? c.formula.slice(1) : c.formula;
  const v = c.result === undefined ? { t: undefined, inner: '' } : valueXml(c.result, true);
  return { t: v.t, inner: `<${p}f>${escapeText(f)}</${p}f>${v.inner}` };
}

/** Attributes a rewritten cell keeps from the old one: all but the address, format and content type. */
function keptAttrs(attrs: string): string {
  let a = attrs;
  for (const n of ['r', 's', 't', 'cm', 'vm']) a = withAttr(a, n, undefined);
  return a.trim();
}

interface ParsedCell {
  col: number;
  el: Element;
  hasRef: boolean;
}

/**
 * Apply edits to a worksheet part.
 * @throws SheetPatchError when a merge would overlap a different existing merge.
 */
export function patchSheet(xml: string, edits: SheetEdits, styles: Styles): SheetPatchResult {
  const ws = root(xml);
  const p = prefixOf(ws.name);
  const top = children(xml, ws);
  const sp = new Splicer(xml);
  const find = (local: string) => top.find((c) => localName(c.name) === local);
  const pending: { local: string; text: string }[] = [];
  const insertTop = (local: string, text: string) => pending.push({ local, text });
  let formulasRemoved = false;

  // Styles of new cells: the row's, where the row has one, else the column's.
  const colStyle = new Map<number, number>();
  const colsEl = find('cols');
  if (colsEl) {
    for (const c of children(xml, colsEl)) {
      const s = attr(c.attrs, 'style');
      if (s === undefined) continue;
      const min = Number(attr(c.attrs, 'min'));
      const max = Math.min(Number(attr(c.attrs, 'max')), min + 16384);
      for (let i = min; i <= max; i++) colStyle.set(i - 1, Number(s));
    }
  }

  // ------------------------------------------------------------------ cells
  const sd = find('sheetData');
  if (sd && edits.cells.size > 0) promoteSharedFormulas(xml, sd, edits, p);
  const editRows = [...edits.cells.keys()].sort((a, b) => a - b);
  let maxRow = -1;
  let maxCol = -1;
  let minRow = Number.POSITIVE_INFINITY;
  let minCol = Number.POSITIVE_INFINITY;
  for (const [r, cols] of edits.cells) {
    for (const c of cols.keys()) {
      maxRow = Math.max(maxRow, r);
      minRow = Math.min(minRow, r);
      maxCol = Math.max(maxCol, c);
      minCol = Math.min(minCol, c);
    }
  }

  const newCell = (row: number, col: number, edit: CellEdit, base: number, old?: ParsedCell): string => {
    const ref = a1(row, col);
    const oldAttrs = old ? old.el.attrs : '';
    const oldS = old ? Number(attr(oldAttrs, 's') ?? 0) : base;
    const s = styles.derive(oldS, edit.style);
    if (!edit.content && old) {
      // Format only: the content stays byte for byte.
      const openText = xml.slice(old.el.start, old.el.openEnd);
      const self = openText.endsWith('/>');
      let attrs = old.el.attrs;
      if (!old.hasRef) attrs = `r="${ref}" ${attrs.trim()}`;
      if (s !== oldS) attrs = withAttr(attrs, 's', String(s));
      let inner = xml.slice(old.el.openEnd, old.el.end);
      if (edit.promote) inner = inner.replace(/<((?:\w+:)?f)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/, edit.promote);
      return `<${old.el.name} ${attrs.trim()}${self ? '/>' : '>'}${inner}`;
    }
    const name = old ? old.el.name : `${p}c`;
    const c = edit.content ? contentXml(p, edit.content) : null;
    const kept = old ? keptAttrs(oldAttrs) : '';
    const head = `<${name} r="${ref}"${s !== 0 ? ` s="${s}"` : ''}${c?.t ? ` t="${c.t}"` : ''}${kept ? ` ${kept}` : ''}`;
    if (!c) return s === 0 && !kept ? '' : `${head}/>`;
    return `${head}>${c.inner}</${name}>`;
  };

  const rowXml = (row: number, cols: Map<number, CellEdit>, rowStyle: number | undefined): string => {
    const cells = [...cols.keys()]
      .sort((a, b) => a - b)
      .map((c) => newCell(row, c, cols.get(c)!, rowStyle ?? colStyle.get(c) ?? 0))
      .join('');
    if (cells === '') return '';
    return `<${p}row r="${row + 1}">${cells}</${p}row>`;
  };

  const hadFormula = (el: Element) => /<(?:[\w]+:)?f[\s>/]/.test(xml.slice(el.openEnd, el.closeStart));

  const rewriteRow = (rowEl: Element, row: number, cols: Map<number, CellEdit>) => {
    const rowStyle =
      attr(rowEl.attrs, 'customFormat') === '1' ? Number(attr(rowEl.attrs, 's') ?? 0) : undefined;
    const kids = children(xml, rowEl);
    const cells: ParsedCell[] = [];
    let implicit = -1;
    for (const k of kids) {
      if (localName(k.name) !== 'c') continue;
      const r = attr(k.attrs, 'r');
      const col = r ? (cellRef(r)?.col ?? implicit + 1) : implicit + 1;
      implicit = col;
      cells.push({ col, el: k, hasRef: r !== undefined });
    }
    const implicitRefs = cells.some((c) => !c.hasRef);
    const todo = new Map(cols);
    const self = rowEl.closeStart === rowEl.openEnd;
    const parts: string[] = [];
    // Rebuild the row's content from its cells: untouched cells are copied as they are.
    const firstOther = kids.find((k) => localName(k.name) !== 'c');
    for (const c of cells) {
      for (const col of [...todo.keys()].sort((a, b) => a - b)) {
        if (col >= c.col) break;
        parts.push(newCell(row, col, todo.get(col)!, rowStyle ?? colStyle.get(col) ?? 0));
        todo.delete(col);
      }
      const edit = todo.get(c.col);
      if (edit) {
        if (edit.content && hadFormula(c.el) && edit.content.kind !== 'formula') formulasRemoved = true;
        parts.push(newCell(row, c.col, edit, 0, c));
        todo.delete(c.col);
      } else if (implicitRefs && !c.hasRef) {
        const openText = xml.slice(c.el.start, c.el.openEnd);
        parts.push(
          `<${c.el.name} r="${a1(row, c.col)}"${openText.slice(1 + c.el.name.length)}${xml.slice(c.el.openEnd, c.el.end)}`,
        );
      } else parts.push(xml.slice(c.el.start, c.el.end));
    }
    for (const col of [...todo.keys()].sort((a, b) => a - b))
      parts.push(newCell(row, col, todo.get(col)!, rowStyle ?? colStyle.get(col) ?? 0));
    let rowAttrs = rowEl.attrs;
    const spans = attr(rowAttrs, 'spans');
    if (spans) {
      const nums = spans
        .split(/[\s:]+/)
        .map(Number)
        .filter(Number.isFinite);
      const lo = Math.min(...nums, ...[...cols.keys()].map((c) => c + 1));
      const hi = Math.max(...nums, ...[...cols.keys()].map((c) => c + 1));
      const covered = [...cols.keys()].every((c) =>
        spans.split(/\s+/).some((s) => {
          const [a, b] = s.split(':').map(Number);
          return a !== undefined && b !== undefined && c + 1 >= a && c + 1 <= b;
        }),
      );
      if (!covered) rowAttrs = withAttr(rowAttrs, 'spans', `${lo}:${hi}`);
    }
    const cellsStart = cells[0]?.el.start ?? firstOther?.start ?? rowEl.closeStart;
    const cellsEnd = cells.at(-1)?.el.end ?? cellsStart;
    const openText = `<${rowEl.name}${rowAttrs.startsWith(' ') || rowAttrs === '' ? '' : ' '}${rowAttrs}>`;
    if (self) {
      sp.replace(rowEl.start, rowEl.end, `${openText}${parts.join('')}</${rowEl.name}>`);
      return;
    }
    if (rowAttrs !== rowEl.attrs) sp.replace(rowEl.start, rowEl.openEnd, openText);
    if (cells.length === 0) sp.insert(cellsStart, parts.join(''));
    else sp.replace(cellsStart, cellsEnd, parts.join(''));
  };

  if (editRows.length > 0) {
    if (!sd) throw new SheetPatchError('worksheet has no sheetData');
    let next = 0;
    const emitBefore = (r: number, at: number) => {
      const out: string[] = [];
      while (next < editRows.length && editRows[next]! < r) {
        const row = editRows[next]!;
        out.push(rowXml(row, edits.cells.get(row)!, undefined));
        next++;
      }
      if (out.length > 0) sp.insert(at, out.join(''));
    };
    if (sd.closeStart === sd.openEnd) {
      const rows = editRows.map((r) => rowXml(r, edits.cells.get(r)!, undefined)).join('');
      const open = xml.slice(sd.start, sd.end).replace(/\s*\/>$/, '>');
      sp.replace(sd.start, sd.end, `${open}${rows}</${sd.name}>`);
      next = editRows.length;
    } else {
      let depth = 0;
      let implicitRow = -1;
      let open: { tagStart: number; openEnd: number; name: string; attrs: string; row: number } | null = null;
      for (const t of tags(xml, sd.openEnd, sd.closeStart)) {
        if (depth === 0 && localName(t.name) === 'row' && t.kind !== 'close') {
          const r = attr(t.attrs, 'r');
          const row = r ? Number(r) - 1 : implicitRow + 1;
          implicitRow = row;
          if (t.kind === 'self') {
            emitBefore(row, t.start);
            if (edits.cells.has(row)) {
              if (!r) throw new SheetPatchError('row without an address');
              rewriteRow(
                {
                  name: t.name,
                  start: t.start,
                  openEnd: t.end,
                  closeStart: t.end,
                  end: t.end,
                  attrs: t.attrs,
                },
                row,
                edits.cells.get(row)!,
              );
              if (editRows[next] === row) next++;
            }
            continue;
          }
          open = { tagStart: t.start, openEnd: t.end, name: t.name, attrs: t.attrs, row };
          depth = 1;
          continue;
        }
        if (t.kind === 'open') depth++;
        else if (t.kind === 'close') {
          depth--;
          if (depth === 0 && open) {
            emitBefore(open.row, open.tagStart);
            if (edits.cells.has(open.row)) {
              const el: Element = {
                name: open.name,
                start: open.tagStart,
                openEnd: open.openEnd,
                closeStart: t.start,
                end: t.end,
                attrs: open.attrs,
              };
              if (attr(open.attrs, 'r') === undefined) throw new SheetPatchError('row without an address');
              rewriteRow(el, open.row, edits.cells.get(open.row)!);
              if (editRows[next] === open.row) next++;
            }
            open = null;
          }
        }
      }
      emitBefore(Number.POSITIVE_INFINITY, sd.closeStart);
    }
    // The used range grows to take the written cells.
    const dim = find('dimension');
    if (dim && maxRow >= 0) {
      const ref = attr(dim.attrs, 'ref') ?? 'A1';
      const old = rectOf(ref.split(':').length === 1 ? ref : ref);
      const grown = old
        ? {
            top: Math.min(old.top, minRow),
            left: Math.min(old.left, minCol),
            bottom: Math.max(old.bottom, maxRow),
            right: Math.max(old.right, maxCol),
          }
        : { top: minRow, left: minCol, bottom: maxRow, right: maxCol };
      const text = formatRect(grown);
      if (text !== ref)
        sp.replace(
          dim.start,
          dim.openEnd,
          `<${dim.name}${withAttr(dim.attrs, 'ref', text)}${xml.slice(dim.start, dim.openEnd).endsWith('/>') ? '/>' : '>'}`,
        );
    }
  }

  // ------------------------------------------------------------------ columns
  if (edits.columns.size > 0) {
    const targets = [...edits.columns.keys()].sort((a, b) => a - b);
    const colXml = (name: string, attrs: string, min: number, max: number, e?: ColumnEdit) => {
      let a = withAttr(withAttr(attrs, 'min', String(min + 1)), 'max', String(max + 1));
      if (e?.width !== undefined) a = withAttr(withAttr(a, 'width', String(e.width)), 'customWidth', '1');
      if (e?.hidden !== undefined) a = withAttr(a, 'hidden', e.hidden ? '1' : undefined);
      return `<${name} ${a.trim()}/>`;
    };
    const name = `${p}col`;
    const fresh = (c: number) => {
      const e = edits.columns.get(c)!;
      const base = e.width === undefined ? 'width="9.140625"' : '';
      return colXml(name, base, c, c, e);
    };
    if (!colsEl) {
      insertTop('cols', `<${p}cols>${targets.map(fresh).join('')}</${p}cols>`);
    } else {
      const kids = children(xml, colsEl);
      const covered = new Set<number>();
      const out: string[] = [];
      let ti = 0;
      for (const k of kids) {
        const min = Number(attr(k.attrs, 'min')) - 1;
        const max = Number(attr(k.attrs, 'max')) - 1;
        while (ti < targets.length && targets[ti]! < min) {
          if (!covered.has(targets[ti]!)) out.push(fresh(targets[ti]!));
          ti++;
        }
        const inside = targets.filter((c) => c >= min && c <= max);
        if (inside.length === 0) {
          out.push(xml.slice(k.start, k.end));
          continue;
        }
        let from = min;
        for (const c of inside) {
          if (c > from) out.push(colXml(k.name, k.attrs, from, c - 1));
          out.push(colXml(k.name, k.attrs, c, c, edits.columns.get(c)));
          covered.add(c);
          from = c + 1;
        }
        if (from <= max) out.push(colXml(k.name, k.attrs, from, max));
        while (ti < targets.length && targets[ti]! <= max) ti++;
      }
      for (; ti < targets.length; ti++) if (!covered.has(targets[ti]!)) out.push(fresh(targets[ti]!));
      const text = out.join('');
      const old = xml.slice(kids[0]?.start ?? colsEl.openEnd, kids.at(-1)?.end ?? colsEl.openEnd);
      if (text !== old)
        sp.replace(kids[0]?.start ?? colsEl.openEnd, kids.at(-1)?.end ?? colsEl.openEnd, text);
    }
  }

  // ------------------------------------------------------------------ merges
  if (edits.merges.length > 0 || edits.unmerges.length > 0) {
    const el = find('mergeCells');
    const found = el
      ? children(xml, el).map((c) => ({ el: c, rect: rectOf(attr(c.attrs, 'ref') ?? '') }))
      : [];
    const same = (a: Rect, b: Rect) =>
      a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
    const split = (r: Rect | null) => r !== null && edits.unmerges.some((u) => same(u, r));
    const existing = found.filter((e) => !split(e.rect));
    const added: string[] = [];
    const all = existing.map((e) => e.rect).filter((r): r is Rect => r !== null);
    for (const m of edits.merges) {
      if (
        all.some((r) => r.top === m.top && r.left === m.left && r.bottom === m.bottom && r.right === m.right)
      )
        continue;
      const clash = all.find((r) => intersects(r, m));
      if (clash)
        throw new SheetPatchError(`merge ${formatRect(m)} overlaps the existing merge ${formatRect(clash)}`);
      all.push(m);
      added.push(`<${p}mergeCell ref="${formatRect(m)}"/>`);
    }
    if (el && existing.length < found.length) {
      // Some were split: the element is written again with what stays.
      const body = [...existing.map((e) => xml.slice(e.el.start, e.el.end)), ...added].join('');
      const attrs = withAttr(el.attrs, 'count', String(existing.length + added.length));
      sp.replace(el.start, el.end, body === '' ? '' : `<${el.name}${attrs}>${body}</${el.name}>`);
    } else if (added.length > 0) {
      if (el) {
        const attrs = withAttr(el.attrs, 'count', String(existing.length + added.length));
        if (el.closeStart === el.openEnd)
          sp.replace(el.start, el.end, `<${el.name}${attrs}>${added.join('')}</${el.name}>`);
        else {
          sp.replace(el.start, el.openEnd, `<${el.name}${attrs}>`);
          sp.insert(el.closeStart, added.join(''));
        }
      } else
        insertTop('mergeCells', `<${p}mergeCells count="${added.length}">${added.join('')}</${p}mergeCells>`);
    }
  }

  // ------------------------------------------------------------------ validations
  const taken = [...edits.clearValidation, ...edits.validations.flatMap((v) => v.rects)];
  if (taken.length > 0) {
    const el = find('dataValidations');
    const kept: string[] = [];
    let changed = false;
    if (el) {
      for (const k of children(xml, el)) {
        const sq = attr(k.attrs, 'sqref') ?? '';
        const left = sqrefMinus(sq, taken);
        if (left === undefined) kept.push(xml.slice(k.start, k.end));
        else {
          changed = true;
          if (left !== '') {
            const openText = xml.slice(k.start, k.openEnd);
            const self = openText.endsWith('/>');
            kept.push(
              `<${k.name} ${withAttr(k.attrs, 'sqref', left).trim()}${self ? '/>' : '>'}${xml.slice(k.openEnd, k.end)}`,
            );
          }
        }
      }
    }
    const added = edits.validations.map((v) => {
      const attrs = [...v.attrs, ['sqref', v.rects.map(formatRect).join(' ')] as [string, string]]
        .map(([k, val]) => `${k}="${escapeAttr(val)}"`)
        .join(' ');
      const f = v.formulas
        .map((t, i) => `<${p}formula${i + 1}>${escapeText(t)}</${p}formula${i + 1}>`)
        .join('');
      return `<${p}dataValidation ${attrs}>${f}</${p}dataValidation>`;
    });
    if (changed || added.length > 0) {
      const all = [...kept, ...added];
      if (el) {
        if (all.length === 0) sp.replace(el.start, el.end, '');
        else
          sp.replace(
            el.start,
            el.end,
            `<${el.name}${withAttr(el.attrs, 'count', String(all.length))}>${all.join('')}</${el.name}>`,
          );
      } else if (all.length > 0)
        insertTop(
          'dataValidations',
          `<${p}dataValidations count="${all.length}">${all.join('')}</${p}dataValidations>`,
        );
    }
    // Validations stored as an extension (x14, lists from other sheets) give up the same cells.
    const ext = find('extLst');
    if (ext) patchX14Validations(xml, ext, taken, sp);
  }

  // ------------------------------------------------------------------ page setup
  if (edits.pageSetup) {
    const ps = find('pageSetup');
    let attrs = ps?.attrs ?? '';
    for (const [k, v] of edits.pageSetup.attrs) attrs = withAttr(attrs, k, v);
    if (ps) {
      if (attrs !== ps.attrs)
        sp.replace(
          ps.start,
          ps.openEnd,
          `<${ps.name} ${attrs.trim()}${xml.slice(ps.start, ps.openEnd).endsWith('/>') ? '/>' : '>'}`,
        );
    } else insertTop('pageSetup', `<${p}pageSetup ${attrs.trim()}/>`);
    if (edits.pageSetup.fitToPage !== undefined) {
      const pr = find('sheetPr');
      const want = edits.pageSetup.fitToPage ? '1' : undefined;
      if (!pr) {
        if (want) insertTop('sheetPr', `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`);
      } else {
        const kids = children(xml, pr);
        const psp = kids.find((k) => localName(k.name) === 'pageSetUpPr');
        if (psp) {
          const a = withAttr(psp.attrs, 'fitToPage', want);
          if (a !== psp.attrs)
            sp.replace(psp.start, psp.end, `<${psp.name}${a.trim() ? ` ${a.trim()}` : ''}/>`);
        } else if (want) {
          const text = `<${p}pageSetUpPr fitToPage="1"/>`;
          // pageSetUpPr follows tabColor and outlinePr.
          const after = kids.filter((k) => ['tabColor', 'outlinePr'].includes(localName(k.name))).at(-1);
          if (pr.closeStart === pr.openEnd)
            sp.replace(pr.start, pr.end, `<${pr.name}${pr.attrs.replace(/\s*$/, '')}>${text}</${pr.name}>`);
          else sp.insert(after ? after.end : pr.openEnd, text);
        }
      }
    }
  }

  // ------------------------------------------------------------------ notes drawing
  if (edits.legacyDrawing) {
    const hasR = /xmlns:r=/.test(xml.slice(ws.start, ws.openEnd));
    insertTop(
      'legacyDrawing',
      `<${p}legacyDrawing${hasR ? '' : ` xmlns:r="${R_NS}"`} r:id="${edits.legacyDrawing}"/>`,
    );
  }

  // Missing children go where the schema puts them.
  pending.sort((a, b) => ORDER.indexOf(a.local) - ORDER.indexOf(b.local));
  for (const x of pending) {
    const rank = ORDER.indexOf(x.local);
    const before = top.find((c) => {
      const i = ORDER.indexOf(localName(c.name));
      return i > rank;
    });
    sp.insert(before ? before.start : ws.closeStart, x.text);
  }
  return { xml: sp.toString(), formulasRemoved };
}

/** Remove `taken` cells from x14 data validations (`<xm:sqref>` children) inside the extension list. */
function patchX14Validations(xml: string, ext: Element, taken: readonly Rect[], sp: Splicer): void {
  for (const e of children(xml, ext)) {
    for (const dvs of children(xml, e)) {
      if (localName(dvs.name) !== 'dataValidations') continue;
      const kids = children(xml, dvs);
      let count = kids.length;
      let touched = false;
      const parts: string[] = [];
      for (const k of kids) {
        const sqEl = children(xml, k).find((c) => localName(c.name) === 'sqref');
        const text = sqEl ? decode(xml.slice(sqEl.openEnd, sqEl.closeStart)) : '';
        const left = sqEl ? sqrefMinus(text, taken) : undefined;
        if (left === undefined || !sqEl) {
          parts.push(xml.slice(k.start, k.end));
          continue;
        }
        touched = true;
        if (left === '') {
          count--;
          continue;
        }
        parts.push(
          `${xml.slice(k.start, sqEl.openEnd)}${escapeText(left)}${xml.slice(sqEl.closeStart, k.end)}`,
        );
      }
      if (!touched) continue;
      sp.replace(
        dvs.start,
        dvs.end,
        `<${dvs.name}${withAttr(dvs.attrs, 'count', String(count))}>${parts.join('')}</${dvs.name}>`,
      );
    }
  }
}

/**
 * Where the plan overwrites the first cell of a shared formula, the next cell of the group that keeps
 * it becomes the group's first cell, with the formula moved to it; other cells of the group are not
 * touched. Cells of a group that the plan overwrites simply leave it.
 */
function promoteSharedFormulas(xml: string, sd: Element, edits: SheetEdits, p: string): void {
  const text = xml.slice(sd.openEnd, sd.closeStart);
  if (!text.includes('shared')) return;
  const CELL = /<((?:\w+:)?c)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;
  const F = /<(?:\w+:)?f\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
  interface Member {
    row: number;
    col: number;
  }
  const groups = new Map<string, { master?: Member & { f: string }; members: Member[] }>();
  for (let m = CELL.exec(text); m; m = CELL.exec(text)) {
    const inner = m[3];
    if (!inner?.includes('shared')) continue;
    const f = F.exec(inner);
    if (!f || attr(f[1] ?? '', 't') !== 'shared') continue;
    const at = cellRef(attr(m[2] ?? '', 'r') ?? '');
    const si = attr(f[1] ?? '', 'si');
    if (!at || si === undefined) continue;
    const g = groups.get(si) ?? { members: [] };
    groups.set(si, g);
    if (attr(f[1] ?? '', 'ref') !== undefined) g.master = { ...at, f: decode(f[2] ?? '') };
    else g.members.push(at);
  }
  const overwritten = (c: Member) => edits.cells.get(c.row)?.get(c.col)?.content !== undefined;
  for (const [si, g] of groups) {
    if (!g.master || !overwritten(g.master)) continue;
    const rest = g.members.filter((c) => !overwritten(c)).sort((a, b) => a.row - b.row || a.col - b.col);
    const first = rest[0];
    if (!first) continue;
    const box = {
      top: Math.min(...rest.map((c) => c.row)),
      left: Math.min(...rest.map((c) => c.col)),
      bottom: Math.max(...rest.map((c) => c.row)),
      right: Math.max(...rest.map((c) => c.col)),
    };
    const moved = slide(g.master.f, first.row - g.master.row, first.col - g.master.col);
    const row = edits.cells.get(first.row) ?? new Map<number, CellEdit>();
    edits.cells.set(first.row, row);
    const e = row.get(first.col) ?? { style: [] };
    e.promote = `<${p}f t="shared" ref="${formatRect(box)}" si="${escapeAttr(si)}">${escapeText(moved)}</${p}f>`;
    row.set(first.col, e);
  }
}
