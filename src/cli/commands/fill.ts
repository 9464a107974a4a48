/**
 * `rubric-scorer fill <in.xlsx> -o <out.xlsx> [--entry-columns] [--overwrite] [--force] [--lang zh|en]`:
 * a new workbook with the write-back plan applied (得分 formulas, subtotals, total, guards, optional
 * entry columns), for offices that use WPS or have no add-in. The input package is read once and
 * patched (src/adapters/xlsx/patch): every part and element the plan does not own is kept as it was. The input is only read; an existing
 * output is replaced only with --force, and always whole (temporary file, then rename). Exit codes:
 * 0 written, 1 nothing written because of the workbook (conflicts, a protected sheet, no rubric), 2
 * could not run. `--overwrite` is the CLI's way of confirming every conflict, as the add-in's
 * "全部覆盖" does: without it, a scored workbook (得分 typed by hand) could never be filled by anyone
 * without the add-in.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type SheetProblem, sheetProblemText, XlsxReadError } from '../../adapters/xlsx/errors';
import { patchXlsx } from '../../adapters/xlsx/patch';
import type { Package } from '../../adapters/xlsx/patch/package';
import { openXlsx, readXlsxStream } from '../../adapters/xlsx/reader';
import { analyzeWorkbook } from '../../core/analyze';
import { detectTable } from '../../core/detect/index';
import type { WorkbookGrid } from '../../core/grid';
import { META_SHEET } from '../../core/meta';
import type { Conflict, WritePlan } from '../../core/plan';
import { CLI_TEXT } from '../../core/i18n/cli';
import { planWrite } from '../../core/writeback';
import { PlanStaleError } from '../../host/errors';
import { sameFile } from '../files';
import { type CliIO, type Lang, oneLine, parseLang, UsageError } from '../io';
import {
  checkOutputKind,
  checkOutputPath,
  CliFsError,
  errnoCode,
  fsErrorText,
  writeOutputFile,
} from '../output';
import { readErrorText, unexpectedText } from './check';

export interface FillOptions {
  output: string;
  entryColumns?: boolean;
  /** Write over the cells that hold other content where the plan puts formulas (the conflicts). */
  overwrite?: boolean;
  /** Replace an existing output file. */
  force?: boolean;
  lang?: string;
}

/** A warning the write plan carries (see WritePlan.warnings in the core), read structurally. */
export interface FillWarning {
  code: string;
  sheet: string;
  cell?: string;
  text?: string;
  col?: string;
  value?: number;
  count?: number;
  blocking?: boolean;
}

const at = (w: FillWarning) => (w.cell ? `${oneLine(w.sheet)}!${w.cell}` : `「${oneLine(w.sheet)}」`);

/**
 * The fill command's texts in a language: the catalogue's, with sheet names and cell text put on
 * one line before they reach it.
 */
function textsFor(lang: Lang) {
  const C = CLI_TEXT[lang].fill;
  return {
    ...C,
    hiddenRubric: (s: string) => C.hiddenRubric(oneLine(s)),
    conflict: (c: Conflict) =>
      c.kind === 'validation'
        ? C.conflictValidation(oneLine(c.sheet), c.cell)
        : C.conflictValue(oneLine(c.sheet), c.cell, oneLine(c.existing), oneLine(c.planned)),
    protected: (sheets: string[]) => C.protected(sheets.map(oneLine)),
    warning: (w: FillWarning): string => {
      switch (w.code) {
        case 'entryNotNumber':
          return C.warnEntryNotNumber(at(w), oneLine(w.text ?? ''));
        case 'columnHidden':
          return C.warnColumnHidden(w.sheet, w.col ?? '');
        case 'entriesCarried':
          return C.warnEntriesCarried(at(w), String(w.value ?? ''));
        case 'vetoHelper':
          return C.warnVetoHelper(w.sheet, String(w.count ?? ''), w.col ?? '');
        default:
          return C.warnOther(at(w), w.code);
      }
    },
    sheet: (s: string, f: number, v: number, e: number) => C.sheet(oneLine(s), f, v, e),
  };
}

export type FillPlan = WritePlan & {
  rubricSheets: number;
  overwritten: number;
  /** Rubric sheets that are protected and would be written (the CLI refuses, as the add-in does). */
  protectedSheets: string[];
  /** Hidden sheets that hold a rubric table (not written). */
  hiddenRubrics: string[];
};

