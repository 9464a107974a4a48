/**
 * A cell value as ExcelJS models it → the core's CellValue. Its own module, free of ExcelJS itself,
 * so that reading a workbook (which does not use ExcelJS) does not load it.
 */
import type { CellValue } from '../../core/grid';
import { isoDate } from './errors';

/** A cell value as the core sees it: plain text, number, boolean, or null. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: unknown }[]).map((p) => String(p.text ?? '')).join('');
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    // Hyperlinks: the text shown (itself possibly rich text).
    if ('text' in o) return plainValue(o.text);
  }
  return null;
}
