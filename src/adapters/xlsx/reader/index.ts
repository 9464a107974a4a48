/**
 * .xlsx → the core's WorkbookGrid by streaming: each part is inflated in pieces and parsed as a
 * stream of XML events (saxes), keeping only what the core reads — cell values and formulas, merges,
 * sheet names and states, sheet protection, and the user's own layout the write planner must not
 * override (data validation, hidden columns, print area: see ./layout). Memory grows with the cells kept, not with the size of
 * the sheet XML: formatted but empty rows cost nothing. Used by the CLI, the playground and `fill`
 * (which reads the parts of the package it patches, so the file is unzipped once).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { a1, parseRange } from '../../../core/a1';
import type { CellValue, MergeArea, SheetGrid } from '../../../core/grid';
import { isoDate, type SheetProblem, type SheetState, XlsxReadError, type XlsxWorkbook } from '../errors';
import { slide } from '../patch/formula';
import { Package, resolve } from '../patch/package';
import { fromOoxmlText } from '../patch/xml';
import { hiddenColumns, parseDefinedAreas, parseSqref } from './layout';
import { type ByteSource, sourceOf, streamEntry, ZipError, zipEntries } from './zip';

export type { ByteSource } from './zip';

/** Where parts come from: a zip in memory (streamed) or an opened package. */
export interface PartSource {
  has(part: string): boolean;
  /** Uncompressed size in bytes. */
  size(part: string): number;
  /** The part's bytes, in pieces. */
  stream(part: string, onChunk: (chunk: Uint8Array) => void): void;
}

export function zipSource(input: Uint8Array | ByteSource): PartSource {
  const bytes = sourceOf(input);
  const entries = new Map(zipEntries(bytes).map((e) => [e.name, e]));
  return {
    has: (p) => entries.has(p),
    size: (p) => entries.get(p)?.size ?? 0,
    stream: (p, on) => {
      const e = entries.get(p);
      if (e) streamEntry(bytes, e, on);
    },
  };
}

const PIECE = 1 << 20;

export function packageSource(pkg: Package): PartSource {
  const enc = new TextEncoder();
  return {
    has: (p) => pkg.has(p),
    size: (p) => pkg.raw(p)?.length ?? 0,
    stream: (p, on) => {
      const raw = pkg.raw(p);
      // A part edited in this package is text; others are the original bytes.
      const b = raw && raw.length > 0 ? raw : pkg.has(p) ? enc.encode(pkg.text(p)) : new Uint8Array(0);
      for (let i = 0; i < b.length; i += PIECE) on(b.subarray(i, i + PIECE));
    },
  };
}

/** Limits past which a workbook is refused with `tooLarge` instead of exhausting memory. */
export interface ReadLimits {
  /** Non-empty cells kept over the whole workbook. */
  cells: number;
  /** The grid's estimated memory in bytes (see CELL_BYTES and TEXT_BYTES). */
  bytes: number;
  /** Characters of shared-string text. */
  sharedText: number;
  /** Uncompressed size of the whole package, for `openXlsx` (which unzips every part to patch it). */
  packageBytes: number;
}

/**
 * Memory per kept cell and per text it holds (its own string: inline text, formula text), beside 2
 * bytes a character: rounded up from bench/read.ts's generated sheets, peak RSS of a child process
 * (108 MB with nothing read). Four number cells a row: 260 MB for 250,000 rows, 439 MB for 1,000,000,
 * about 60 bytes a cell. A number, a shared string, an inline string and a formula a row: 340 MB and
 * 729 MB, about 140 bytes more for each cell with a text of its own.
 */
export const CELL_BYTES = 80;
export const TEXT_BYTES = 150;

/**
 * The default bounds: an estimated 1 GB for the grid (about 1.4 GB peak RSS by the figures above),
 * under Node's default heap on an 8 GB machine (about 2 GB). 1,000,000 rows of four cells are read
 * (about 640 MB estimated, 729 MB peak RSS); a workbook past a bound is refused as the bound is met.
 */