/** The plan `fill` applies to a workbook's bytes (exported for tests and for checking a filled file). */
export async function planForBytes(
  bytes: Uint8Array,
  name: string,
  entryColumns: boolean,
  lang: Lang,
  overwrite = false,
): Promise<FillPlan> {
  return planForGrid(readXlsxStream(bytes, name).grid, entryColumns, lang, overwrite);
}

/** The plan `fill` applies to a workbook already read. */
export function planForGrid(
  grid: WorkbookGrid,
  entryColumns: boolean,
  lang: Lang,
  overwrite = false,
): FillPlan {
  const report = analyzeWorkbook(grid);
  const opts = { entryColumns, meta: report.meta, lang };
  let plan = planWrite(grid, report, opts);
  let overwritten = 0;
  if (overwrite && plan.conflicts.length > 0) {
    overwritten = plan.conflicts.length;
    const cells = plan.conflicts.map((c) => `${c.sheet}!${c.cell}`);
    plan = planWrite(grid, report, { ...opts, overwrite: cells });
  }
  const rubric = new Set(report.sheets.filter((s) => s.analysis).map((s) => s.sheet));
  const written = new Set(plan.ops.map((o) => o.sheet));
  const fromWarnings = warningsOf(plan)
    .filter((w) => w.code === 'sheetProtected')
    .map((w) => w.sheet);
  const protectedSheets = [
    ...new Set([
      ...grid.sheets
        .filter((s) => s.protected && (rubric.has(s.name) || written.has(s.name)))
        .map((s) => s.name),
      ...fromWarnings,
    ]),
  ];
  return {
    ...plan,
    rubricSheets: rubric.size,
    overwritten,
    protectedSheets,
    hiddenRubrics: hiddenRubricSheets(grid),
  };
}

/** Hidden sheets (hidden or very hidden) that hold a rubric table. */
export function hiddenRubricSheets(grid: WorkbookGrid): string[] {
  return grid.sheets
    .filter((s) => s.hidden && s.name !== META_SHEET && detectTable({ ...s, hidden: false }).ok)
    .map((s) => s.name);
}

/** The plan's warnings, whatever version of the core made it. */
export function warningsOf(plan: WritePlan): FillWarning[] {
  const w = (plan as { warnings?: unknown }).warnings;
  return Array.isArray(w) ? (w as FillWarning[]) : [];
}

/** Read the input's bytes. @throws CliFsError in the product's words */
async function readInput(input: string, lang: Lang): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(input));
  } catch (e) {
    throw new CliFsError(fsErrorText('read', errnoCode(e), input, lang), errnoCode(e));
  }
}

/**
 * Run `fill`; returns the exit code.
 * @throws UsageError when it cannot run: the output is the input or exists (without --force), the
 * input cannot be read, the output cannot be written
 */
