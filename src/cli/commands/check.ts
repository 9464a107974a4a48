/**
 * `rubric-scorer check`: read workbooks, score and check every rubric sheet, report. Each file's
 * report is printed as soon as that file is done, so a file that cannot be read never costs the
 * others' reports; a sheet that cannot be analysed costs only that sheet.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { sheetProblemText } from '../../adapters/xlsx/errors';
import { readXlsxWorkbook, type SheetState, XlsxReadError } from '../../adapters/xlsx/read';
import {
  a1,
  colLetters,
  analyzeWorkbook,
  countBySeverity,
  detectTable,
  formatIssue,
  type Issue,
  type IssueCode,
  META_SHEET,
  RUBRIC_ISSUE_CODES,
  ruleSummary,
  type SheetReport,
  type SkippedSheet,
  type WorkbookGrid,
  type WorkbookReport,
} from '../../core';
import { CLI_TEXT } from '../../core/i18n/cli';
import { handlerFor } from '../../core/rules/kinds';
import type { Cap, Rule, Term } from '../../core/rules/types';
import { expandInputs, type PathProblem, pathProblemText } from '../files';
import { type CliIO, type Lang, oneLine, parseLang, terminalSafe } from '../io';
import { errnoCode, fsErrorText } from '../output';

export interface JsonIssue {
  cell: string | null;
  severity: Issue['severity'];
  code: string;
  message: string;
}

export interface JsonItem {
  cell: string;
  label: string;
  max: number;
  deduction: number;
  score: number;
  rule: JsonRule;
}

/** An item's rule as read: what the summary says, and the reading behind it. */
export interface JsonRule {
  text: string;
  summary: string;
  /** Each term read: its kind and fields as the rule holds them, the words it was read from, and what it means. */
  terms: (Term & { source: string; explanation: string })[];
  cap: Cap;
  /** Words about scoring that could not be read (decide these by hand). */
  unread: { text: string; start: number; end: number }[];
  /** The rule is the assessor's own (saved in the workbook), not the reading of the text. */
  overridden: boolean;
}

/** The reading of one item's rule for the JSON report (null fields when the item has no rule). */
function jsonRule(rule: Rule | undefined, fallback: string, summary: string, lang: Lang): JsonRule {
  if (!rule)
    return {
      text: fallback,
      summary,
      terms: [],
      cap: { kind: 'item', span: null },
      unread: [],
      overridden: false,
    };
  const slice = (sp: { start: number; end: number }) => rule.source.slice(sp.start, sp.end);
  return {
    text: rule.source,
    summary,
    terms: rule.terms.map((t) => ({
      ...t,
      source: slice(t.span),
      explanation: handlerFor(t).explain(t as never, lang),
    })),
    cap: rule.cap,
    unread: rule.unread.map((sp) => ({ text: slice(sp), start: sp.start, end: sp.end })),
    overridden: rule.overridden,
  };
}

export interface JsonSheet {
  name: string;
  total: number;
  max: number;
  vetoed: boolean;
  /** Present when the sheet is hidden in the workbook (it is checked all the same). */
  hidden?: 'hidden' | 'veryHidden';
  /** How the table was read: which column was used for what, and whether by header or by content. */
  columns: JsonColumn[];
  items: JsonItem[];
  issues: JsonIssue[];
}

export interface JsonColumn {
  /** Column letter, e.g. "E". */
  column: string;
  /** The header text as written ('' when the column has none). */
  header: string;
  /** What the column was used for: points, criteria, deduction, score, … */
  role: string;
  by: 'header' | 'content';
  /** Why, when chosen by content. */
  reason?: string;
}

export interface JsonFile {
  file: string;
  sheets: JsonSheet[];
  /**
   * Sheets not read as rubrics, with why; `badSheetName` and `overlappingMerge` are sheets the reader
   * left out (a name Excel does not allow, overlapping merged areas), so they were not checked.
   */
  skipped: JsonSkipped[];
  /** Workbook-level findings. */
  issues: JsonIssue[];
  /** Present when the file could not be read at all. */
  error?: { code: string; message: string };
}

