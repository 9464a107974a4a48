/**
 * Table detection: find the rubric table on a sheet (title, header, columns, group tree, items).
 *
 * - Header row: the first row with a points column (标准分值 / 分值 …) and at least one of criteria,
 *   project, content or requirement (see HEADER_SYNONYMS). Assessor headers one row lower (under a
 *   merged "考核评分") are read as part of the header.
 *   Of two 分值 columns (一级指标 | 分值 | 二级指标 | 分值) the right one holds the items' points and the
 *   left one the groups'. A second table beside the first (its header words again, with a 分值 of its
 *   own) is left out: only the first table is read.
 * - Title: the topmost non-empty row above the header ("附件1" lines skipped).
 * - Declared total: from the points header ("标准分值(100分)"), else from the 合计 row ("合计（100分）").
 * - Body: see ./table for items, groups, repeated headers, the total row and where the table ends.
 */
import type { SheetGrid, WorkbookGrid } from '../grid';
import { META_SHEET } from '../meta';
import type { IssueParams } from '../issues';
import {
  type DetectNote,
  type Detection,
  PARAM_LIST_SEP,
  type SkipFinding,
  type SkippedSheet,
} from '../rubric';
import { norm } from '../text';
import { statedTotal } from './content';
import { type FoundHeader, findHeader } from './header';
import { parseLabel } from './label';
import { readBody } from './table';
import { SheetView } from './view';

export { HEADER_SYNONYMS, classifyHeader } from './synonyms';
export { parseLabel, splitNumbering } from './label';
export { readPoints } from './points';

const ATTACHMENT_LINE = /^(附件|附表)[\d一二三四五六七八九十]*[:：]?$/;

function skipped(sheet: string, finding: SkipFinding): Detection {
  return { ok: false, skipped: { sheet, ...finding } };
}

/**
 * A skipped sheet's finding as message parameters (rows 1-based as Excel shows them, lists joined
 * with PARAM_LIST_SEP): what the catalogues' sheetSkipped and the pane's skipped.* texts are built from.
 * @example skippedParams({ sheet: 'S', reason: 'empty', code: 'empty' }) → { reason: 'empty', code: 'empty' }
 */
export function skippedParams(s: SkippedSheet): IssueParams {
  const list = (xs: readonly string[]) => xs.join(PARAM_LIST_SEP);
  const out: IssueParams = { reason: s.reason, code: s.code };
  switch (s.code) {
    case 'noHeader':
      if (s.nearest) {
        out.row = s.nearest.row + 1;
        out.headers = list(s.nearest.headers);
      }
      break;
    case 'sanctions':
      out.sanctionHeaders = list(s.sanctionHeaders);
      out.sanctions = list(s.sanctions);
      out.row = s.row + 1;
      out.headers = list(s.headers);
      break;
    case 'noScoredRows':
      out.pointsHeader = s.pointsHeader;
      out.rows = s.rows;
      out.row = s.row + 1;
      out.headers = list(s.headers);
      break;
    case 'noPoints':
      out.row = s.row + 1;
      out.headers = list(s.headers);
      break;
  }
  return out;
}

function titleAbove(view: SheetView, header: FoundHeader): string | null {
  for (let r = 0; r < header.row; r++) {
    const parts: string[] = [];
    for (let c = 0; c < view.cols; c++) {
      const t = view.ownText(r, c);
      // Tools that fill merged cells write the title into every cell of its row.
      if (t !== '' && t !== parts[parts.length - 1]) parts.push(t);
    }
    const text = parts.join(' ');
    if (text === '' || ATTACHMENT_LINE.test(norm(text))) continue;
    return text;
  }
  return null;
}

/** Points declared on the 合计 row's label: "合计（100分）". */
function totalDeclared(view: SheetView, row: number | null): number | null {
  if (row === null) return null;
  for (let c = 0; c < view.cols; c++) {
    const t = view.ownText(row, c);
    if (t !== '') return parseLabel(t).declaredPoints;
  }
  return null;
}

function hasAnyText(view: SheetView): boolean {
  for (let r = 0; r < view.rows; r++)
    for (let c = 0; c < view.cols; c++) if (view.ownText(r, c) !== '') return true;
  return false;
}

