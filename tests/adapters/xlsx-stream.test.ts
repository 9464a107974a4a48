/**
 * The streaming reader (src/adapters/xlsx/reader) against the ExcelJS reader: the same grid on every
 * workbook the project has (samples, the seed, the real rubrics read in place), and the values each
 * producer's way of writing a cell stands for (inline strings, shared formulas, rich text, `_xHHHH_`
 * escapes, dates, no dimension, cells out of order, rows without addresses, strict OOXML, prefixes).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadXlsx } from '../../src/adapters/xlsx/grid';
import { readXlsxStream } from '../../src/adapters/xlsx/reader';
import type { SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { buildPackage, MAIN, REL, STRICT_MAIN, STRICT_REL, stylesWith } from './parts';

function xlsxIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const out: string[] = [];
  for (const e of readdirSync(folder, { withFileTypes: true })) {
    const p = join(folder, e.name);
    if (e.isDirectory()) out.push(...xlsxIn(p));
    else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith('~$')) out.push(p);
  }
  return out.sort();
}

const CORPUS = [...xlsxIn('samples'), ...xlsxIn('../shared/seed'), ...xlsxIn('../shared/real-rubrics')];

/** The formula cells whose cached result is 0 (ExcelJS reads such a result as none). */
function zeroResults(grid: WorkbookGrid): Set<string> {
  const out = new Set<string>();
  for (const s of grid.sheets)
    for (const [r, row] of (s.formulas ?? []).entries())
      for (const [c, f] of row.entries())
        if (f !== null && s.values[r]?.[c] === 0) out.add(`${s.name}!${r},${c}`);
  return out;
}

/** The ExcelJS grid with the cached 0 results it drops put back, so the two can be compared whole. */
function withZeros(g: WorkbookGrid, zeros: Set<string>): WorkbookGrid {
  return {
    sheets: g.sheets.map((s): SheetGrid => {
      const values = s.values.map((row, r) =>
        row.map((v, c) => (v === null && zeros.has(`${s.name}!${r},${c}`) ? 0 : v)),
      );
      return { ...s, values };
    }),
  };
}

/**
 * The grid without what only the streaming reader reports (the user's validations, hidden columns and
 * print area: tests/adapters/xlsx-layout.test.ts).
 */
function withoutLayout(g: WorkbookGrid): WorkbookGrid {
  return { sheets: g.sheets.map(({ validations, hiddenCols, printArea, ...rest }) => rest) };
}

describe('the streaming reader reads the corpus as the ExcelJS reader does', () => {
  it('the corpus is there (samples and real rubrics)', () => {
    expect(CORPUS.filter((f) => f.startsWith('samples')).length).toBeGreaterThanOrEqual(8);
    expect(CORPUS.filter((f) => f.includes('real-rubrics')).length).toBe(12);
  });

  for (const file of CORPUS) {
    it(`${file}: same sheets, states, values, formulas, merges, protection`, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const old = await loadXlsx(bytes, file);
      const now = readXlsxStream(bytes, file);
      expect(now.states).toEqual(old.states);
      const zeros = zeroResults(now.grid);
      // Where they differ, it is only a formula's cached 0, which ExcelJS reads as no result.
      for (const key of zeros) {
        const [sheet, at] = key.split('!') as [string, string];
        const [r, c] = at.split(',').map(Number) as [number, number];
        const s = old.grid.sheets.find((x) => x.name === sheet)!;
        expect([0, null]).toContain(s.values[r]?.[c] ?? null);
      }
      expect(withoutLayout(now.grid)).toEqual(withZeros(old.grid, zeros));
    });
  }

  it('a formula whose cached result is 0 reads 0 (ExcelJS drops it)', () => {
    const file = '../shared/real-rubrics/gas-negative-list-nnzr.xlsx';
    if (!existsSync(file)) return;
    const s = readXlsxStream(new Uint8Array(readFileSync(file)), file).grid.sheets[0]!;
    expect(s.formulas?.[1]?.[0]).toBe('=ROW()-2');
    expect(s.values[1]?.[0]).toBe(0);
  });
});

const SHEET = `<sheetData>
<row r="3"><c r="C3"><v>3</v></c><c r="A3" t="inlineStr"><is><t>行三</t></is></c><c r="B3" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t xml:space="preserve"> b</t></r></is></c></row>
<row r="1"><c r="B1" t="s"><v>0</v></c><c r="A1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2"><f>A3&amp;"x"</f><v>4</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">C3*2</f><v>6</v></c><c r="C2" t="str"><f>"t"&amp;1</f><v>t1</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>
<row r="4"><c r="B4"><f t="shared" si="0"/><v>7</v></c><c r="A4" s="1"><v>42004</v></c><c r="C4" s="2"><v>42004</v></c><c r="D4" s="3"><v>42004.5</v></c><c r="E4" s="4"><v>1.5</v></c><c r="F4" s="5"><v>0.25</v></c></row>
<row r="6"><c r="A6"><v>1</v></c><c r="E6" t="s"><v>4</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="E6:F7"/></mergeCells>`;

const STRINGS = [
  '<r><rPr><b/></rPr><t>领导</t></r><r><t>重视</t></r><rPh sb="0" eb="1"><t>リョウ</t></rPh>',
  '<t>_x005F_x0041_</t>',
  '<t>A_x0042_C</t>',
  '<t xml:space="preserve"> sp </t>',
  '<t>合并</t>',
];

const STYLES = stylesWith([0, 14, 164, 22, 165, 166], {
  164: 'yyyy"年"m"月"d"日"',
  165: '0.00_);[Red]\\(0.00\\)',
  166: '[$-409]h:mm AM/PM',
});

