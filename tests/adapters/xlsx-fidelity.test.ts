/**
 * `fill` writes by patching: after it, every part the plan does not own is byte for byte the input's,
 * every element of an edited part that the plan does not own is still there as it was, cells outside
 * the owned ones keep value, formula and style, LibreOffice computes the owned cells to the core's
 * figures and the others to what it computed before, and filling the output again changes no byte.
 * On a rich workbook built part by part (sheet-scoped names with the same name on two sheets,
 * workbook protection, iterative calculation, x14 list validations, internal hyperlinks, manual page
 * breaks, ignored errors, custom properties, a hidden name, a chart, a literal "_x0041_"), its .xlsm
 * twin with a VBA project, LibreOffice's re-save of it, and the real rubrics in ../shared/real-rubrics.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { patchXlsx } from '../../src/adapters/xlsx/patch';
import { Package } from '../../src/adapters/xlsx/patch/package';
import { children, localName, root } from '../../src/adapters/xlsx/patch/xml';
import { openXlsx, readXlsxStream } from '../../src/adapters/xlsx/reader';
import { type FillPlan, planForGrid } from '../../src/cli/commands/fill';
import { a1, parseRange } from '../../src/core/a1';
import { cellAt, formulaAt, type SheetGrid } from '../../src/core/grid';
import { META_SHEET } from '../../src/core/meta';
import { analyzeWorkbook } from '../../src/core/analyze';
import { planWrite } from '../../src/core/writeback';
import { createOfficeHost } from '../../src/host/office';
import { loadWorkbook } from '../../src/playground/load';
import { saveXlsxBytes } from '../../src/playground/xlsx';
import { recalcWithLibreOffice, resaveWithLibreOffice, sofficeMissing } from '../helpers/libreoffice';
import { rubricSheet } from '../writeback/fixtures';
import { buildPackage, MAIN } from './parts';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-fidelity-'));
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** sheetData for a grid, text as shared strings (index into `sst`), the first row bold (s="1"). */
function sheetData(g: SheetGrid, sst: string[]): string {
  const rows: string[] = [];
  g.values.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((v, c) => {
      if (v === null) return;
      const s = r === 0 ? ' s="1"' : '';
      if (typeof v === 'number') cells.push(`<c r="${a1(r, c)}"${s}><v>${v}</v></c>`);
      else if (typeof v === 'string') {
        sst.push(`<t xml:space="preserve">${esc(v).replace(/_x/g, '_x005F_x')}</t>`);
        cells.push(`<c r="${a1(r, c)}"${s} t="s"><v>${sst.length - 1}</v></c>`);
      }
    });
    if (cells.length > 0) rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  return `<sheetData>${rows.join('')}</sheetData>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="14"/><name val="黑体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'考核表'!$D$3:$D$8</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const CUSTOM = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="考核单位"><vt:lpwstr>彩屯街道</vt:lpwstr></property></Properties>`;

/** The rich workbook: a rubric sheet with every feature the writer must keep, and a notes sheet. */
function richWorkbook(macro: boolean): Uint8Array {
  const layout = rubricSheet({ name: '考核表', deductions: [0.5, null, 1, 2.5, null, 0.1, 3] });
  const sst: string[] = [];
  const rubricXml = [
    '<dimension ref="A1:I20"/>',
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
    '<sheetFormatPr defaultRowHeight="14.25"/>',
    '<cols><col min="5" max="5" width="40.5" customWidth="1"/></cols>',
    sheetData(layout.sheet, sst),
    `<mergeCells count="${layout.sheet.merges.length}">${layout.sheet.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`).join('')}</mergeCells>`,
    `<hyperlinks><hyperlink ref="A1" location="'说明'!A1" display="说明"/></hyperlinks>`,
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    '<rowBreaks count="1" manualBreakCount="1"><brk id="6" max="16383" man="1"/></rowBreaks>',
    '<ignoredErrors><ignoredError sqref="D3:D8" numberStoredAsText="1"/></ignoredErrors>',
    '<drawing r:id="rId1"/>',
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>'说明'!$A$2:$A$4</xm:f></x14:formula1><xm:sqref>F3:F5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`,
  ].join('');
  const text = (v: string) => {
    sst.push(`<t>${esc(v).replace(/_x/g, '_x005F_x')}</t>`);
    return sst.length - 1;
  };
  const notesXml = `<sheetData><row r="1"><c r="A1" t="s"><v>${text('说明')}</v></c><c r="B1"><f>Rate*2</f><v>20</v></c><c r="C1"><v>10</v></c></row><row r="2"><c r="A2" t="s"><v>${text('查阅档案')}</v></c></row><row r="3"><c r="A3" t="s"><v>${text('实地查看')}</v></c></row><row r="4"><c r="A4" t="s"><v>${text('座谈')}</v></c></row><row r="5"><c r="A5" t="s"><v>${text('_x0041_')}</v></c></row></sheetData>`;
  const extra: Record<string, { data: string | Uint8Array; type?: string }> = {
    'xl/drawings/drawing1.xml': {
      data: DRAWING,
      type: 'application/vnd.openxmlformats-officedocument.drawing+xml',
    },
    'xl/drawings/_rels/drawing1.xml.rels': {
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    },
    'xl/charts/chart1.xml': {
      data: CHART,
      type: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
    },
    'docProps/custom.xml': {
      data: CUSTOM,
      type: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
    },
  };
  if (macro)
    extra['xl/vbaProject.bin'] = {
      data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]),
    };
  return buildPackage({
    sheets: [
      {
        name: '考核表',
        xml: rubricXml,
        rels: `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>`,
      },
      { name: '说明', xml: notesXml },
    ],
    strings: sst,
    styles: STYLES,
    extra,
    workbookHead:
      '<workbookPr defaultThemeVersion="124226"/><workbookProtection lockStructure="1"/><bookViews><workbookView activeTab="0"/></bookViews>',
    workbookTail: `<definedNames><definedName name="Rate" localSheetId="0">'考核表'!$D$3</definedName><definedName name="Rate" localSheetId="1">'说明'!$C$1</definedName><definedName name="Secret" hidden="1">'说明'!$A$1</definedName></definedNames><calcPr calcId="191029" iterate="1" iterateCount="50" iterateDelta="0.001"/>`,
    rootRels: `<Relationship Id="rId9" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>`,
    ...(macro
      ? {
          workbookRels: `<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`,
          defaults: '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
          mainType: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
        }
      : {}),
  });
}