/**
 * A sheet not read as a rubric. `reason` is the stable word (empty, hidden, noHeader, noItems,
 * productSheet; or the reader's badSheetName, overlappingMerge, unreadable); `code` says in more
 * detail what was found, with its fields: noHeader (the nearest row to a header, if any), noPoints (a
 * header row, no points anywhere), sanctions (a header row whose columns hold 降职/降薪 … instead of
 * points), noScoredRows (a header with its points column, no row under it with points).
 */
export interface JsonSkipped {
  name: string;
  reason: string;
  code: string;
  /** The sheet row (as Excel numbers it) of the header, or of the nearest row to one. */
  row?: number;
  /** That row's texts, left to right. */
  headers?: string[];
  /** sanctions: the columns holding them, and a few of them. */
  sanctionHeaders?: string[];
  sanctions?: string[];
  /** noScoredRows: the points column's header, and how many rows were read under the header. */
  pointsHeader?: string;
  rows?: number;
  message: string;
}

/** A skipped sheet for the JSON report: its reason and finding, rows as Excel numbers them. */
function jsonSkipped(s: SkippedSheet, message: string): JsonSkipped {
  const out: JsonSkipped = { name: s.sheet, reason: s.reason, code: s.code, message };
  switch (s.code) {
    case 'noHeader':
      if (s.nearest) Object.assign(out, { row: s.nearest.row + 1, headers: s.nearest.headers });
      break;
    case 'noPoints':
      Object.assign(out, { row: s.row + 1, headers: s.headers });
      break;
    case 'sanctions':
      Object.assign(out, {
        row: s.row + 1,
        headers: s.headers,
        sanctionHeaders: s.sanctionHeaders,
        sanctions: s.sanctions,
      });
      break;
    case 'noScoredRows':
      Object.assign(out, { row: s.row + 1, headers: s.headers, pointsHeader: s.pointsHeader, rows: s.rows });
      break;
  }
  return out;
}

export interface CheckReport {
  files: JsonFile[];
}

const jsonIssue = (i: Issue, lang: Lang): JsonIssue => ({
  cell: i.cell,
  severity: i.severity,
  code: i.code,
  message: formatIssue(i, lang),
});

function sheetJson(s: SheetReport, lang: Lang, hidden?: JsonSheet['hidden']): JsonSheet | null {
  const a = s.analysis;
  if (!a) return null;
  const { table, score } = a;
  const entryCol = table.columns.deduction ?? table.columns.score ?? table.columns.points ?? 0;
  return {
    name: s.sheet,
    total: score.total,
    max: score.max,
    vetoed: score.vetoed,
    ...(hidden ? { hidden } : {}),
    columns: (
      table.columnUses ??
      Object.entries(table.columns).map(([role, col]) => ({
        col: col as number,
        header: table.headers[role as keyof typeof table.headers] ?? '',
        role: role as NonNullable<typeof table.columnUses>[number]['role'],
        by: 'header' as const,
      }))
    ).map((u) => ({
      column: colLetters(u.col),
      header: u.header,
      role: u.role,
      by: u.by,
      ...('reason' in u && u.reason ? { reason: u.reason } : {}),
    })),
    items: table.items.map((item, n) => {
      const sc = score.items[n]!;
      return {
        cell: a1(item.row, entryCol),
        label: item.label,
        max: sc.max,
        deduction: sc.deduction,
        score: sc.score,
        rule: jsonRule(a.rules[item.id], item.criteria, ruleSummary(a, item.id, lang), lang),
      };
    }),
    issues: s.issues.map((i) => jsonIssue(i, lang)),
  };
}

/** What the report's last line sums up. */
export interface Totals {
  files: number;
  sheets: number;
  errors: number;
  warnings: number;
  /** Sheets not checked: content that could not be handled, or left out by the reader. */
  unchecked: number;
}

/** "Ready to submit" only when every file was read, rubrics were found, all were checked, none has errors. */
function ready(t: Totals): boolean {
  return t.errors === 0 && t.sheets > 0 && t.unchecked === 0;
}

/** The message for a file the reader refused: its own, except that a damaged file's shows no technical detail. */
export function readErrorText(e: XlsxReadError, lang: Lang): string {
  return e.code === 'corrupt' ? CLI_TEXT[lang].check.corrupt(e.file) : e.messageIn(lang);
}

