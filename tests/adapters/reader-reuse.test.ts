/**
 * The streaming reader reuses one XML parser from part to part (src/adapters/xlsx/reader/index.ts):
 * a part that fails to parse, cut off mid-tag, leaves nothing behind for the next workbook, and a
 * workbook reads the same before and after others.
 */
import { describe, expect, it } from 'vitest';
import { XlsxReadError } from '../../src/adapters/xlsx/errors';
import { readXlsxStream } from '../../src/adapters/xlsx/reader';
import { buildPackage } from './parts';

const good = buildPackage({
  sheets: [
    {
      name: '一村',
      xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>考核项目</t></is></c><c r="B1"><v>5</v></c></row></sheetData>',
    },
  ],
});
// The sheet's XML stops inside an attribute value, within an open element.
const cut = buildPackage({
  sheets: [{ name: '二村', xml: '<worksheet xmlns="x"><sheetData><row r="1"><c r="A1' }],
});

describe('the reader over many workbooks', () => {
  it('reads a workbook the same after one whose sheet XML is cut off', () => {
    const before = readXlsxStream(good, 'good.xlsx');
    expect(before.grid.sheets[0]!.values[0]).toEqual(['考核项目', 5]);
    expect(() => readXlsxStream(cut, 'cut.xlsx')).toThrow(XlsxReadError);
    expect(readXlsxStream(good, 'good.xlsx')).toEqual(before);
    expect(() => readXlsxStream(cut, 'cut.xlsx')).toThrow(XlsxReadError);
    expect(() => readXlsxStream(cut, 'cut.xlsx')).toThrow(XlsxReadError);
    expect(readXlsxStream(good, 'good.xlsx')).toEqual(before);
  });
});