/**
 * Find the rubric table on one sheet. Hidden sheets, the product's own data sheet, empty sheets and
 * sheets without a rubric header or without scored rows come back as skipped with a reason.
 * @example
 * const d = detectTable(sheet);
 * if (d.ok) console.log(d.table.items.map((i) => `${i.text}: ${i.points}`));
 */
export function detectTable(sheet: SheetGrid): Detection {
  const name = sheet.name;
  if (name === META_SHEET) return skipped(name, { reason: 'productSheet', code: 'productSheet' });
  if (sheet.hidden) return skipped(name, { reason: 'hidden', code: 'hidden' });
  const view = new SheetView(sheet);
  if (!hasAnyText(view)) return skipped(name, { reason: 'empty', code: 'empty' });
  const search = findHeader(view);
  if (!search.found && search.noPoints) {
    const { row, texts: headers, sanctions } = search.noPoints;
    return skipped(
      name,
      sanctions
        ? {
            reason: 'noItems',
            code: 'sanctions',
            row,
            headers,
            sanctionHeaders: sanctions.headers,
            sanctions: sanctions.values,
          }
        : { reason: 'noItems', code: 'noPoints', row, headers },
    );
  }
  if (!search.found) {
    const best = search.best;
    const nearest = best ? { row: best.row, headers: best.cells.map((c) => c.text) } : null;
    return skipped(name, { reason: 'noHeader', code: 'noHeader', nearest });
  }
  const header = search.found;
  const { statedTotal: rowTotal, ...body } = readBody(view, header);
  if (body.items.every((i) => i.points === null)) {
    return skipped(name, {
      reason: 'noItems',
      code: 'noScoredRows',
      row: header.row,
      headers: headerTexts(view, header),
      pointsHeader: header.cells.get('points')?.text ?? '',
      rows: body.items.length,
    });
  }
  const title = titleAbove(view, header);
  const plan = header.plan;
  const notes: DetectNote[] = [...plan.notes];
  // On a list of points per occurrence, the points are the rule (see rulesFor); nothing to say.
  if (body.columns.criteria === undefined && plan.scheme !== 'demerit') {
    // No 评分标准 column: rules are read from the item's own text. Say so once.
    const from = body.items[0] ? itemHeader(view, header, body.items[0].text) : '';
    notes.unshift({ kind: 'criteriaFromText', from });
  }
  const table: Detection & { ok: true } = {
    ok: true,
    table: {
      sheet: name,
      title,
      declaredTotal:
        header.cells.get('points')?.declared ??
        totalDeclared(view, body.totalRow) ??
        rowTotal ??
        (title === null ? null : statedTotal(title)),
      ...body,
      columnUses: plan.uses,
      notes,
    },
  };
  if (plan.scheme !== 'points') table.table.scheme = plan.scheme;
  if (plan.baseScore !== null) table.table.baseScore = plan.baseScore;
  if (plan.rolePoints.length > 0)
    table.table.rolePoints = plan.rolePoints.map((c) => ({ header: c.text, col: c.col }));
  return table;
}

/** The header row's texts, left to right, each once. */
function headerTexts(view: SheetView, header: FoundHeader): string[] {
  const texts: string[] = [];
  for (let c = 0; c < view.cols; c++) {
    const t = view.ownText(header.row, c);
    if (t !== '' && !texts.includes(t)) texts.push(t);
  }
  return texts;
}

/** The header of the column an item's text comes from (for the note that rules were read from it). */
function itemHeader(view: SheetView, header: FoundHeader, text: string): string {
  for (const use of header.plan.uses) {
    for (let r = header.lastRow + 1; r < Math.min(view.rows, header.lastRow + 200); r++)
      if (text !== '' && view.shownText(r, use.col) === text) return use.header;
  }
  return '';
}

/**
 * Detect the rubric table on every sheet of a workbook, one Detection per sheet in sheet order.
 * @example detectWorkbook(wb).filter((d) => d.ok).length // number of rubric sheets
 */
export function detectWorkbook(wb: WorkbookGrid): Detection[] {
  return wb.sheets.map((s) => detectTable(s));
}