interface Filled {
  out: Uint8Array;
  plan: FillPlan;
}

/** `fill --overwrite` on bytes, as the CLI does it: one read of the package, the plan, the patch. */
function fill(bytes: Uint8Array, name: string): Filled {
  const { pkg, book } = openXlsx(bytes, name);
  const plan = planForGrid(book.grid, false, 'zh', true);
  return { out: patchXlsx(pkg, plan, { grid: book.grid }).bytes, plan };
}

/** Sheet name → worksheet part. */
function sheetParts(bytes: Uint8Array): Map<string, string> {
  const pkg = Package.open(bytes);
  const wb = pkg.mainPart()!;
  const byId = new Map(pkg.rels(wb).map((r) => [r.id, r.part]));
  const out = new Map<string, string>();
  for (const m of pkg.text(wb).matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"/g))
    out.set(m[1]!.replace(/&amp;/g, '&'), byId.get(m[2]!) ?? '');
  return out;
}

/** The parts the plan may edit: the sheets it writes (with their notes), the workbook's own parts. */
function ownedParts(before: Uint8Array, plan: FillPlan): Set<string> {
  const pkg = Package.open(before);
  const wb = pkg.mainPart()!;
  const owned = new Set([wb, '[Content_Types].xml', wb.replace(/([^/]+)$/, '_rels/$1.rels')]);
  for (const r of pkg.rels(wb))
    if (r.part && (r.type.endsWith('/styles') || r.type.endsWith('/calcChain'))) owned.add(r.part);
  const parts = sheetParts(before);
  for (const sheet of new Set(plan.ops.map((o) => o.sheet))) {
    const part = parts.get(sheet);
    if (!part) continue;
    owned.add(part);
    owned.add(part.replace(/([^/]+)$/, '_rels/$1.rels'));
    for (const r of pkg.rels(part))
      if (r.part && (r.type.endsWith('/comments') || r.type.endsWith('/vmlDrawing'))) owned.add(r.part);
  }
  return owned;
}

/** Cells the plan writes content into, or covers with a merge, per sheet ("A1"). */
function writtenCells(plan: FillPlan): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (sheet: string, cell: string) => {
    const s = out.get(sheet) ?? new Set<string>();
    s.add(cell);
    out.set(sheet, s);
  };
  for (const op of plan.ops) {
    if (op.op === 'formula' || op.op === 'value') add(op.sheet, op.cell);
    const range = 'range' in op ? op.range : null;
    if (range && op.op !== 'validation' && op.op !== 'clearValidation') {
      const r = parseRange(range)!;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) add(op.sheet, a1(row, col));
    }
  }
  return out;
}