export const DEFAULT_LIMITS: ReadLimits = {
  cells: 10_000_000,
  bytes: 1_000_000_000,
  sharedText: 200_000_000,
  packageBytes: 500_000_000,
};

type Handler = {
  open?: (tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (t: string) => void;
};

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * The parser of the last part read to its end, reused: a workbook is a handful of parts, a batch
 * many workbooks, and setting a parser up costs more than a small part. saxes starts afresh on
 * close(); a parse that failed leaves its parser behind.
 */
let spare: SaxesParser | null = null;

/** Parse a part as a stream of events. */
function parse(src: PartSource, part: string, h: Handler, fileName: string): void {
  const parser = spare ?? new SaxesParser({ xmlns: false, position: false });
  spare = null;
  if (h.open) parser.on('opentag', (t) => h.open!(t as SaxesTagPlain));
  else parser.off('opentag');
  if (h.close) parser.on('closetag', (t) => h.close!(t.name));
  else parser.off('closetag');
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  } else {
    parser.off('text');
    parser.off('cdata');
  }
  const dec = new TextDecoder('utf-8');
  try {
    let first = true;
    src.stream(part, (chunk) => {
      let s = dec.decode(chunk, { stream: true });
      if (first && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
      parser.write(s);
    });
    const rest = dec.decode();
    if (rest) parser.write(rest);
    parser.close();
    spare = parser;
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('corrupt', fileName, `${part}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The attribute whose local name is `name` (any prefix), e.g. r:id. */
function attrLocal(t: SaxesTagPlain, name: string): string | undefined {
  for (const [k, v] of Object.entries(t.attributes)) if (k === name || k.endsWith(`:${name}`)) return v;
  return undefined;
}

function rels(src: PartSource, part: string, fileName: string): Map<string, { type: string; part: string }> {
  const i = part.lastIndexOf('/');
  const path = part === '' ? '_rels/.rels' : `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
  const out = new Map<string, { type: string; part: string }>();
  if (!src.has(path)) return out;
  parse(
    src,
    path,
    {
      open: (t) => {
        if (local(t.name) !== 'Relationship') return;
        if (t.attributes.TargetMode === 'External') return;
        out.set(t.attributes.Id ?? '', {
          type: t.attributes.Type ?? '',
          part: resolve(part, t.attributes.Target ?? ''),
        });
      },
    },
    fileName,
  );
  return out;
}

const DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a number format shows a date or time. */
export function isDateFormat(code: string): boolean {
  const s = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(s.trim())) return false;
  return /[ymdhs]/i.test(s.replace(/E\+|E-/g, ''));
}

/**
 * What the playground shows besides the grid, when asked for: column widths (in characters) and the
 * cells that wrap their text, per sheet name.
 */
export interface ReadLayout {
  widths: Map<string, Map<number, number>>;
  wrapped: Map<string, Set<string>>;
}

/** Which cell formats (xf indexes) show dates, and which wrap text. */
function cellFormats(
  src: PartSource,
  part: string | undefined,
  fileName: string,
): { dates: boolean[]; wrap: boolean[] } {
  const wrap: boolean[] = [];
  if (!part || !src.has(part)) return { dates: [], wrap };
  const custom = new Map<number, string>();
  const xfs: boolean[] = [];
  let inXfs = false;
  parse(
    src,
    part,
    {
      open: (t) => {
        const n = local(t.name);
        if (n === 'numFmt') custom.set(Number(t.attributes.numFmtId), t.attributes.formatCode ?? '');
        else if (n === 'cellXfs') inXfs = true;
        else if (n === 'xf' && inXfs) {
          const id = Number(t.attributes.numFmtId ?? 0);
          const code = custom.get(id);
          xfs.push(code !== undefined ? isDateFormat(code) : DATE_IDS.has(id));
        } else if (n === 'alignment' && inXfs) {
          const w = t.attributes.wrapText;
          if (w === '1' || w === 'true') wrap[xfs.length - 1] = true;
        }
      },
      close: (name) => {
        if (local(name) === 'cellXfs') inXfs = false;
      },
    },
    fileName,
  );
  return { dates: xfs, wrap };
}

function sharedStrings(
  src: PartSource,
  part: string | undefined,
  fileName: string,
  limits: ReadLimits,
  kept: Kept,
): string[] {
  if (!part || !src.has(part)) return [];
  const out: string[] = [];
  let cur: string[] | null = null;
  let inT = false;
  let skip = 0;
  let total = 0;
  parse(
    src,
    part,
    {
      open: (t) => {
        const n = local(t.name);
        if (n === 'si') cur = [];
        else if (n === 'rPh') skip++;
        else if (n === 't' && skip === 0) inT = true;
      },
      close: (name) => {
        const n = local(name);
        if (n === 't') inT = false;
        else if (n === 'rPh') skip--;
        else if (n === 'si' && cur) {
          const s = fromOoxmlText(cur.join(''));
          total += s.length;
          if (total > limits.sharedText)
            throw new XlsxReadError('tooLarge', fileName, `text:${limits.sharedText}`);
          kept.bytes += TEXT_BYTES + 2 * s.length;
          out.push(s);
          cur = null;
        }
      },
      text: (t) => {
        if (inT && cur) cur.push(t);
      },
    },
    fileName,
  );
  return out;
}

function excelDate(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial;
  return isoDate(new Date(Math.round((days - 25569) * 86_400_000)));
}

/** What the grid holds so far: cells and estimated bytes. */
interface Kept {
  n: number;
  bytes: number;
}

interface SheetContext {
  strings: string[];
  dates: boolean[];
  wrap: boolean[];
  layout: ReadLayout | undefined;
  date1904: boolean;
  limits: ReadLimits;
  /** Cells kept so far in the workbook. */
  kept: Kept;
  fileName: string;
}

function cellRef(r: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
  }
  const row = Number(r.slice(i).replace('$', ''));
  if (col === 0 || !Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

function readSheet(
  src: PartSource,
  part: string,
  name: string,
  state: SheetState,
  ctx: SheetContext,
): SheetGrid | SheetProblem {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  const merges: MergeArea[] = [];
  let isProtected = false;
  const shared = new Map<string, { row: number; col: number; f: string }>();
  // Members of a shared formula met before its first cell (rows out of order), resolved at the end.
  const early: { row: number; col: number; si: string }[] = [];

  let row = -1;
  let col = -1;
  // The current cell.
  let inCell = false;
  let t = 'n';
  let s = 0;
  let v: string[] = [];
  let f: string[] | null = null;
  let fAttrs: Record<string, string> = {};
  let inV = false;
  let vEl = false;
  let inF = false;
  let inIs = false;
  let inT = false;
  let skip = 0;
  let isText: string[] = [];
  // Data validation: <dataValidation sqref>, and the x14 form's <xm:sqref> text inside <extLst>.
  const validations: MergeArea[] = [];
  let sqref: string[] | null = null;
  // Inside an <x14:dataValidation>: only its <xm:sqref> counts (conditional formats and sparklines
  // in extLst have one too).
  let inX14Validation = false;
  // <col min max hidden="1"> spans, 1-based inclusive; listed against the used range at the end.
  const hiddenSpans: [number, number][] = [];
  const widths = ctx.layout ? new Map<number, number>() : undefined;
  const wrapped = ctx.layout ? new Set<string>() : undefined;
  if (ctx.layout && widths && wrapped) {
    ctx.layout.widths.set(name, widths);
    ctx.layout.wrapped.set(name, wrapped);
  }

  const put = (r: number, c: number, value: CellValue, formula: string | null) => {
    if (value === null && formula === null) return;
    const k = ctx.kept;
    if (++k.n > ctx.limits.cells)
      throw new XlsxReadError('tooLarge', ctx.fileName, `cells:${ctx.limits.cells}`);
    k.bytes += CELL_BYTES;
    if (typeof value === 'string' && t !== 's') k.bytes += TEXT_BYTES + 2 * value.length;
    if (formula !== null) k.bytes += TEXT_BYTES + 2 * formula.length;
    if (k.bytes > ctx.limits.bytes)
      throw new XlsxReadError('tooLarge', ctx.fileName, `memory:${Math.round(ctx.limits.bytes / 1e6)}`);
    const vr = values[r] ?? [];
    values[r] = vr;
    vr[c] = value;
    if (formula !== null) {
      const fr = formulas[r] ?? [];
      formulas[r] = fr;
      fr[c] = formula;
      anyFormula = true;
    }
  };

  const addValidated = (ref: string) => {
    for (const r of parseSqref(ref)) {
      ctx.kept.bytes += CELL_BYTES;
      validations.push(r);
    }
  };

  const endCell = () => {
    const raw = v.join('');
    let value: CellValue = null;
    const hasV = v.length > 0;
    switch (t) {
      case 's':
        value = hasV ? (ctx.strings[Number(raw)] ?? null) : null;
        break;
      case 'inlineStr':
        value = fromOoxmlText(isText.join(''));
        break;
      case 'str':
        // An empty <v/> is a formula's empty text result (="").
        value = hasV || vEl ? fromOoxmlText(raw) : f ? null : '';
        break;
      case 'b':
        value = hasV ? raw.trim() === '1' || raw.trim().toLowerCase() === 'true' : null;
        break;
      case 'e':
        value = hasV ? raw : null;
        break;
      case 'd':
        value = hasV
          ? isoDate(new Date(raw.endsWith('Z') || /[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`))
          : null;
        break;
      default: {
        if (!hasV || raw.trim() === '') break;
        const n = Number(raw);
        if (!Number.isFinite(n)) break;
        value = ctx.dates[s] ? excelDate(n, ctx.date1904) : n;
      }
    }
    let formula: string | null = null;
    if (f) {
      const text = f.join('');
      const kind = fAttrs.t;
      if (kind === 'shared' && fAttrs.si !== undefined) {
        if (fAttrs.ref !== undefined && text !== '') {
          shared.set(fAttrs.si, { row, col, f: text });
          formula = text;
        } else {
          const m = shared.get(fAttrs.si);
          formula = m ? slide(m.f, row - m.row, col - m.col) : text || null;
          if (!m && formula === null) early.push({ row, col, si: fAttrs.si });
        }
      } else if (kind !== 'dataTable' && text !== '') formula = text;
    }
    if (formula !== null && !formula.startsWith('=')) formula = `=${formula}`;
    put(row, col, value, formula);
    if (wrapped && ctx.wrap[s] && (value !== null || formula !== null)) wrapped.add(a1(row, col));
  };

  parse(
    src,
    part,
    {
      open: (tag) => {
        const n = local(tag.name);
        if (inCell) {
          if (n === 'v') {
            inV = true;
            vEl = true;
          } else if (n === 'f') {
            inF = true;
            f = [];
            fAttrs = tag.attributes;
          } else if (n === 'is') inIs = true;
          else if (n === 'rPh') skip++;
          else if (n === 't' && inIs && skip === 0) inT = true;
          return;
        }
        switch (n) {
          case 'row': {
            const r = tag.attributes.r;
            row = r ? Number(r) - 1 : row + 1;
            col = -1;
            break;
          }
          case 'c': {
            const r = tag.attributes.r;
            const at = r ? cellRef(r) : null;
            if (at) {
              if (at.row !== row) row = at.row;
              col = at.col;
            } else col++;
            inCell = true;
            t = tag.attributes.t ?? 'n';
            s = Number(tag.attributes.s ?? 0);
            v = [];
            vEl = false;
            f = null;
            fAttrs = {};
            isText = [];
            break;
          }
          case 'mergeCell': {
            const m = parseRange((tag.attributes.ref ?? '').replace(/\$/g, ''));
            if (m) merges.push(m);
            break;
          }
          case 'col': {
            const h = tag.attributes.hidden;
            if (h === '1' || h === 'true') {
              const min = Number(tag.attributes.min);
              const max = Number(tag.attributes.max ?? min);
              if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min)
                hiddenSpans.push([min, max]);
            }
            if (!widths) break;
            const w = Number(tag.attributes.width);
            const min = Number(tag.attributes.min);
            const max = Math.min(Number(tag.attributes.max), min + 16_384);
            if (Number.isFinite(w) && w > 0 && min >= 1)
              for (let i = min; i <= max; i++) widths.set(i - 1, w);
            break;
          }
          case 'dataValidation': {
            const ref = tag.attributes.sqref;
            if (ref !== undefined) addValidated(ref);
            else inX14Validation = true;
            break;
          }
          case 'sqref':
            if (inX14Validation) sqref = [];
            break;
          case 'sheetProtection': {
            const sh = tag.attributes.sheet;
            if (sh === '1' || sh === 'true') isProtected = true;
            break;
          }
        }
      },
      close: (name) => {
        if (!inCell) {
          const n = local(name);
          if (sqref && n === 'sqref') {
            addValidated(sqref.join(''));
            sqref = null;
          } else if (n === 'dataValidation') inX14Validation = false;
          return;
        }
        const n = local(name);
        if (n === 'v') inV = false;
        else if (n === 'f') inF = false;
        else if (n === 'is') inIs = false;
        else if (n === 'rPh') skip--;
        else if (n === 't') inT = false;
        else if (n === 'c') {
          inCell = false;
          endCell();
        }
      },
      text: (x) => {
        if (inV) v.push(x);
        else if (inF) f?.push(x);
        else if (inT) isText.push(x);
        else if (sqref) sqref.push(x);
      },
    },
    ctx.fileName,
  );

  for (const e of early) {
    const m = shared.get(e.si);
    if (!m) continue;
    const fr = formulas[e.row] ?? [];
    formulas[e.row] = fr;
    fr[e.col] = `=${slide(m.f, e.row - m.row, e.col - m.col)}`;
    anyFormula = true;
    const vr = values[e.row] ?? [];
    values[e.row] = vr;
    if (vr[e.col] === undefined) vr[e.col] = null;
  }
  const clash = overlappingMerges(merges);
  if (clash)
    return {
      sheet: name,
      code: 'overlappingMerge',
      detail: clash.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(' / '),
    };
  // The other cells of a merged area are empty in Excel, whatever the file holds there.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const vr = values[r];
      const fr = formulas[r];
      if (!vr && !fr) continue;
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        if (vr && c < vr.length) vr[c] = undefined as unknown as CellValue;
        if (fr && c < fr.length) fr[c] = undefined as unknown as string | null;
      }
    }
  }
  const length = lastRow(values) + 1;
  // In place: holes become null and trailing empties go, without a second copy of the grid.
  const dense = <T>(rows: (T | null | undefined)[][]): (T | null)[][] => {
    rows.length = length;
    for (let r = 0; r < length; r++) {
      const row = rows[r];
      if (!row) {
        rows[r] = [];
        continue;
      }
      let end = row.length;
      while (end > 0 && (row[end - 1] === undefined || row[end - 1] === null)) end--;
      row.length = end;
      for (let c = 0; c < end; c++) if (row[c] === undefined) row[c] = null;
    }
    return rows as (T | null)[][];
  };
  const grid: SheetGrid = { name, values: dense(values), merges };
  if (anyFormula) grid.formulas = dense(formulas);
  if (state !== 'visible') grid.hidden = true;
  if (isProtected) grid.protected = true;
  // Set when there are any, as the Office adapter and the fake Excel do; the planner reads absent as none.
  if (validations.length > 0) grid.validations = validations;
  if (hiddenSpans.length > 0) {
    let lastCol = -1;
    for (const r of grid.values) lastCol = Math.max(lastCol, r.length - 1);
    for (const r of grid.formulas ?? []) lastCol = Math.max(lastCol, r.length - 1);
    for (const m of merges) lastCol = Math.max(lastCol, m.right);
    const hidden = hiddenColumns(hiddenSpans, lastCol);
    if (hidden.length > 0) grid.hiddenCols = hidden;
  }
  return grid;
}

/** Why Excel would not accept this sheet name (in both languages' terms), or null when it would. */
function badSheetName(name: string, earlier: ReadonlySet<string>): string | null {
  if (name.trim() === '') return 'empty / 空';
  if ([...name].length > 31) return `${[...name].length} > 31`;
  const ch = /[:\\/?*[\]]/.exec(name)?.[0];
  if (ch) return `“${ch}”`;
  if (name.startsWith("'") || name.endsWith("'")) return "“'”";
  if (earlier.has(name.toLowerCase())) return 'duplicate / 重名';
  return null;
}

/** Two merged areas that overlap, or null: Excel never writes them, and the core cannot read them. */
function overlappingMerges(merges: readonly MergeArea[]): [MergeArea, MergeArea] | null {
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  for (let i = 0; i < byTop.length; i++) {
    const a = byTop[i]!;
    for (let j = i + 1; j < byTop.length && byTop[j]!.top <= a.bottom; j++) {
      const b = byTop[j]!;
      if (b.left <= a.right && a.left <= b.right) return [a, b];
    }
  }
  return null;
}

function lastRow(values: (CellValue | undefined)[][]): number {
  for (let r = values.length - 1; r >= 0; r--) {
    const vr = values[r];
    if (vr?.some((x) => x !== undefined && x !== null)) return r;
  }
  return -1;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * Read a workbook from its parts.
 * @throws XlsxReadError when the parts do not make a readable workbook, or it is too large.
 */
export function readParts(
  src: PartSource,
  fileName: string,
  limits: ReadLimits = DEFAULT_LIMITS,
  layout?: ReadLayout,
): XlsxWorkbook {
  const root = rels(src, '', fileName);
  const wbPart =
    [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.part ??
    (src.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  if (!wbPart || !src.has(wbPart)) throw new XlsxReadError('notXlsx', fileName, 'no workbook part');
  const wbRels = rels(src, wbPart, fileName);
  const listed: { name: string; rid: string; state: SheetState }[] = [];
  let date1904 = false;
  // _xlnm.Print_Area per localSheetId (the sheet's index in <sheets>, chart sheets included).
  const printAreas = new Map<number, string>();
  let printText: string[] | null = null;
  let printOf = -1;
  parse(
    src,
    wbPart,
    {
      open: (t) => {
        const n = local(t.name);
        if (n === 'sheet') {
          const st = t.attributes.state;
          listed.push({
            name: t.attributes.name ?? '',
            rid: attrLocal(t, 'id') ?? '',
            state: st === 'hidden' ? 'hidden' : st === 'veryHidden' ? 'veryHidden' : 'visible',
          });
        } else if (n === 'workbookPr') {
          const d = t.attributes.date1904;
          date1904 = d === '1' || d === 'true';
        } else if (n === 'definedName' && t.attributes.name?.toLowerCase() === '_xlnm.print_area') {
          const id = Number(t.attributes.localSheetId);
          if (Number.isInteger(id) && id >= 0) {
            printOf = id;
            printText = [];
          }
        }
      },
      close: (name) => {
        if (printText && local(name) === 'definedName') {
          printAreas.set(printOf, printText.join(''));
          printText = null;
        }
      },
      text: (x) => {
        if (printText) printText.push(x);
      },
    },
    fileName,
  );
  const ofType = (suffix: string) => [...wbRels.values()].find((r) => r.type.endsWith(suffix))?.part;
  const formats = cellFormats(src, ofType('/styles'), fileName);
  const kept: Kept = { n: 0, bytes: 0 };
  const ctx: SheetContext = {
    strings: sharedStrings(src, ofType('/sharedStrings'), fileName, limits, kept),
    dates: formats.dates,
    wrap: formats.wrap,
    layout,
    date1904,
    limits,
    kept,
    fileName,
  };
  const sheets: SheetGrid[] = [];
  const states: Record<string, SheetState> = {};
  const skipped: SheetProblem[] = [];
  const seen = new Set<string>();
  for (const [index, s] of listed.entries()) {
    const rel = wbRels.get(s.rid);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel?.type.endsWith('/worksheet') || !src.has(rel.part)) continue;
    // A name Excel would refuse (or a second sheet of the same name) costs that sheet only: formulas
    // and the writer name sheets, and could not tell it from another.
    const bad = badSheetName(s.name, seen);
    seen.add(s.name.toLowerCase());
    if (bad) {
      skipped.push({ sheet: s.name, code: 'badSheetName', detail: bad });
      continue;
    }
    const sheet = readSheet(src, rel.part, s.name, s.state, ctx);
    if ('code' in sheet) {
      skipped.push(sheet);
      continue;
    }
    const print = printAreas.get(index);
    const areas = print === undefined ? [] : parseDefinedAreas(fromOoxmlText(print));
    if (areas.length > 0) sheet.printArea = areas;
    sheets.push(sheet);
    states[s.name] = s.state;
  }
  if (sheets.length === 0 && skipped.length === 0)
    throw new XlsxReadError('notXlsx', fileName, 'no worksheets');
  return skipped.length > 0 ? { grid: { sheets }, states, skipped } : { grid: { sheets }, states };
}

/**
 * Read .xlsx bytes (or a source reading them piece by piece) by streaming each part.
 * @throws XlsxReadError when the bytes are not a readable .xlsx, or the workbook is too large.
 * @example const { grid } = readXlsxStream(bytes, '考核.xlsx');
 */
export function readXlsxStream(
  bytes: Uint8Array | ByteSource,
  fileName: string,
  limits: ReadLimits = DEFAULT_LIMITS,
  layout?: ReadLayout,
): XlsxWorkbook {
  checkSignature(bytes, fileName);
  let src: PartSource;
  try {
    src = zipSource(bytes);
  } catch (e) {
    throw new XlsxReadError('corrupt', fileName, e instanceof ZipError ? e.message : String(e));
  }
  return readParts(src, fileName, limits, layout);
}

/** @throws XlsxReadError when the bytes cannot be an .xlsx (empty, an old .xls or encrypted, not a zip). */
function checkSignature(input: Uint8Array | ByteSource, fileName: string): void {
  const src = sourceOf(input);
  if (src.length === 0) throw new XlsxReadError('empty', fileName);
  const bytes = src.read(0, 8);
  if (startsWith(bytes, OLE_MAGIC)) throw new XlsxReadError('legacyOrEncrypted', fileName);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxReadError('notXlsx', fileName);
}

/**
 * Open .xlsx bytes as a package to patch, with the workbook read from that same package: the file
 * is unzipped once, and the plan is made from exactly the parts the writer edits.
 * @throws XlsxReadError when the bytes are not a readable .xlsx, or the workbook is too large.
 */
export function openXlsx(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): { pkg: Package; book: XlsxWorkbook } {
  checkSignature(bytes, fileName);
  let unzipped = 0;
  try {
    for (const e of zipEntries(bytes)) unzipped += e.size;
  } catch (e) {
    throw new XlsxReadError('corrupt', fileName, e instanceof ZipError ? e.message : String(e));
  }
  // Every part is unzipped to be patched: refuse before, not after, memory runs out.
  if (unzipped > limits.packageBytes)
    throw new XlsxReadError('tooLarge', fileName, `package:${Math.round(limits.packageBytes / 1e6)}`);
  let pkg: Package;
  try {
    pkg = Package.open(bytes);
  } catch (e) {
    throw new XlsxReadError('corrupt', fileName, e instanceof Error ? e.message : String(e));
  }
  return { pkg, book: readPackage(pkg, fileName, limits) };
}

/** The grid of an opened package (for `fill`, which patches the same package). */
export function readPackage(
  pkg: Package,
  fileName: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): XlsxWorkbook {
  return readParts(packageSource(pkg), fileName, limits);
}

/** A caught reader fault as XlsxReadError (zip faults become `corrupt`). */
export function asReadError(e: unknown, fileName: string): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  return new XlsxReadError('corrupt', fileName, e instanceof Error ? e.message : String(e));
}
