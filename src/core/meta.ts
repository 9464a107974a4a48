/**
 * The product's own data inside the workbook: rule overrides, the cells it owns, and the entry
 * columns it added. Kept as JSON in a very hidden sheet, so Excel, WPS, the CLI and every assessor who
 * opens the workbook see the same rules. The JSON is split over cells (Excel allows 32,767 characters
 * per cell) down column A.
 */
import { z } from 'zod';
import { a1 } from './a1';
import type { SheetGrid, WorkbookGrid } from './grid';
import type { WriteOp } from './plan';
import { capSchema, termSchema } from './rules/schema';

export const META_SHEET = 'RubricScorerData';
const CHUNK = 30000;
const MARKER = 'rubric-scorer-meta';

export const overrideSchema = z.object({
  sheet: z.string(),
  itemText: z.string(),
  criteria: z.string(),
  terms: z.array(termSchema),
  cap: capSchema,
  bonusCap: z.number().finite().min(0).optional(),
});

export const sheetStateSchema = z.object({
  sheet: z.string(),
  /** A1 addresses the product wrote and owns on this sheet. */
  owned: z.array(z.string()),
  /** Formulas as written, by A1 address, to tell when one was typed over. */
  formulas: z.record(z.string(), z.string()),
  /** Entry columns added, by column letter → description. */
  entryColumns: z.array(z.object({ col: z.string(), header: z.string() })),
  /** Row count of the table when written, to tell rows inserted since. */
  rows: z.number(),
  /** Subtotal columns added (one per group level, 1 = outermost), by column letter. */
  subtotalColumns: z.array(z.object({ col: z.string(), level: z.number() })).optional(),
  /** Cells and ranges the product put data validation on (so the user's own is told apart). */
  validated: z.array(z.string()).optional(),
  /** The helper column holding each veto item's test, when a sheet has too many for one formula. */
  vetoColumn: z.string().optional(),
});

export const metaSchema = z.object({
  version: z.literal(1),
  overrides: z.array(overrideSchema),
  sheets: z.array(sheetStateSchema),
  /** Sheets the product generated whole (汇总, 扣分明细): only these are replaced on regenerate. */
  summarySheets: z.array(z.string()).optional(),
  /**
   * A write in progress: the sheet states it is putting in place, stored before its first change and
   * removed by its last. Found on reading, it means the write was interrupted: `sheets` still says
   * only what earlier writes made (no claim on cells that may not have been written), and the next
   * plan takes its layout from here so that finishing gives what the whole write would have.
   */
  pending: z.array(sheetStateSchema).optional(),
});

export type Meta = z.infer<typeof metaSchema>;
export type SheetState = z.infer<typeof sheetStateSchema>;

export function emptyMeta(): Meta {
  return { version: 1, overrides: [], sheets: [] };
}

export type MetaRead = { ok: true; meta: Meta; found: boolean } | { ok: false; meta: Meta; error: string };

/** What metaOps needs to know of the workbook's data sheet. */
export function metaSheetState(wb: WorkbookGrid): boolean | 'visible' {
  const sheet = wb.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return false;
  return sheet.hidden === false ? 'visible' : true;
}

/** Read the product's data from the workbook; a damaged store is reported, never thrown. */
export function readMeta(wb: WorkbookGrid): MetaRead {
  const sheet = wb.sheets.find((s) => s.name === META_SHEET);
  if (!sheet) return { ok: true, meta: emptyMeta(), found: false };
  return parseMetaSheet(sheet);
}

function parseMetaSheet(sheet: SheetGrid): MetaRead {
  const head = sheet.values[0]?.[0];
  if (head !== MARKER) return { ok: false, meta: emptyMeta(), error: `A1 is not ${MARKER}` };
  let json = '';
  for (let r = 1; r < sheet.values.length; r++) {
    const v = sheet.values[r]?.[0];
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  try {
    const parsed = metaSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return { ok: false, meta: emptyMeta(), error: parsed.error.message };
    return { ok: true, meta: parsed.data, found: true };
  } catch (e) {
    return { ok: false, meta: emptyMeta(), error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Operations that store meta in the workbook (creating the very hidden sheet when missing).
 * `previousChunks` is how many JSON cells the existing store has, so stale ones are cleared.
 */
/**
 * The ops that store `meta`. `sheet` says what the workbook has: no data sheet, a hidden one, or one
 * left visible (a first write interrupted between adding the sheet and hiding it, or a user who
 * unhid it): a visible data sheet is replaced by a very hidden one holding the same data.
 */
export function metaOps(meta: Meta, sheet: boolean | 'visible', previousChunks = 0): WriteOp[] {
  const json = JSON.stringify(meta);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; ) {
    let end = Math.min(i + CHUNK, json.length);
    // A cell holds whole characters: half of a surrogate pair (𠮷) is written to the file as U+FFFD.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(json.slice(i, end));
    i = end;
  }
  const ops: WriteOp[] = [];
  if (sheet === 'visible') ops.push({ op: 'deleteSheet', sheet: META_SHEET });
  if (sheet !== true) ops.push({ op: 'addSheet', sheet: META_SHEET, hidden: 'veryHidden' });
  ops.push({ op: 'value', sheet: META_SHEET, cell: 'A1', value: MARKER });
  chunks.forEach((c, i) => {
    ops.push({ op: 'value', sheet: META_SHEET, cell: a1(i + 1, 0), value: c });
  });
  for (let i = chunks.length; i < (sheet === true ? previousChunks : 0); i++) {
    ops.push({ op: 'value', sheet: META_SHEET, cell: a1(i + 1, 0), value: null });
  }
  return ops;
}