const CELL = /<((?:\w+:)?c)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>([\s\S]*?)<\/\1>)/g;

/** Each cell element's exact text, by address. */
function cellElements(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(CELL)) {
    const r = /\br="([^"]+)"/.exec(m[2] ?? '')?.[1];
    if (r) out.set(r, m[0]);
  }
  return out;
}

/** What must hold between a workbook and its filled copy, whatever produced the workbook. */
function expectKept(before: Uint8Array, after: Uint8Array, plan: FillPlan): void {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const owned = ownedParts(before, plan);
  // 1. every part the plan does not own: the same bytes.
  for (const name of Object.keys(a)) {
    if (owned.has(name)) continue;
    expect(b[name], name).toBeDefined();
    expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!)), name).toBe(true);
  }
  // 2. in the edited workbook part, every child element but the names and calcPr as it was; every
  // name the input had is still there, and calcPr keeps its attributes.
  const wb = Package.open(before).mainPart()!;
  const wbBefore = strFromU8(a[wb]!);
  const wbAfter = strFromU8(b[wb]!);
  for (const k of children(wbBefore, root(wbBefore))) {
    const text = wbBefore.slice(k.start, k.end);
    const local = localName(k.name);
    if (local === 'definedNames') {
      for (const n of children(wbBefore, k)) {
        const t = wbBefore.slice(n.start, n.end);
        if (!/_xlnm\.Print_(Area|Titles)/.test(t)) expect(wbAfter, 'definedName').toContain(t);
      }
    } else if (local === 'calcPr') {
      for (const m of k.attrs.matchAll(/(\w+)="[^"]*"/g))
        if (m[1] !== 'fullCalcOnLoad') expect(wbAfter).toContain(m[0]);
    } else if (local !== 'sheets') expect(wbAfter, local).toContain(text);
  }
  // 3. in each written sheet: the cells the plan does not write are their exact elements, and
  // every top-level element the plan does not own is as it was.
  const written = writtenCells(plan);
  const partsA = sheetParts(before);
  const gridA = readXlsxStream(before, 'a.xlsx').grid;
  const gridB = readXlsxStream(after, 'b.xlsx').grid;
  const MANAGED = new Set([
    'sheetData',
    'dimension',
    'cols',
    'mergeCells',
    'dataValidations',
    'pageSetup',
    'sheetPr',
    'legacyDrawing',
    'extLst',
  ]);
  for (const [sheet, part] of partsA) {
    const xa = strFromU8(a[part]!);
    const xb = strFromU8(b[part]!);
    const mine = written.get(sheet) ?? new Set<string>();
    const cb = cellElements(xb);
    for (const [ref, el] of cellElements(xa))
      if (!mine.has(ref)) expect(cb.get(ref), `${sheet}!${ref}`).toBe(el);
    for (const k of children(xa, root(xa))) {
      const local = localName(k.name);
      if (!MANAGED.has(local)) expect(xb, `${sheet} <${local}>`).toContain(xa.slice(k.start, k.end));
    }
    // The extension list: whatever does not name an owned cell is kept as it was.
    const ext = /<(?:\w+:)?extLst>[\s\S]*<\/(?:\w+:)?extLst>/.exec(xa)?.[0];
    if (ext && mine.size === 0) expect(xb).toContain(ext);
    // 4. values and formulas of cells outside the owned ones.
    const sa = gridA.sheets.find((s) => s.name === sheet)!;
    const sb = gridB.sheets.find((s) => s.name === sheet)!;
    for (let r = 0; r < sa.values.length; r++)
      for (let c = 0; c < (sa.values[r]?.length ?? 0); c++) {
        if (mine.has(a1(r, c))) continue;
        expect(cellAt(sb, r, c), `${sheet}!${a1(r, c)}`).toEqual(cellAt(sa, r, c));
        expect(formulaAt(sb, r, c), `${sheet}!${a1(r, c)}`).toEqual(formulaAt(sa, r, c));
      }
  }
  // 5. the styles part only grows: every cell format keeps its index and text.
  const stylesPart = Object.keys(a).find((n) => /styles\.xml$/.test(n));
  if (stylesPart) {
    const xfs = (x: string) => /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(x)?.[1] ?? '';
    const before = xfs(strFromU8(a[stylesPart]!));
    expect(xfs(strFromU8(b[stylesPart]!)).startsWith(before)).toBe(true);
  }
}