/** What every fixture below stands for, whichever way it is written. */
function expectProducerValues(s: SheetGrid): void {
  expect(s.values[0]).toEqual(['_x0041_', '领导重视', 'ABC', ' sp ']);
  expect(s.values[1]).toEqual([4, 6, 't1', true, '#DIV/0!']);
  expect(s.values[2]).toEqual(['行三', 'a b', 3]);
  expect(s.values[3]).toEqual([
    '2014-12-31',
    7,
    '2014-12-31',
    '2014-12-31T12:00:00Z',
    1.5,
    '1899-12-30T06:00:00Z',
  ]);
  expect(s.values[5]).toEqual([1, null, null, null, '合并']);
  expect(s.formulas?.[1]).toEqual(['=A3&"x"', '=C3*2', '="t"&1']);
  expect(s.formulas?.[3]?.[1]).toBe('=C5*2');
  expect(s.merges).toEqual([{ top: 5, left: 4, bottom: 6, right: 5 }]);
}

describe('producer fixtures read the same values', () => {
  it('transitional, no dimension, rows and cells out of order: streaming = ExcelJS = what the cells say', async () => {
    const bytes = buildPackage({ sheets: [{ name: '产', xml: SHEET }], strings: STRINGS, styles: STYLES });
    const now = readXlsxStream(bytes, 'p.xlsx').grid.sheets[0]!;
    expectProducerValues(now);
    const old = (await loadXlsx(bytes, 'p.xlsx')).grid.sheets[0]!;
    expect(now).toEqual(old);
  });

  it('a literal "_x0041_" in an inline string stays literal; escapes of characters are decoded', () => {
    const xml = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>_x005F_x0041_ A_x0042_ tab_x0009_</t></is></c></row></sheetData>`;
    const s = readXlsxStream(buildPackage({ sheets: [{ name: 'S', xml }] }), 'x.xlsx').grid.sheets[0]!;
    expect(s.values[0]).toEqual(['_x0041_ AB tab\t']);
  });

  it('strict OOXML (purl.oclc.org namespaces), and the same with prefixed elements', () => {
    const strict = buildPackage({
      sheets: [{ name: '产', xml: SHEET }],
      strings: STRINGS,
      styles: STYLES,
      strict: true,
    });
    expectProducerValues(readXlsxStream(strict, 's.xlsx').grid.sheets[0]!);
    const prefixed = SHEET.replace(
      /<(\/?)(row|c|v|f|is|t|r|rPr|b|sheetData|mergeCells|mergeCell)\b/g,
      '<$1x:$2',
    );
    const xml = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}">${prefixed}</x:worksheet>`;
    const p = buildPackage({ sheets: [{ name: '产', xml }], strings: STRINGS, styles: STYLES });
    expectProducerValues(readXlsxStream(p, 'p.xlsx').grid.sheets[0]!);
    expect(STRICT_MAIN).not.toBe(MAIN);
    expect(STRICT_REL).not.toBe(REL);
  });

  it('rows and cells without addresses follow the one before (ExcelJS cannot read these at all)', () => {
    const xml = `<sheetData><row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c t="inlineStr"><is><t>x</t></is></c></row></sheetData>`;
    const s = readXlsxStream(buildPackage({ sheets: [{ name: 'S', xml }] }), 'x.xlsx').grid.sheets[0]!;
    expect(s.values).toEqual([[], [null, 1, 2], [3, 'x']]);
  });

  it('a formula whose cached result is empty text reads "" (an empty <v/>), with no result null', () => {
    const xml = `<sheetData><row r="1"><c r="A1" t="str"><f>""</f><v></v></c><c r="B1" t="str"><f>""</f></c><c r="C1" t="str"><f>"x"</f><v/></c></row></sheetData>`;
    const s = readXlsxStream(buildPackage({ sheets: [{ name: 'S', xml }] }), 'x.xlsx').grid.sheets[0]!;
    expect(s.values[0]).toEqual(['', null, '']);
    expect(s.formulas?.[0]).toEqual(['=""', '=""', '="x"']);
  });

  it('a shared formula whose member comes before its first cell in the file', () => {
    const xml = `<sheetData><row r="3"><c r="A3"><f t="shared" si="4"/><v>2</v></c></row><row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="4">B1+1</f><v>1</v></c></row></sheetData>`;
    const s = readXlsxStream(buildPackage({ sheets: [{ name: 'S', xml }] }), 'x.xlsx').grid.sheets[0]!;
    expect(s.formulas?.[0]?.[0]).toBe('=B1+1');
    expect(s.formulas?.[2]?.[0]).toBe('=B3+1');
  });

  it('t="d" cells (ISO dates), the 1904 date system, hidden and very hidden sheets, protection', () => {
    const xml = `<sheetData><row r="1"><c r="A1" t="d"><v>2014-12-31T00:00:00</v></c><c r="B1" s="1"><v>0</v></c></row></sheetData><sheetProtection sheet="1" objects="1"/>`;
    const bytes = buildPackage({
      sheets: [
        { name: 'D', xml },
        { name: 'H', xml: '<sheetData/>', state: 'hidden' },
        { name: 'V', xml: '<sheetData/>', state: 'veryHidden' },
      ],
      styles: stylesWith([0, 14]),
      workbookHead: '<workbookPr date1904="1"/>',
    });
    const { grid, states } = readXlsxStream(bytes, 'd.xlsx');
    expect(grid.sheets[0]!.values[0]).toEqual(['2014-12-31', '1904-01-01']);
    expect(grid.sheets[0]!.protected).toBe(true);
    expect(states).toEqual({ D: 'visible', H: 'hidden', V: 'veryHidden' });
    expect(grid.sheets[1]!.hidden).toBe(true);
  });
});
