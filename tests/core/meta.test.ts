/** The product's store in the workbook: chunked JSON that survives a round trip through an .xlsx file. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { applyPlan } from '../../src/adapters/xlsx/write';
import { emptyMeta, type Meta, metaOps, readMeta } from '../../src/core/meta';

async function roundTrip(meta: Meta): Promise<Meta> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('评分表');
  applyPlan(wb, { ops: metaOps(meta, false), owned: [], conflicts: [] });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const read = readMeta(await readXlsx(bytes));
  if (!read.ok) throw new Error(read.error);
  return read.meta;
}

describe('metaOps / readMeta', () => {
  it('stores JSON longer than one cell over several cells and reads it back whole', async () => {
    const meta: Meta = {
      ...emptyMeta(),
      sheets: [
        {
          sheet: '评分表',
          owned: Array.from({ length: 8000 }, (_, i) => `G${i + 3}`),
          formulas: {},
          entryColumns: [],
          rows: 8000,
        },
      ],
    };
    expect(JSON.stringify(meta).length).toBeGreaterThan(60_000);
    expect(await roundTrip(meta)).toEqual(meta);
  });

  it('never splits a character outside the BMP (𠮷) across two cells', async () => {
    // Place a surrogate pair exactly on the 30,000-character boundary of the JSON.
    const probe = JSON.stringify({ ...emptyMeta(), summarySheets: [''] });
    const at = probe.indexOf('[""]') + 2;
    const name = `${'评'.repeat(30_000 - at - 1)}𠮷社区`;
    const meta: Meta = { ...emptyMeta(), summarySheets: [name] };
    expect(JSON.stringify(meta).slice(29_999, 30_001)).toBe('𠮷');
    expect(await roundTrip(meta)).toEqual(meta);
  });
});
