/**
 * Manual page breaks of the summary workbook's printable sheets (结果通知单: one unit a page), set
 * with ExcelJS after the write plan is applied; the plan itself has no op for them.
 */
import type ExcelJS from 'exceljs';

/** Rows (1-based) after which a page ends, per sheet; sheets the workbook lacks are passed over. */
export function applyPageBreaks(
  wb: ExcelJS.Workbook,
  breaks: readonly { sheet: string; rows: readonly number[] }[],
): void {
  for (const b of breaks) {
    const ws = wb.getWorksheet(b.sheet);
    if (!ws) continue;
    for (const r of b.rows) ws.getRow(r).addPageBreak();
  }
}
