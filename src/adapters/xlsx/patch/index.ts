/**
 * Applying a WritePlan to an .xlsx package by patching it: the parts and elements the plan owns (its
 * cells and their formats, its validations, merges, column widths and hidden columns, notes, print
 * area and titles, page setup, its metadata sheet) are edited in place; every other part is copied
 * with its exact bytes and every other element of an edited part with its exact text. Names and
 * their scope, protection, charts, pivots, drawings, macros, extensions the writer does not know,
 * custom properties and links all stay as they were. Used by `fill` and the playground's download.
 */
import { a1, colIndex, parseRange, sheetRef } from '../../../core/a1';
import type { WorkbookGrid } from '../../../core/grid';
import { cellAt, formulaAt } from '../../../core/grid';
import type { Lang } from '../../../core/i18n';
import { matchesExpected, type ValidationRule, type WriteOp, type WritePlan } from '../../../core/plan';
import { PlanStaleError, type StaleCell } from '../../../host/errors';
import { readPackage } from '../reader';
import { writeNotes, type Note } from './notes';
import { Package, type Relationship } from './package';
import type { Rect } from './ranges';
import { type CellEdit, emptyEdits, patchSheet, type SheetEdits } from './sheet';
import { type StyleChange, Styles } from './styles';
import {
  attr,
  children,
  type Element,
  escapeAttr,
  escapeText,
  localName,
  prefixOf,
  root,
  Splicer,
  withAttr,
} from './xml';

export { Package } from './package';

/** The plan still has conflicts: nothing was written. */
export class PatchConflictError extends Error {
  override readonly name = 'PlanConflictError';
  constructor(readonly count: number) {
    super(`the write plan has ${count} conflict(s); resolve them before writing`);
  }
}

/** The plan cannot be applied to this workbook as it is (a sheet it names is missing, a merge clashes). */
export class PatchError extends Error {
  override readonly name = 'PatchError';
}

export interface PatchResult {
  bytes: Uint8Array;
  /** Operations applied. */
  applied: number;
  /** Operations this writer does not carry out (charts), with the op kind and sheet. */
  skipped: { op: WriteOp['op']; sheet: string }[];
}

export interface PatchOptions {
  /**
   * The workbook as the plan was made from it (the reader's grid of the same bytes), to check the
   * plan's expectations against; read from the package when absent and the plan has some.
   */
  grid?: WorkbookGrid;
  lang?: Lang;
}

interface SheetEntry {
  name: string;
  part: string;
  rid: string;
  state?: string;
  /** Its `<sheet>` element in the workbook part, when it was there before the plan. */
  el?: Element;
}

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** The workbook part's children in schema order (CT_Workbook). */
const WB_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'AlternateContent',
  'revisionPtr',
  'absPath',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

function rectOrThrow(range: string): Rect {
  const r = parseRange(range.replace(/\$/g, ''));
  if (!r) throw new PatchError(`bad range in write plan: ${range}`);
  return r;
}

/** The data validation element's attributes and formulas for a rule. */
function validationOf(
  rule: ValidationRule,
  prompt: { title: string; message: string } | null,
  error: { title: string; message: string } | null,
): { attrs: [string, string][]; formulas: string[] } {
  const a: [string, string][] = [];
  let formulas: string[];
  switch (rule.kind) {
    case 'wholeNumber':
    case 'decimal':
      a.push(['type', rule.kind === 'wholeNumber' ? 'whole' : 'decimal']);
      if (rule.max === null) {
        a.push(['operator', 'greaterThanOrEqual']);
        formulas = [String(rule.min)];
      } else formulas = [String(rule.min), String(rule.max)];
      break;
    case 'list':
      a.push(['type', 'list']);
      formulas = [`"${rule.values.join(',')}"`];
      break;
    case 'reject':
      a.push(['type', 'custom']);
      formulas = ['FALSE'];
      break;
  }
  a.push(['allowBlank', '1']);
  if (prompt) a.push(['showInputMessage', '1']);
  if (error) a.push(['showErrorMessage', '1']);
  if (error) a.push(['errorTitle', error.title], ['error', error.message]);
  if (prompt) a.push(['promptTitle', prompt.title], ['prompt', prompt.message]);
  return { attrs: a, formulas };
}