export async function runFill(input: string, opts: FillOptions, io: CliIO): Promise<number> {
  const lang = parseLang(opts.lang);
  const T = textsFor(lang);
  if (sameFile(input, opts.output)) throw new UsageError(T.sameFile(opts.output));
  const output = { force: opts.force ?? false, lang, extensions: ['.xlsx', '.xlsm'] };
  await checkOutputPath(opts.output, output);
  const bytes = await readInput(input, lang);
  let plan: FillPlan;
  let pkg: Package;
  let grid: WorkbookGrid;
  let skipped: SheetProblem[];
  try {
    // One read of the package: the plan is made from the parts the writer then edits.
    const opened = openXlsx(bytes, input);
    pkg = opened.pkg;
    grid = opened.book.grid;
    skipped = opened.book.skipped ?? [];
    plan = planForGrid(grid, opts.entryColumns ?? false, lang, opts.overwrite ?? false);
  } catch (e) {
    throw new UsageError(e instanceof XlsxReadError ? readErrorText(e, lang) : unexpectedText(input, lang));
  }
  // A sheet the reader had to leave out is not written either; the rest of the workbook is.
  const notes = [
    ...skipped.map((p) => oneLine(sheetProblemText(p, lang))),
    ...plan.hiddenRubrics.map(T.hiddenRubric),
  ];
  if (plan.rubricSheets === 0) {
    io.err(`${[...notes, T.noRubric(input)].join('\n')}\n`);
    return 1;
  }
  if (plan.protectedSheets.length > 0) {
    io.err(`${T.protected(plan.protectedSheets)}\n`);
    return 1;
  }
  if (plan.conflicts.length > 0) {
    io.err(
      `${[T.conflicts(plan.conflicts.length), ...plan.conflicts.map(T.conflict), T.conflictHint].join('\n')}\n`,
    );
    return 1;
  }
  const warnings = warningsOf(plan).filter((w) => w.code !== 'sheetProtected');
  if (warnings.length > 0 || notes.length > 0) {
    const lines = [...notes];
    if (warnings.length > 0) lines.push(T.warnings, ...warnings.map(T.warning));
    if (warnings.some((w) => w.blocking)) {
      io.err(`${[...lines, T.blocked].join('\n')}\n`);
      return 1;
    }
    io.err(`${lines.join('\n')}\n`);
  }
  let written: Uint8Array;
  let result: ReturnType<typeof patchXlsx>;
  try {
    result = patchXlsx(pkg, plan, { grid, lang: lang === 'en' ? 'en' : 'zh' });
    written = result.bytes;
  } catch (e) {
    if (e instanceof PlanStaleError) throw new UsageError(T.cellsChanged(input));
    throw new UsageError(T.cannotApply(input));
  }
  checkOutputKind(opts.output, written, lang);
  await writeOutputFile(opts.output, written, output);

  const lines = [T.wrote(opts.output)];
  if (plan.overwritten > 0) lines.push(T.overwritten(plan.overwritten));
  const bySheet = new Map<string, { f: number; v: number }>();
  for (const op of plan.ops) {
    if (op.op !== 'formula' && op.op !== 'validation') continue;
    const s = bySheet.get(op.sheet) ?? { f: 0, v: 0 };
    if (op.op === 'formula') s.f++;
    else s.v++;
    bySheet.set(op.sheet, s);
  }
  for (const [sheet, s] of bySheet) lines.push(T.sheet(sheet, s.f, s.v, metaEntryColumns(plan, sheet)));
  lines.push(T.nothingLost);
  if (result.skipped.length > 0) lines.push(T.skipped(result.skipped.length));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

/** Entry columns the plan records for a sheet (from the metadata it writes). */
function metaEntryColumns(plan: WritePlan, sheet: string): number {
  // The product's data is written in runs (a record of the write first, the final state last), each
  // starting at A1: the last run is what the workbook keeps.
  const metaValues = plan.ops.filter(
    (o): o is Extract<typeof o, { op: 'value' }> => o.op === 'value' && o.sheet === META_SHEET,
  );
  const lastRun = metaValues.map((o) => o.cell).lastIndexOf('A1');
  const json = metaValues
    .slice(lastRun + 1)
    .map((o) => (typeof o.value === 'string' ? o.value : ''))
    .join('');
  try {
    const meta = JSON.parse(json) as { sheets?: { sheet: string; entryColumns: unknown[] }[] };
    return meta.sheets?.find((s) => s.sheet === sheet)?.entryColumns.length ?? 0;
  } catch {
    return 0;
  }
}

/** Register `fill` on the program. */
export function registerFill(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('fill')
    .description(
      '写入得分公式、小计、合计和输入校验，生成新的工作簿 / write score formulas, subtotals, totals and input checks into a new workbook',
    )
    .argument('<in.xlsx>', '输入工作簿（只读） / input workbook (read only)')
    .requiredOption(
      '-o, --output <out.xlsx>',
      '输出工作簿（.xlsx 或 .xlsm） / output workbook (.xlsx or .xlsm)',
    )
    .option(
      '--entry-columns',
      '添加录入列（按人数、次数等录入，由公式计算扣分） / add entry columns for counts',
    )
    .option(
      '--overwrite',
      '用公式覆盖已有内容的单元格（如手填的得分） / write formulas over cells that hold other content (e.g. typed scores)',
    )
    .option('--force', '输出文件已存在时替换它 / replace the output file if it exists')
    .option('--lang <lang>', '输出语言 zh 或 en / language of messages, zh or en', 'zh')
    .action(async (input: string, opts: FillOptions) => {
      setExit(await runFill(input, opts, io));
    });
}