/** The message for a failure that is not the file's fault as far as anyone can tell. */
export function unexpectedText(file: string, lang: Lang): string {
  return CLI_TEXT[lang].check.unexpected(file);
}

/**
 * Analyse a workbook; when the whole fails, every sheet alone, so one sheet that cannot be handled
 * costs only that sheet. Returns the report and the names of the sheets that failed.
 */
export function analyzeIsolated(wb: WorkbookGrid): { report: WorkbookReport; failed: string[] } {
  try {
    return { report: analyzeWorkbook(wb), failed: [] };
  } catch {
    const metaSheet = wb.sheets.filter((s) => s.name === META_SHEET);
    const failed: string[] = [];
    const sheets: SheetReport[] = [];
    const issues: Issue[] = [];
    let meta: WorkbookReport['meta'] | undefined;
    for (const s of wb.sheets) {
      if (s.name === META_SHEET) continue;
      try {
        const one = analyzeWorkbook({ sheets: [s, ...metaSheet] });
        meta ??= one.meta;
        if (sheets.length === 0) issues.push(...one.issues);
        sheets.push(...one.sheets.filter((x) => x.sheet === s.name));
      } catch {
        failed.push(s.name);
      }
    }
    if (meta === undefined) throw new Error('no sheet could be analysed');
    return { report: { sheets, issues, meta }, failed };
  }
}

/** Check that a path can be read as a file, in the product's words. @throws Error with that message */
async function readable(path: string, lang: Lang): Promise<string | null> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) return fsErrorText('read', 'EISDIR', path, lang);
    await access(path, constants.R_OK);
    return null;
  } catch (e) {
    return fsErrorText('read', errnoCode(e), path, lang);
  }
}

/** Check one file; never throws for a bad file. */
export async function checkFile(path: string, lang: Lang): Promise<JsonFile> {
  const T = CLI_TEXT[lang].check;
  const unreadable = (message: string): JsonFile => ({
    file: path,
    sheets: [],
    skipped: [],
    issues: [],
    error: { code: 'fileUnreadable', message },
  });
  const cannot = await readable(path, lang);
  if (cannot !== null) return unreadable(cannot);
  try {
    const book = await readXlsxWorkbook(path);
    // The core leaves hidden sheets out; a hidden rubric is checked like the others, and said to be hidden.
    const hidden = new Map<string, 'hidden' | 'veryHidden'>(
      hiddenRubrics(book.grid, book.states).map((n) => [
        n,
        book.states[n] === 'veryHidden' ? 'veryHidden' : 'hidden',
      ]),
    );
    const grid: WorkbookGrid = {
      ...book.grid,
      sheets: book.grid.sheets.map((s) => (hidden.has(s.name) ? { ...s, hidden: false } : s)),
    };
    const { report, failed } = analyzeIsolated(grid);
    const sheets = report.sheets
      .map((s) => sheetJson(s, lang, hidden.get(s.sheet)))
      .filter((s): s is JsonSheet => s !== null);
    const skipped: JsonFile['skipped'] = report.sheets
      .filter((s) => s.skipped && s.issues.length > 0)
      .map((s) => jsonSkipped(s.skipped!, formatIssue(s.issues[0]!, lang)));
    // Sheets the reader left out (a name Excel does not allow, overlapping merges) are never silent.
    for (const p of book.skipped ?? [])
      skipped.push({ name: p.sheet, reason: p.code, code: p.code, message: sheetProblemText(p, lang) });
    for (const name of failed)
      skipped.push({ name, reason: 'unreadable', code: 'unreadable', message: T.sheetFailed(name) });
    const issues = report.issues.map((i) => jsonIssue(i, lang));
    for (const name of failed)
      issues.push({ cell: null, severity: 'error', code: 'fileUnreadable', message: T.sheetFailed(name) });
    if (sheets.length === 0) {
      const noRubric: Issue = {
        code: 'noRubric',
        severity: 'error',
        sheet: '',
        cell: null,
        params: { file: basename(path) },
      };
      issues.push(jsonIssue(noRubric, lang));
    }
    return { file: path, sheets, skipped, issues };
  } catch (e) {
    return unreadable(e instanceof XlsxReadError ? readErrorText(e, lang) : T.unexpected(path));
  }
}

