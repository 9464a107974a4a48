/**
 * The streaming reader reports the user's own layout the write planner must not override: the
 * rectangles carrying data validation (plain and x14 form), the hidden columns and the print area,
 * as the fake Excel reports them for the same workbook; and the same after LibreOffice saves it again.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HIDDEN_COL_MARGIN, parseDefinedAreas, parseSqref } from '../../src/adapters/xlsx/reader/layout';
import { readXlsxStream } from '../../src/adapters/xlsx/reader/index';
import type { MergeArea, SheetGrid } from '../../src/core/grid';
import { FakeWorkbook } from '../../src/fake-excel/workbook';
import { resaveWithLibreOffice, sofficeMissing } from '../helpers/libreoffice';
import { buildPackage } from './parts';

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';

/** The user's layout of one sheet, 0-based. */
interface Layout {
  validated: MergeArea[];
  hidden: number[];
  print: MergeArea[];
}

const ROWS = [
  ['社区工作考核评分表'],
  ['考核项目', '考核内容', '标准分值', '评分标准', '扣分', '得分', '扣分原因'],
  ['一、基础工作', '台账齐全', 60, '每缺一本扣1分', null, null, null],
  ['二、宣传', '宣传活动', 40, '每少一次扣2分', null, null, null],
];

const LAYOUT: Layout = {
  // E3:E4 (扣分) a list, C3 a decimal.
  validated: [
    { top: 2, left: 4, bottom: 3, right: 4 },
    { top: 2, left: 2, bottom: 2, right: 2 },
  ],
  // F (得分) and H:I hidden.
  hidden: [5, 7, 8],
  print: [{ top: 0, left: 0, bottom: 3, right: 6 }],
};

async function exceljsBook(layout: Layout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表说明']);
  const ws = wb.addWorksheet('考核表');
  for (const r of ROWS) ws.addRow(r);
  ws.getCell('E3').dataValidation = { type: 'list', allowBlank: true, formulae: ['"0,1,2"'] };
  ws.getCell('E4').dataValidation = { type: 'list', allowBlank: true, formulae: ['"0,1,2"'] };
  ws.getCell('C3').dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 100] };
  for (const c of layout.hidden) ws.getColumn(c + 1).hidden = true;
  ws.pageSetup.printArea = 'A1:G4';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same sheet in the fake Excel, with the same layout, as the Office adapter would read it. */
function fakeGrid(layout: Layout): SheetGrid {
  const wb = FakeWorkbook.fromGrid({ sheets: [{ name: '考核表', values: ROWS, merges: [] }] });
  const s = wb.sheet('考核表')!;
  for (const r of layout.validated)
    for (const key of FakeWorkbook.cellsOf(r))
      s.validations.set(key, {
        rule: { list: { source: '0,1,2', inCellDropDown: true } },
        prompt: null,
        errorAlert: null,
      });
  for (const c of layout.hidden) s.hiddenCols.add(c);
  s.print.area = ['A1:G4'];
  return wb.toGrid().sheets[0]!;
}

/** The cells the rectangles cover, as sorted "row,col" keys (rectangles may be split differently). */
function cells(rects: readonly MergeArea[] | undefined): string[] {
  const out = new Set<string>();
  for (const r of rects ?? [])
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) out.add(`${i},${j}`);
  return [...out].sort();
}

function expectSameLayout(read: SheetGrid, fake: SheetGrid): void {
  expect(cells(read.validations)).toEqual(cells(fake.validations));
  expect(cells(read.validations).length).toBeGreaterThan(0);
  expect(read.hiddenCols).toEqual(fake.hiddenCols);
  expect(read.printArea).toEqual(fake.printArea);
}

const sheetOf = (bytes: Uint8Array, name: string) =>
  readXlsxStream(bytes, 'x.xlsx').grid.sheets.find((s) => s.name === name)!;