/** Owned formula cells: LibreOffice's figure = the core's (to 0.01); other cells as LibreOffice computed them before. */
function expectRecalc(
  csvBefore: Record<string, string[][]>,
  csvAfter: Record<string, string[][]>,
  plan: FillPlan,
): void {
  let checked = 0;
  for (const op of plan.ops) {
    if (op.op !== 'formula' || op.sheet === META_SHEET) continue;
    const at = parseRange(op.cell)!;
    const got = csvAfter[op.sheet]?.[at.top]?.[at.left] ?? '';
    if (typeof op.result === 'number') {
      expect(Number(got), `${op.sheet}!${op.cell} ${op.formula}`).toBeCloseTo(op.result, 2);
      checked++;
    } else if (typeof op.result === 'string') expect(got, `${op.sheet}!${op.cell}`).toBe(op.result);
  }
  expect(checked).toBeGreaterThan(0);
  const written = writtenCells(plan);
  for (const [sheet, rows] of Object.entries(csvBefore)) {
    const mine = written.get(sheet) ?? new Set<string>();
    rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (!mine.has(a1(r, c))) expect(csvAfter[sheet]?.[r]?.[c] ?? '', `${sheet}!${a1(r, c)}`).toBe(v);
      });
    });
  }
}

const REAL = existsSync('../shared/real-rubrics')
  ? readdirSync('../shared/real-rubrics')
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => join('../shared/real-rubrics', f))
  : [];

interface Case {
  label: string;
  file: string;
  before: Uint8Array;
  filled: Filled;
  outFile: string;
}

const cases: Case[] = [];

function addCase(label: string, file: string, before: Uint8Array): Case | null {
  const filled = fill(before, basename(file));
  if (filled.plan.rubricSheets === 0 || filled.plan.ops.length === 0) return null;
  const outFile = join(dir, `${cases.length}-filled.xlsx`);
  writeFileSync(outFile, filled.out);
  const c = { label, file, before, filled, outFile };
  cases.push(c);
  return c;
}

const lo = sofficeMissing();

beforeAll(() => {
  const rich = richWorkbook(false);
  const richFile = join(dir, 'rich.xlsx');
  writeFileSync(richFile, rich);
  addCase('rich workbook built by code', richFile, rich);
  const xlsm = richWorkbook(true);
  const xlsmFile = join(dir, 'rich.xlsm');
  writeFileSync(xlsmFile, xlsm);
  addCase('rich .xlsm with a VBA project', xlsmFile, xlsm);
  if (!lo) {
    const loDir = mkdtempSync(join(tmpdir(), 'xlsx-lo-'));
    const [saved] = resaveWithLibreOffice([richFile], loDir);
    addCase('the rich workbook saved again by LibreOffice', saved!, new Uint8Array(readFileSync(saved!)));
  }
  for (const f of REAL) addCase(basename(f), f, new Uint8Array(readFileSync(f)));
}, 300_000);