/** Hidden and very hidden sheets that hold a rubric table (the core skips hidden sheets). */
function hiddenRubrics(grid: WorkbookGrid, states: Record<string, SheetState>): string[] {
  return grid.sheets
    .filter((s) => (s.hidden || states[s.name] !== 'visible') && s.name !== META_SHEET)
    .filter((s) => {
      try {
        return detectTable({ ...s, hidden: false }).ok;
      } catch {
        return false;
      }
    })
    .map((s) => s.name);
}

/** The report entry of a path that could not be used (a looping link, an unreadable folder). */
export function problemFile(p: PathProblem, lang: Lang): JsonFile {
  return {
    file: p.path,
    sheets: [],
    skipped: [],
    issues: [],
    error: { code: 'fileUnreadable', message: pathProblemText(p, lang) },
  };
}

/** Skipped reasons that mean a sheet that may be a rubric was not checked. */
const UNCHECKED: ReadonlySet<string> = new Set(['unreadable', 'badSheetName', 'overlappingMerge']);

export function hasErrors(f: JsonFile): boolean {
  // Workbook-level errors (no rubric found) count as much as a sheet's; so does a sheet the reader
  // left out, which may be a rubric nobody checked.
  return (
    Boolean(f.error) ||
    f.skipped.some((k) => k.reason === 'badSheetName' || k.reason === 'overlappingMerge') ||
    f.issues.some((i) => i.severity === 'error') ||
    f.sheets.some((s) => s.issues.some((i) => i.severity === 'error'))
  );
}

function findingKey(i: JsonIssue): string {
  return `${i.code}|${i.cell}|${i.message}`;
}

/** Rubric findings that stand identically on two or more sheets, with the sheets' names. */
function sharedRubricFindings(sheets: readonly JsonSheet[]): Map<string, string[]> {
  const on = new Map<string, string[]>();
  for (const s of sheets) {
    for (const i of s.issues) {
      if (!RUBRIC_ISSUE_CODES.has(i.code as IssueCode)) continue;
      const names = on.get(findingKey(i)) ?? [];
      if (!names.includes(s.name)) names.push(s.name);
      on.set(findingKey(i), names);
    }
  }
  return new Map([...on].filter(([, names]) => names.length > 1));
}

/** One file's part of the readable report, and what it adds to the totals. */
export function renderFile(f: JsonFile, lang: Lang, totals: Totals): string {
  const T = CLI_TEXT[lang].check;
  const S = CLI_TEXT[lang].severity;
  const lines: string[] = [f.file];
  totals.files++;
  if (f.error) {
    lines.push(`  ✗ ${f.error.message}`);
    totals.errors++;
    return `${lines.map(oneLine).join('\n')}\n\n`;
  }
  for (const i of f.issues) {
    lines.push(`  ${i.severity === 'error' ? '✗' : '!'} ${i.message}`);
    if (i.severity === 'error') totals.errors++;
    else if (i.severity === 'warning') totals.warnings++;
  }
  // A rubric finding that stands identically on several sheets (one rubric, a sheet per unit) is
  // printed once, above the sheets.
  const shared = sharedRubricFindings(f.sheets);
  if (shared.size > 0) {
    lines.push(T.rubricShared);
    for (const [key, names] of shared) {
      const i = f.sheets.flatMap((s) => s.issues).find((x) => findingKey(x) === key)!;
      lines.push(
        `    [${S[i.severity]}] ${i.cell ?? '—'}  ${i.message}  (${names.join(CLI_TEXT[lang].listSeparator)})`,
      );
    }
  }
  for (const s of f.sheets) {
    totals.sheets++;
    const c = countBySeverity(s.issues.map((i) => ({ ...i, sheet: s.name, params: {} }) as Issue));
    totals.errors += c.error;
    totals.warnings += c.warning;
    // Items with no points make the maximum unknown: the figure is never shown as if it were whole.
    const unpointed = s.issues.filter((i) => i.code === 'pointsMissing').length;
    lines.push(
      T.sheetLine(s.name, s.total, s.max, s.vetoed, c, unpointed) + (s.hidden ? T.hiddenMark[s.hidden] : ''),
    );
    if (s.hidden) lines.push(`    ! ${s.hidden === 'veryHidden' ? T.veryHidden : T.hidden}`);
    for (const sev of ['error', 'warning', 'info'] as const) {
      for (const i of s.issues.filter((x) => x.severity === sev && !shared.has(findingKey(x)))) {
        lines.push(`    [${S[sev]}] ${i.cell ?? '—'}  ${i.message}`);
      }
    }
  }
  // A sheet that could not be analysed is already said above as the file's error; it still counts
  // as unchecked, but is not printed a second time.
  const said = new Set(f.issues.map((i) => i.message));
  for (const k of f.skipped) {
    if (UNCHECKED.has(k.reason)) totals.unchecked++;
    if (k.reason === 'unreadable' && said.has(k.message)) continue;
    lines.push(T.skippedLine(k.name, k.message));
  }
  // Cell text, sheet and file names stay on their line: a newline in them is shown as \n.
  return `${lines.map(oneLine).join('\n')}\n\n`;
}