describe('reference text', () => {
  it('sqref lists, print areas with quoted sheet names, whole columns and rows', () => {
    expect(parseSqref('C3:C10 e3  $G$1:$G$2 ??')).toEqual([
      { top: 2, left: 2, bottom: 9, right: 2 },
      { top: 2, left: 4, bottom: 2, right: 4 },
      { top: 0, left: 6, bottom: 1, right: 6 },
    ]);
    expect(parseDefinedAreas("'考核, 表''s'!$A$1:$G$20,'考核, 表''s'!$I$1:$J$5")).toEqual([
      { top: 0, left: 0, bottom: 19, right: 6 },
      { top: 0, left: 8, bottom: 4, right: 9 },
    ]);
    expect(parseDefinedAreas('Sheet1!$A:$G,Sheet1!$1:$3')).toEqual([
      { top: 0, left: 0, bottom: 1_048_575, right: 6 },
      { top: 0, left: 0, bottom: 2, right: 16_383 },
    ]);
    expect(parseDefinedAreas('#REF!')).toEqual([]);
  });
});

describe('the reader reports validations, hidden columns and the print area', () => {
  it('a workbook written by ExcelJS: as the fake Excel reports the same sheet', async () => {
    const bytes = await exceljsBook(LAYOUT);
    const read = sheetOf(bytes, '考核表');
    expectSameLayout(read, fakeGrid(LAYOUT));
    // The other sheet has none of it: nothing borrowed across sheets (the print area is per sheet).
    const other = sheetOf(bytes, '说明');
    expect(other.validations).toBeUndefined();
    expect(other.hiddenCols).toBeUndefined();
    expect(other.printArea).toBeUndefined();
  });

  it('the x14 form inside extLst (lists from another sheet), beside a plain one, not an x14 conditional format’s range; print area of two areas', () => {
    const sheet = `<sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>考核项目</t></is></c><c r="E1" t="inlineStr"><is><t>扣分</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>台账</t></is></c></row>
</sheetData>
<dataValidations count="1"><dataValidation type="whole" sqref="C2 D2:D3"><formula1>0</formula1><formula2>9</formula2></dataValidation></dataValidations>
<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}"/><xm:sqref>A1:A50</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>说明!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>E2:E20 G5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    const bytes = buildPackage({
      sheets: [
        { name: '说明', xml: '<sheetData/>' },
        { name: '考核 表', xml: sheet },
      ],
      workbookTail:
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">\'考核 表\'!$A$1:$E$20,\'考核 表\'!$G$1:$G$5</definedName><definedName name="区域">\'考核 表\'!$A$1</definedName></definedNames>',
    });
    const read = sheetOf(bytes, '考核 表');
    expect(read.validations).toEqual([
      { top: 1, left: 2, bottom: 1, right: 2 },
      { top: 1, left: 3, bottom: 2, right: 3 },
      { top: 1, left: 4, bottom: 19, right: 4 },
      { top: 4, left: 6, bottom: 4, right: 6 },
    ]);
    expect(read.printArea).toEqual([
      { top: 0, left: 0, bottom: 19, right: 4 },
      { top: 0, left: 6, bottom: 4, right: 6 },
    ]);
    expect(sheetOf(bytes, '说明').printArea).toBeUndefined();
  });

  it('hidden spans to the last column are listed only up to the used range and a margin', () => {
    const bytes = buildPackage({
      sheets: [
        {
          name: '考核表',
          xml: `<cols><col min="2" max="2" width="9" customWidth="1"/><col min="3" max="3" hidden="true" width="0"/><col min="8" max="16384" hidden="1"/></cols>
<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>考核项目</t></is></c><c r="E1"><v>1</v></c></row></sheetData>`,
        },
      ],
    });
    const read = sheetOf(bytes, '考核表');
    const last = 4 + HIDDEN_COL_MARGIN;
    const right = Array.from({ length: last - 7 + 1 }, (_, i) => 7 + i);
    expect(read.hiddenCols).toEqual([2, ...right]);
  });
});

const lo = sofficeMissing();

describe.skipIf(lo !== null)('after LibreOffice saves the workbook again', () => {
  it('the same rectangles, hidden columns and print area as the fake Excel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-layout-'));
    const f = join(dir, 'layout.xlsx');
    writeFileSync(f, await exceljsBook(LAYOUT));
    const [saved] = resaveWithLibreOffice([f], mkdtempSync(join(tmpdir(), 'xlsx-layout-lo-')));
    const read = sheetOf(new Uint8Array(readFileSync(saved!)), '考核表');
    expectSameLayout(read, fakeGrid(LAYOUT));
  }, 240_000);
});
