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

const TEXT = {
  zh: {
    sameFile: (f: string) => `输出文件 ${f} 就是输入文件；fill 从不覆盖输入，请换一个输出文件名。`,
    noRubric: (f: string) => `${f} 中没有找到评分表，未写入任何内容。`,
    hiddenRubric: (s: string) =>
      `工作表「${oneLine(s)}」是隐藏的评分表，不写入。如需写入，请在 Excel 中取消隐藏后重试。`,
    conflicts: (n: number) =>
      `有 ${n} 个单元格已有内容，而本工具需要在那里写入公式；为免覆盖，未写入任何内容：`,
    conflict: (c: Conflict) =>
      c.kind === 'validation'
        ? `  ${oneLine(c.sheet)}!${c.cell}：已有您自己设置的数据验证（输入限制），写入会换成本工具的输入限制`
        : `  ${oneLine(c.sheet)}!${c.cell}：现有“${oneLine(c.existing)}”，计划写入 ${oneLine(c.planned)}`,
    conflictHint:
      '请清空或移走这些单元格中的内容后重试；或加 --overwrite 用公式覆盖它们（原内容不保留，输入文件不变）；也可在加载项中确认覆盖。',
    protected: (sheets: string[]) =>
      `工作表${sheets.map((s) => `「${oneLine(s)}」`).join('、')}受保护，本工具不会写入受保护的工作表；未写入任何内容。请在 Excel 中“审阅 → 撤销工作表保护”后重试。`,
    warnings: '写入前请注意：',
    warning: (w: FillWarning): string => {
      switch (w.code) {
        case 'entryNotNumber':
          return `  ${at(w)}：填的是“${oneLine(w.text ?? '')}”，不是数字。写入后这一项的得分处会提示改正，合计在改正前不显示总分。请改为数字。`;
        case 'columnHidden':
          return `  工作表「${w.sheet}」的 ${w.col ?? ''} 列是隐藏的；写入时会取消隐藏，以便看到写入的数字。`;
        case 'entriesCarried':
          return `  ${at(w)}：录入列已关闭，录入列算出的扣分 ${w.value ?? ''} 作为数字保留在这里。`;
        case 'vetoHelper':
          return `  工作表「${w.sheet}」有 ${w.count ?? ''} 个一票否决项，多于一个公式能列出的数量；它们的判断写在 ${w.col ?? ''} 列的辅助单元格中。`;
        default:
          return `  ${at(w)}：${w.code}`;
      }
    },
    blocked: '因此未写入任何内容。',
    overwritten: (n: number) => `已按 --overwrite 覆盖 ${n} 个原有内容的单元格。`,
    sheet: (s: string, f: number, v: number, e: number) =>
      `  工作表「${oneLine(s)}」：公式 ${f} 个，输入校验 ${v} 处${e > 0 ? `，录入列 ${e} 列` : ''}`,
    wrote: (f: string) => `已写入 ${f}。`,
    nothingLost: '输入文件的其余内容均已保留，原样未动。',
    skipped: (n: number) => `有 ${n} 个图表操作未执行（.xlsx 写入程序不能绘制图表）。`,
    cellsChanged: (f: string) => `${f} 在读取之后被改动了；未写入任何内容。请关闭正在编辑它的程序后重试。`,
    cannotApply: (f: string) =>
      `无法把公式写入 ${f} 的副本：工作簿中有本工具无法处理的内容。未写入任何内容。请用 Excel 打开并另存为 .xlsx 后重试；如仍不行，请在加载项中写入。`,
  },
  en: {
    sameFile: (f: string) =>
      `The output ${f} is the input file; fill never overwrites its input. Choose another output file.`,
    noRubric: (f: string) => `No rubric table was found in ${f}; nothing was written.`,
    hiddenRubric: (s: string) =>
      `Sheet "${oneLine(s)}" is a hidden rubric and is not filled. To fill it, unhide it in Excel and run again.`,
    conflicts: (n: number) =>
      `${n} cell(s) already hold content where formulas would go; nothing was written, so nothing is overwritten:`,
    conflict: (c: Conflict) =>
      c.kind === 'validation'
        ? `  ${oneLine(c.sheet)}!${c.cell}: carries your own data validation, which the write would replace with the product's input limit`
        : `  ${oneLine(c.sheet)}!${c.cell}: holds "${oneLine(c.existing)}", would get ${oneLine(c.planned)}`,
    conflictHint:
      'Clear or move that content and run again; or add --overwrite to write the formulas over it (that content is not kept; the input file is unchanged); or confirm the overwrite in the add-in.',
    protected: (sheets: string[]) =>
      `${sheets.length === 1 ? 'Sheet' : 'Sheets'} ${sheets.map((s) => `"${oneLine(s)}"`).join(', ')} ${sheets.length === 1 ? 'is' : 'are'} protected, and the product never writes into a protected sheet; nothing was written. In Excel, choose Review → Unprotect Sheet, then run again.`,
    warnings: 'Before writing, note:',
    warning: (w: FillWarning): string => {
      switch (w.code) {
        case 'entryNotNumber':
          return `  ${at(w)}: holds "${oneLine(w.text ?? '')}", which is not a number. The written score cell asks for it to be corrected, and the total shows no figure until it is. Enter a number.`;
        case 'columnHidden':
          return `  Column ${w.col ?? ''} of sheet "${w.sheet}" is hidden; it is shown again so the written figures can be seen.`;
        case 'entriesCarried':
          return `  ${at(w)}: entry columns are off; the deduction the entries gave, ${w.value ?? ''}, is kept here as a number.`;
        case 'vetoHelper':
          return `  Sheet "${w.sheet}" has ${w.count ?? ''} veto items, more than one formula can name; their tests are in helper cells in column ${w.col ?? ''}.`;
        default:
          return `  ${at(w)}: ${w.code}`;
      }
    },
    blocked: 'So nothing was written.',
    overwritten: (n: number) => `Overwrote ${n} cell(s) that held other content (--overwrite).`,
    sheet: (s: string, f: number, v: number, e: number) =>
      `  Sheet "${oneLine(s)}": ${f} ${f === 1 ? 'formula' : 'formulas'}, ${v} ${v === 1 ? 'input check' : 'input checks'}${e > 0 ? `, ${e} ${e === 1 ? 'entry column' : 'entry columns'}` : ''}`,
    wrote: (f: string) => `Wrote ${f}.`,
    nothingLost: 'Everything else in the input was kept exactly as it was.',
    skipped: (n: number) =>
      `${n} chart operation(s) were not carried out (the .xlsx writer cannot draw charts).`,
    cellsChanged: (f: string) =>
      `${f} changed after it was read; nothing was written. Close the program editing it and run again.`,
    cannotApply: (f: string) =>
      `Cannot write the formulas into a copy of ${f}: the workbook holds content this product cannot handle. Nothing was written. Open it in Excel, save it as .xlsx and retry; if that does not help, write from the add-in.`,
  },
} as const;

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
  const T = TEXT[lang];
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