/**
 * Apply a plan to .xlsx bytes (or an opened package) and return the new bytes.
 * @throws PatchConflictError when the plan still lists conflicts (nothing is written)
 * @throws PlanStaleError when a cell no longer holds what an op expects (nothing is written)
 * @throws PatchError when the plan names a sheet the workbook lacks, or a merge clashes
 * @example const { bytes } = patchXlsx(await readFile('in.xlsx'), plan);
 */
export function patchXlsx(
  input: Uint8Array | Package,
  plan: WritePlan,
  opts: PatchOptions = {},
): PatchResult {
  if (plan.conflicts.length > 0) throw new PatchConflictError(plan.conflicts.length);
  const pkg = input instanceof Package ? input : Package.open(input);
  checkExpectations(pkg, plan, opts);

  const wbPart = pkg.mainPart();
  if (!wbPart) throw new PatchError('the package has no workbook part');
  let wbXml = pkg.text(wbPart);
  const wbRoot = root(wbXml);
  const p = prefixOf(wbRoot.name);
  const wbKids = children(wbXml, wbRoot);
  const sheetsEl = wbKids.find((k) => localName(k.name) === 'sheets');
  if (!sheetsEl) throw new PatchError('the workbook part has no sheets');
  const rels = pkg.rels(wbPart);
  const relById = new Map<string, Relationship>(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = children(wbXml, sheetsEl).map((el) => {
    const rid = attr(el.attrs, 'r:id') ?? /\b[\w]+:id="([^"]*)"/.exec(el.attrs)?.[1] ?? '';
    const part = relById.get(rid)?.part ?? '';
    const state = attr(el.attrs, 'state');
    return { name: attr(el.attrs, 'name') ?? '', part, rid, el, ...(state ? { state } : {}) };
  });
  const byName = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const deleted: SheetEntry[] = [];
  const added: SheetEntry[] = [];

  const edits = new Map<string, SheetEdits>();
  const notes = new Map<string, Note[]>();
  const printAreas = new Map<string, string>();
  const printTitles = new Map<string, string>();
  const editsOf = (name: string): SheetEdits => {
    const s = byName(name);
    if (!s) throw new PatchError(`write plan names a sheet the workbook does not have: ${name}`);
    let e = edits.get(s.part);
    if (!e) {
      e = emptyEdits();
      edits.set(s.part, e);
    }
    return e;
  };
  const cellEdit = (e: SheetEdits, row: number, col: number): CellEdit => {
    let r = e.cells.get(row);
    if (!r) {
      r = new Map();
      e.cells.set(row, r);
    }
    let c = r.get(col);
    if (!c) {
      c = { style: [] };
      r.set(col, c);
    }
    return c;
  };
  const styleRange = (sheet: string, range: string, change: StyleChange) => {
    const e = editsOf(sheet);
    const r = rectOrThrow(range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) cellEdit(e, row, col).style.push(change);
  };

  const skipped: PatchResult['skipped'] = [];
  let applied = 0;
  for (const op of plan.ops) {
    switch (op.op) {
      case 'addSheet': {
        if (byName(op.sheet)) break;
        let n = 1;
        while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
        const part = `xl/worksheets/sheet${n}.xml`;
        pkg.setText(
          part,
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${pkg.ns.main}" xmlns:r="${pkg.ns.rel}"><sheetData/></worksheet>`,
        );
        pkg.addOverride(part, WORKSHEET_TYPE);
        const rid = pkg.addRel(wbPart, pkg.relType('worksheet'), part);
        const entry: SheetEntry = { name: op.sheet, part, rid, ...(op.hidden ? { state: op.hidden } : {}) };
        sheets.push(entry);
        added.push(entry);
        break;
      }
      case 'deleteSheet': {
        const s = byName(op.sheet);
        if (!s) break;
        sheets.splice(sheets.indexOf(s), 1);
        if (s.el) deleted.push(s);
        else added.splice(added.indexOf(s), 1);
        edits.delete(s.part);
        notes.delete(s.part);
        break;
      }
      case 'formula': {
        const at = rectOrThrow(op.cell);
        cellEdit(editsOf(op.sheet), at.top, at.left).content = {
          kind: 'formula',
          formula: op.formula,
          result: op.result,
        };
        break;
      }
      case 'value': {
        const at = rectOrThrow(op.cell);
        cellEdit(editsOf(op.sheet), at.top, at.left).content = { kind: 'value', value: op.value };
        break;
      }
      case 'numberFormat':
        styleRange(op.sheet, op.range, { kind: 'numFmt', format: op.format });
        break;
      case 'fill':
        styleRange(op.sheet, op.range, { kind: 'fill', color: op.color });
        break;
      case 'font': {
        const c: StyleChange = { kind: 'font' };
        if (op.bold !== undefined) c.bold = op.bold;
        if (op.color !== undefined) c.color = op.color;
        styleRange(op.sheet, op.range, c);
        break;
      }
      case 'validation': {
        const e = editsOf(op.sheet);
        const v = validationOf(op.rule, op.prompt, op.error);
        e.validations.push({ rects: [rectOrThrow(op.range)], ...v });
        break;
      }
      case 'clearValidation':
        editsOf(op.sheet).clearValidation.push(rectOrThrow(op.range));
        break;
      case 'merge':
        editsOf(op.sheet).merges.push(rectOrThrow(op.range));
        break;
      case 'unmerge':
        editsOf(op.sheet).unmerges.push(rectOrThrow(op.range));
        break;
      case 'columnWidth': {
        const e = editsOf(op.sheet);
        const c = colIndex(op.col);
        e.columns.set(c, { ...e.columns.get(c), width: op.width });
        break;
      }
      case 'hideColumns': {
        const e = editsOf(op.sheet);
        for (const col of op.cols) {
          const c = colIndex(col);
          e.columns.set(c, { ...e.columns.get(c), hidden: op.hidden });
        }
        break;
      }
      case 'note': {
        editsOf(op.sheet);
        const at = rectOrThrow(op.cell);
        const part = byName(op.sheet)!.part;
        const list = notes.get(part) ?? [];
        const same = list.findIndex((n) => n.row === at.top && n.col === at.left);
        if (same >= 0) list.splice(same, 1);
        list.push({ row: at.top, col: at.left, text: op.text });
        notes.set(part, list);
        break;
      }
      case 'printArea': {
        editsOf(op.sheet);
        const ref = sheetRef(byName(op.sheet)!.name);
        printAreas.set(
          op.sheet.toLowerCase(),
          op.ranges
            .map((r) => {
              const x = rectOrThrow(r);
              return `${ref}!$${a1(x.top, x.left).replace(/(\d+)$/, '$$$1')}:$${a1(x.bottom, x.right).replace(/(\d+)$/, '$$$1')}`;
            })
            .join(','),
        );
        break;
      }
      case 'printTitles': {
        editsOf(op.sheet);
        const [from, to] = op.rows.split(':');
        printTitles.set(op.sheet.toLowerCase(), `$${from}:$${to ?? from}`);
        break;
      }
      case 'pageSetup': {
        const e = editsOf(op.sheet);
        const attrs: [string, string][] = [
          ['paperSize', op.paper === 'A4' ? '9' : '9'],
          ['orientation', op.orientation],
        ];
        if (op.fitToWidth) attrs.push(['fitToWidth', '1'], ['fitToHeight', '0']);
        e.pageSetup = { attrs, fitToPage: op.fitToWidth };
        break;
      }
      case 'chart':
        skipped.push({ op: op.op, sheet: op.sheet });
        continue;
      default:
        return unhandled(op);
    }
    applied++;
  }

  // ---- sheets
  const stylesPart = rels.find((r) => r.type.endsWith('/styles'))?.part;
  const styles = new Styles(
    stylesPart && pkg.has(stylesPart)
      ? pkg.text(stylesPart)
      : `<styleSheet xmlns="${pkg.ns.main}"><fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`,
  );
  let formulasRemoved = false;
  for (const [part, e] of edits) {
    let xml = pkg.text(part);
    const n = notes.get(part);
    if (n) {
      const r = writeNotes(pkg, part, xml, n, a1);
      if (r.legacyDrawing) e.legacyDrawing = r.legacyDrawing;
    }
    try {
      const out = patchSheet(xml, e, styles);
      xml = out.xml;
      formulasRemoved ||= out.formulasRemoved;
    } catch (err) {
      const name = sheets.find((s) => s.part === part)?.name ?? part;
      throw new PatchError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    pkg.setText(part, xml);
  }
  if (styles.changed) {
    const part = stylesPart ?? 'xl/styles.xml';
    pkg.setText(part, styles.toString());
    if (!stylesPart) {
      pkg.addOverride(part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
      pkg.addRel(wbPart, pkg.relType('styles'), part);
    }
  }

  // ---- workbook part
  wbXml = pkg.text(wbPart);
  const sp = new Splicer(wbXml);
  const pending: { local: string; text: string }[] = [];
  const oldIndex = new Map<SheetEntry, number>();
  children(wbXml, sheetsEl).forEach((el, i) => {
    const s = [...sheets, ...deleted].find((x) => x.el?.start === el.start);
    if (s) oldIndex.set(s, i);
  });
  for (const s of deleted) {
    sp.replace(s.el!.start, s.el!.end, '');
    pkg.removeRel(wbPart, s.rid);
    pkg.removeOverride(s.part);
    pkg.remove(s.part);
    pkg.remove(s.part.replace(/([^/]+)$/, '_rels/$1.rels'));
  }
  if (added.length > 0) {
    const ids = children(wbXml, sheetsEl).map((el) => Number(attr(el.attrs, 'sheetId') ?? 0));
    let id = Math.max(0, ...ids);
    const text = added
      .map(
        (s) =>
          `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${++id}"${s.state ? ` state="${s.state}"` : ''} r:id="${s.rid}"/>`,
      )
      .join('');
    sp.insert(sheetsEl.closeStart, text);
  }
  // Defined names: deleted sheets' local names go, later sheets' indexes move; print areas and titles.
  const newIndex = (s: SheetEntry) => sheets.indexOf(s);
  const dn = wbKids.find((k) => localName(k.name) === 'definedNames');
  const namesOut: string[] = [];
  let namesChanged = deleted.length > 0 || printAreas.size > 0 || printTitles.size > 0;
  const byOld = new Map<number, SheetEntry>();
  for (const [s, i] of oldIndex) byOld.set(i, s);
  const doneArea = new Set<string>();
  const doneTitles = new Set<string>();
  const nameXml = (name: string, local: number, value: string) =>
    `<${p}definedName name="${name}" localSheetId="${local}">${escapeText(value)}</${p}definedName>`;
  if (dn) {
    for (const k of children(wbXml, dn)) {
      const local = attr(k.attrs, 'localSheetId');
      let text = wbXml.slice(k.start, k.end);
      if (local !== undefined) {
        const s = byOld.get(Number(local));
        if (!s || deleted.includes(s)) {
          if (s) continue;
        } else {
          const ni = newIndex(s);
          if (ni !== Number(local)) text = text.replace(/localSheetId="\d+"/, `localSheetId="${ni}"`);
          const name = attr(k.attrs, 'name');
          const key = s.name.toLowerCase();
          if (name === '_xlnm.Print_Area' && printAreas.has(key)) {
            text = `${wbXml.slice(k.start, k.openEnd)}${escapeText(printAreas.get(key)!)}${wbXml.slice(k.closeStart, k.end)}`;
            text = text.replace(/localSheetId="\d+"/, `localSheetId="${ni}"`);
            doneArea.add(key);
          }
          if (name === '_xlnm.Print_Titles' && printTitles.has(key)) {
            const old = wbXml.slice(k.openEnd, k.closeStart);
            const ref = sheetRef(s.name);
            const cols = splitRefs(old).filter((x) => /!\$?[A-Z]+:\$?[A-Z]+$/i.test(x));
            const value = [...cols.map((c) => c), `${ref}!${printTitles.get(key)!}`].join(',');
            text = `${wbXml.slice(k.start, k.openEnd)}${escapeText(value)}${wbXml.slice(k.closeStart, k.end)}`;
            text = text.replace(/localSheetId="\d+"/, `localSheetId="${ni}"`);
            doneTitles.add(key);
          }
        }
      }
      namesOut.push(text);
    }
  }
  for (const s of sheets) {
    const key = s.name.toLowerCase();
    if (printAreas.has(key) && !doneArea.has(key))
      namesOut.push(nameXml('_xlnm.Print_Area', newIndex(s), printAreas.get(key)!));
    if (printTitles.has(key) && !doneTitles.has(key))
      namesOut.push(
        nameXml('_xlnm.Print_Titles', newIndex(s), `${sheetRef(s.name)}!${printTitles.get(key)!}`),
      );
  }
  if (dn) {
    const old = children(wbXml, dn).map((k) => wbXml.slice(k.start, k.end));
    namesChanged = namesOut.length !== old.length || namesOut.some((t, i) => t !== old[i]);
    if (namesChanged) {
      if (namesOut.length === 0) sp.replace(dn.start, dn.end, '');
      else sp.replace(dn.openEnd, dn.closeStart, namesOut.join(''));
    }
  } else if (namesOut.length > 0)
    pending.push({
      local: 'definedNames',
      text: `<${p}definedNames>${namesOut.join('')}</${p}definedNames>`,
    });
  // The active and first visible tab stay on a sheet that exists.
  if (deleted.length > 0) {
    const views = wbKids.find((k) => localName(k.name) === 'bookViews');
    if (views)
      for (const v of children(wbXml, views)) {
        let a = v.attrs;
        for (const key of ['activeTab', 'firstSheet']) {
          const i = attr(a, key);
          if (i === undefined) continue;
          const s = byOld.get(Number(i));
          const ni = s && !deleted.includes(s) ? newIndex(s) : 0;
          if (ni !== Number(i)) a = withAttr(a, key, String(ni));
        }
        if (a !== v.attrs)
          sp.replace(
            v.start,
            v.openEnd,
            `<${v.name}${a}${wbXml.slice(v.start, v.openEnd).endsWith('/>') ? '/>' : '>'}`,
          );
      }
  }
  // Excel and LibreOffice recompute every formula on open instead of trusting cached results.
  if (applied > 0) {
    const calc = wbKids.find((k) => localName(k.name) === 'calcPr');
    if (calc) {
      const a = withAttr(calc.attrs, 'fullCalcOnLoad', '1');
      if (a !== calc.attrs)
        sp.replace(
          calc.start,
          calc.openEnd,
          `<${calc.name}${a}${wbXml.slice(calc.start, calc.openEnd).endsWith('/>') ? '/>' : '>'}`,
        );
    } else pending.push({ local: 'calcPr', text: `<${p}calcPr fullCalcOnLoad="1"/>` });
  }
  for (const x of pending) {
    const rank = WB_ORDER.indexOf(x.local);
    const before = wbKids.find((k) => WB_ORDER.indexOf(localName(k.name)) > rank);
    sp.insert(before ? before.start : wbRoot.closeStart, x.text);
  }
  pkg.setText(wbPart, sp.toString());

  // A calculation chain that names a cell without a formula makes Excel repair the file; Excel
  // rebuilds the chain when it is missing.
  const chain = rels.find((r) => r.type.endsWith('/calcChain'));
  if (chain?.part && (formulasRemoved || deleted.length > 0)) {
    pkg.removeRel(wbPart, chain.id);
    pkg.removeOverride(chain.part);
    pkg.remove(chain.part);
  }
  return { bytes: pkg.toBytes(), applied, skipped };
}

/** The references of a defined name's value, split at top-level commas. */
function splitRefs(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of value) {
    if (ch === "'") q = !q;
    if (ch === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function checkExpectations(pkg: Package, plan: WritePlan, opts: PatchOptions): void {
  const withExpect = plan.ops.filter(
    (o): o is Extract<WriteOp, { op: 'formula' | 'value' }> =>
      (o.op === 'formula' || o.op === 'value') && o.expected !== undefined,
  );
  if (withExpect.length === 0) return;
  const grid = opts.grid ?? readPackage(pkg, 'workbook.xlsx').grid;
  const stale: StaleCell[] = [];
  for (const op of withExpect) {
    const sheet = grid.sheets.find((s) => s.name.toLowerCase() === op.sheet.toLowerCase());
    const at = parseRange(op.cell);
    if (!at) continue;
    const value = sheet ? cellAt(sheet, at.top, at.left) : null;
    const formula = sheet ? formulaAt(sheet, at.top, at.left) : null;
    if (!matchesExpected(op.expected!, value, formula))
      stale.push({ sheet: op.sheet, cell: op.cell, expected: op.expected!, found: formula ?? value });
  }
  if (stale.length > 0) throw new PlanStaleError(stale, opts.lang ?? 'zh');
}

function unhandled(op: never): never {
  throw new PatchError(`write op not handled: ${JSON.stringify(op)}`);
}