describe('fill keeps everything it does not own', () => {
  it('the corpus: the rich workbook, its .xlsm, LibreOffice’s re-save (when soffice is here), real rubrics', () => {
    expect(cases.map((c) => c.label)).toContain('rich workbook built by code');
    expect(cases.map((c) => c.label)).toContain('rich .xlsm with a VBA project');
    if (!lo) expect(cases.map((c) => c.label)).toContain('the rich workbook saved again by LibreOffice');
    expect(cases.length).toBeGreaterThanOrEqual(3 + (lo ? 0 : 1));
  });

  it('parts, elements, cells, formulas and styles outside what the plan owns, on every workbook', () => {
    for (const c of cases) expectKept(c.before, c.filled.out, c.filled.plan);
  });

  it('the rich workbook: scoped names, protection, iteration, x14 lists, links, breaks, ignored errors, chart, custom properties, "_x0041_"', () => {
    const c = cases.find((x) => x.label === 'rich workbook built by code')!;
    const b = unzipSync(c.filled.out);
    const wb = strFromU8(b['xl/workbook.xml']!);
    expect(wb).toContain(`<definedName name="Rate" localSheetId="0">'考核表'!$D$3</definedName>`);
    expect(wb).toContain(`<definedName name="Rate" localSheetId="1">'说明'!$C$1</definedName>`);
    expect(wb).toContain(`<definedName name="Secret" hidden="1">'说明'!$A$1</definedName>`);
    expect(wb).toContain('<workbookProtection lockStructure="1"/>');
    expect(wb).toMatch(/<calcPr calcId="191029" iterate="1" iterateCount="50" iterateDelta="0.001"[^>]*\/>/);
    const sheet = strFromU8(b['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain(`<hyperlink ref="A1" location="'说明'!A1" display="说明"/>`);
    expect(sheet).toContain('<brk id="6" max="16383" man="1"/>');
    expect(sheet).toContain('<ignoredError sqref="D3:D8" numberStoredAsText="1"/>');
    expect(sheet).toContain('<xm:sqref>F3:F5</xm:sqref>');
    expect(sheet).toContain('<drawing r:id="rId1"/>');
    for (const p of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'docProps/custom.xml'])
      expect(b[p], p).toBeDefined();
    const grid = readXlsxStream(c.filled.out, 'x.xlsx').grid;
    expect(grid.sheets.find((s) => s.name === '说明')!.values[4]).toEqual(['_x0041_']);
    // The plan did write: score formulas in the rubric sheet.
    expect(c.filled.plan.ops.some((o) => o.op === 'formula' && o.sheet === '考核表')).toBe(true);
  });

  it('an .xlsm stays an .xlsm: the VBA project and its content types as they were', () => {
    const c = cases.find((x) => x.label === 'rich .xlsm with a VBA project')!;
    const a = unzipSync(c.before);
    const b = unzipSync(c.filled.out);
    expect(Buffer.from(b['xl/vbaProject.bin']!).equals(Buffer.from(a['xl/vbaProject.bin']!))).toBe(true);
    const types = strFromU8(b['[Content_Types].xml']!);
    expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(types).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(strFromU8(b['xl/_rels/workbook.xml.rels']!)).toContain('vbaProject.bin');
  });

  it('filling the output again changes no byte', () => {
    for (const c of cases) {
      const again = fill(c.filled.out, 'again.xlsx');
      expect(Buffer.from(again.out).equals(Buffer.from(c.filled.out)), c.label).toBe(true);
    }
  });
});

describe.skipIf(lo !== null)('LibreOffice recomputes the filled workbooks', () => {
  it('owned cells to the core’s figures, every other cell to what it computed before (one soffice run)', () => {
    const names: Record<string, string[]> = {};
    const inputs: string[] = [];
    for (const c of cases) {
      const sheets = readXlsxStream(c.before, 'x.xlsx').grid.sheets.map((s) => s.name);
      const beforeFile = join(dir, `${cases.indexOf(c)}-before.xlsx`);
      writeFileSync(beforeFile, c.before);
      names[beforeFile] = sheets;
      names[c.outFile] = sheets;
      inputs.push(beforeFile, c.outFile);
    }
    const csv = recalcWithLibreOffice(inputs, names);
    for (const c of cases) {
      const beforeFile = join(dir, `${cases.indexOf(c)}-before.xlsx`);
      expectRecalc(csv[beforeFile]!, csv[c.outFile]!, c.filled.plan);
    }
  }, 600_000);
});

describe('the playground’s download is the opened file patched', () => {
  it('a typed cell is written; every part but the sheet, workbook and their bookkeeping is the same bytes', async () => {
    const rich = richWorkbook(false);
    const opened = await loadWorkbook(rich.slice().buffer, 'rich.xlsx');
    opened.live.type('说明', 1, 1, '已核');
    const out = new Uint8Array(await saveXlsxBytes(opened.live.book, opened.source));
    const a = unzipSync(rich);
    const b = unzipSync(out);
    for (const name of Object.keys(a)) {
      if (['xl/worksheets/sheet2.xml', 'xl/workbook.xml'].includes(name)) continue;
      expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!)), name).toBe(true);
    }
    const grid = readXlsxStream(out, 'o.xlsx').grid;
    expect(grid.sheets[1]!.values[1]).toEqual(['查阅档案', '已核']);
    expect(strFromU8(b['xl/workbook.xml']!)).toContain('<workbookProtection lockStructure="1"/>');
  });

  it('the pane’s whole write on the sample, through the Office adapter and the fake: downloaded as the sample patched', async () => {
    const file = 'samples/communities.xlsx';
    const original = new Uint8Array(readFileSync(file));
    const opened = await loadWorkbook(original.slice().buffer, 'communities.xlsx');
    const host = createOfficeHost({
      excel: opened.live.excelApi,
      isSetSupported: opened.live.isSetSupported,
      displayLanguage: () => 'zh-CN',
    });
    const { workbook } = await host.readWorkbook();
    const report = analyzeWorkbook(workbook);
    const first = planWrite(workbook, report, { entryColumns: false, meta: report.meta, lang: 'zh' });
    const plan = planWrite(workbook, report, {
      entryColumns: false,
      meta: report.meta,
      lang: 'zh',
      overwrite: first.conflicts.map((c) => `${c.sheet}!${c.cell}`),
    });
    await host.applyPlan(plan);
    const out = new Uint8Array(await saveXlsxBytes(opened.live.book, opened.source));
    // The download reads as the workbook the pane wrote (values, formulas, scores), with the plan's
    // validations.
    const shown = opened.live.book.toGrid();
    const downloaded = readXlsxStream(out, 'out.xlsx').grid;
    for (const s of shown.sheets) {
      const d = downloaded.sheets.find((x) => x.name === s.name)!;
      expect(d, s.name).toBeDefined();
      for (let r = 0; r < s.values.length; r++)
        for (let c = 0; c < (s.values[r]?.length ?? 0); c++) {
          expect(formulaAt(d, r, c), `${s.name}!${a1(r, c)}`).toBe(formulaAt(s, r, c));
          const v = cellAt(s, r, c);
          if (typeof v === 'number')
            expect(cellAt(d, r, c) as number, `${s.name}!${a1(r, c)}`).toBeCloseTo(v, 9);
          else expect(cellAt(d, r, c), `${s.name}!${a1(r, c)}`).toEqual(v);
        }
    }
    const back = analyzeWorkbook(downloaded);
    const report2 = analyzeWorkbook(shown);
    const scored = report2.sheets.filter((s) => s.analysis);
    expect(scored.length).toBeGreaterThan(0);
    for (const s of scored) {
      const again = back.sheets.find((x) => x.sheet === s.sheet)!;
      expect(again.analysis!.score.total, s.sheet).toBe(s.analysis!.score.total);
      expect(again.analysis!.entries[0]?.score?.formula ?? '', s.sheet).toMatch(/^=/);
    }
    const a = unzipSync(original);
    const b = unzipSync(out);
    expect(Object.values(b).some((x) => strFromU8(x).includes('<dataValidation '))).toBe(true);
    // The sample's other parts are the sample's bytes (theme, document properties …).
    const written = new Set([
      'xl/workbook.xml',
      'xl/styles.xml',
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
    ]);
    const parts = sheetParts(original);
    for (const sheet of new Set(plan.ops.map((o) => o.sheet))) {
      const part = parts.get(sheet);
      if (part) written.add(part).add(part.replace(/([^/]+)$/, '_rels/$1.rels'));
    }
    for (const name of Object.keys(a)) {
      if (written.has(name) || name.includes('comments') || name.endsWith('.vml')) continue;
      expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!)), name).toBe(true);
    }
  });
});