export function emptyTotals(): Totals {
  return { files: 0, sheets: 0, errors: 0, warnings: 0, unchecked: 0 };
}

/** The report's last line. It says "ready" only when there is nothing left to fix or check. */
export function renderTotals(totals: Totals, lang: Lang): string {
  return `${CLI_TEXT[lang].check.total(totals, ready(totals))}\n`;
}

/** The readable report. */
export function renderText(report: CheckReport, lang: Lang): string {
  const totals = emptyTotals();
  return report.files.map((f) => renderFile(f, lang, totals)).join('') + renderTotals(totals, lang);
}

/** One file of the JSON report, as it sits in `{ "files": [ … ] }` printed with two-space indent. */
function jsonFileText(f: JsonFile): string {
  return JSON.stringify(f, null, 2)
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** Run `check`; returns the exit code (0 clean, 1 errors found). @throws UsageError */
export async function runCheck(
  inputs: string[],
  opts: { json?: boolean; lang?: string },
  io: CliIO,
): Promise<number> {
  const lang = parseLang(opts.lang);
  const problems: PathProblem[] = [];
  const paths = expandInputs(inputs, (p) => problems.push(p));
  const status =
    io.status?.bind(io) ?? ((t: string) => io.err(t === '' ? '\r\u001b[K' : `\r${terminalSafe(t)}\u001b[K`));
  const progress = paths.length > 1 && io.errIsTTY;
  const totals = emptyTotals();
  let failed = false;
  let n = 0;
  // Each file is printed as soon as it is done: one that fails never costs the others' reports.
  const emit = (f: JsonFile) => {
    failed ||= hasErrors(f);
    if (progress) status('');
    if (opts.json) {
      let text: string;
      try {
        text = jsonFileText(f);
      } catch {
        // Too large to print as one text: say so for this file alone.
        const short = {
          ...f,
          sheets: [],
          skipped: [],
          issues: [],
          error: { code: 'fileUnreadable', message: unexpectedText(f.file, lang) },
        };
        failed = true;
        text = jsonFileText(short);
      }
      io.out(`${n === 0 ? '{\n  "files": [\n' : ',\n'}${text}`);
    } else {
      io.out(renderFile(f, lang, totals));
    }
    n++;
  };
  for (const p of problems) emit(problemFile(p, lang));
  for (const [i, p] of paths.entries()) {
    if (progress) status(`${i + 1}/${paths.length} ${basename(p)}`);
    let f: JsonFile;
    try {
      f = await checkFile(p, lang);
    } catch {
      f = {
        file: p,
        sheets: [],
        skipped: [],
        issues: [],
        error: { code: 'fileUnreadable', message: unexpectedText(p, lang) },
      };
    }
    emit(f);
  }
  if (progress) status('');
  if (opts.json) io.out(n === 0 ? '{\n  "files": []\n}\n' : '\n  ]\n}\n');
  else io.out(renderTotals(totals, lang));
  return failed ? 1 : 0;
}

export function registerCheck(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('检查评分表：识别表格、解读评分标准、核对扣分与得分 / check rubric workbooks')
    .argument('<paths...>', '.xlsx 文件或文件夹 / .xlsx files or folders')
    .option('--json', '输出 JSON / print JSON')
    .option('--lang <lang>', '语言 zh|en / language', 'zh')
    .action(async (paths: string[], opts: { json?: boolean; lang?: string }) => {
      setExit(await runCheck(paths, opts, io));
    });
}
