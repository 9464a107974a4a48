/**
 * `rubric-scorer fill <in.xlsx> -o <out.xlsx> [--entry-columns] [--overwrite] [--lang zh|en]`: a new
 * workbook with the write-back plan applied (得分 formulas, subtotals, total, guards, optional entry
 * columns), for offices that use WPS or have no add-in. The input is only read. Exit codes: 0 written,
 * 1 conflicts (listed; nothing written), 2 could not run. `--overwrite` is the CLI's way of confirming
 * every conflict, as the add-in's "全部覆盖" does: without it, a scored workbook (得分 typed by hand)
 * could never be filled by anyone without the add-in.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import ExcelJS from 'exceljs';
import { readXlsx, XlsxReadError } from '../../adapters/xlsx/read';
import { applyPlan, LOST_PART_TEXT, lostParts } from '../../adapters/xlsx/write';
import { analyzeWorkbook } from '../../core/analyze';
import { META_SHEET } from '../../core/meta';
import type { Conflict, WritePlan } from '../../core/plan';
import { planWrite } from '../../core/writeback';
import { sameFile } from '../files';
import { type CliIO, type Lang, parseLang, UsageError } from '../io';

export interface FillOptions {
  output: string;
  entryColumns?: boolean;
  /** Write over the cells that hold other content where the plan puts formulas (the conflicts). */
  overwrite?: boolean;
  lang?: string;
}

const TEXT = {
  zh: {
    sameFile: (f: string) => `输出文件 ${f} 就是输入文件；fill 从不覆盖输入，请换一个输出文件名。`,
    noRubric: (f: string) => `${f} 中没有找到评分表，未写入任何内容。`,
    conflicts: (n: number) =>
      `有 ${n} 个单元格已有内容，而本工具需要在那里写入公式；为免覆盖，未写入任何内容：`,
    conflict: (c: Conflict) => `  ${c.sheet}!${c.cell}：现有“${c.existing}”，计划写入 ${c.planned}`,
    conflictHint:
      '请清空或移走这些单元格中的内容后重试；或加 --overwrite 用公式覆盖它们（原内容不保留，输入文件不变）；也可在加载项中确认覆盖。',
    overwritten: (n: number) => `已按 --overwrite 覆盖 ${n} 个原有内容的单元格。`,
    sheet: (s: string, f: number, v: number, e: number) =>
      `  工作表「${s}」：公式 ${f} 个，输入校验 ${v} 处${e > 0 ? `，录入列 ${e} 列` : ''}`,
    wrote: (f: string) => `已写入 ${f}。`,
    lost: (parts: string) =>
      `注意：输入文件中的${parts}无法由 .xlsx 写入程序保留，输出文件中已没有这些内容。`,
    nothingLost: '输入文件的其余内容均已保留。',
    skipped: (n: number) => `有 ${n} 个图表操作未执行（.xlsx 写入程序不能绘制图表）。`,
  },
  en: {
    sameFile: (f: string) =>
      `The output ${f} is the input file; fill never overwrites its input. Choose another output file.`,
    noRubric: (f: string) => `No rubric table was found in ${f}; nothing was written.`,
    conflicts: (n: number) =>
      `${n} cell(s) already hold content where formulas would go; nothing was written, so nothing is overwritten:`,
    conflict: (c: Conflict) => `  ${c.sheet}!${c.cell}: holds "${c.existing}", would get ${c.planned}`,
    conflictHint:
      'Clear or move that content and run again; or add --overwrite to write the formulas over it (that content is not kept; the input file is unchanged); or confirm the overwrite in the add-in.',
    overwritten: (n: number) => `Overwrote ${n} cell(s) that held other content (--overwrite).`,
    sheet: (s: string, f: number, v: number, e: number) =>
      `  Sheet "${s}": ${f} formulas, ${v} input checks${e > 0 ? `, ${e} entry columns` : ''}`,
    wrote: (f: string) => `Wrote ${f}.`,
    lost: (parts: string) =>
      `Note: the input's ${parts} cannot be kept by the .xlsx writer; the output does not have them.`,
    nothingLost: 'Everything else in the input was kept.',
    skipped: (n: number) =>
      `${n} chart operation(s) were not carried out (the .xlsx writer cannot draw charts).`,
  },
} as const;

/** The plan `fill` applies to a workbook's bytes (exported for tests and for checking a filled file). */
export async function planForBytes(
  bytes: Uint8Array,
  name: string,
  entryColumns: boolean,
  lang: Lang,
  overwrite = false,
): Promise<WritePlan & { rubricSheets: number; overwritten: number }> {
  const grid = await readXlsx(bytes, { name });
  const report = analyzeWorkbook(grid);
  const opts = { entryColumns, meta: report.meta, lang };
  let plan = planWrite(grid, report, opts);
  let overwritten = 0;
  if (overwrite && plan.conflicts.length > 0) {
    overwritten = plan.conflicts.length;
    const cells = plan.conflicts.map((c) => `${c.sheet}!${c.cell}`);
    plan = planWrite(grid, report, { ...opts, overwrite: cells });
  }
  return { ...plan, rubricSheets: report.sheets.filter((s) => s.analysis).length, overwritten };
}

/**
 * Run `fill`; returns the exit code.
 * @throws UsageError when the output is the input or the input cannot be read
 */
export async function runFill(input: string, opts: FillOptions, io: CliIO): Promise<number> {
  const lang = parseLang(opts.lang);
  const T = TEXT[lang];
  if (sameFile(input, opts.output)) throw new UsageError(T.sameFile(opts.output));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(input));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'notAFile' : 'notFound';
    throw new UsageError(new XlsxReadError(code, input).messageIn(lang));
  }
  let plan: Awaited<ReturnType<typeof planForBytes>>;
  try {
    plan = await planForBytes(bytes, input, opts.entryColumns ?? false, lang, opts.overwrite ?? false);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new UsageError(e.messageIn(lang));
    throw e;
  }
  if (plan.rubricSheets === 0) {
    io.err(`${T.noRubric(input)}\n`);
    return 1;
  }
  if (plan.conflicts.length > 0) {
    io.err(
      `${[T.conflicts(plan.conflicts.length), ...plan.conflicts.map(T.conflict), T.conflictHint].join('\n')}\n`,
    );
    return 1;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const result = applyPlan(wb, plan);
  await writeFile(opts.output, new Uint8Array(await wb.xlsx.writeBuffer()));

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
  const lost = lostParts(bytes);
  lines.push(
    lost.length > 0
      ? T.lost(lost.map((p) => LOST_PART_TEXT[lang][p]).join(lang === 'en' ? ', ' : '、'))
      : T.nothingLost,
  );
  if (result.skipped.length > 0) lines.push(T.skipped(result.skipped.length));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

/** Entry columns the plan records for a sheet (from the metadata it writes). */
function metaEntryColumns(plan: WritePlan, sheet: string): number {
  const json = plan.ops
    .filter(
      (o): o is Extract<typeof o, { op: 'value' }> =>
        o.op === 'value' && o.sheet === META_SHEET && o.cell !== 'A1',
    )
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
    .requiredOption('-o, --output <out.xlsx>', '输出工作簿 / output workbook')
    .option(
      '--entry-columns',
      '添加录入列（按人数、次数等录入，由公式计算扣分） / add entry columns for counts',
    )
    .option(
      '--overwrite',
      '用公式覆盖已有内容的单元格（如手填的得分） / write formulas over cells that hold other content (e.g. typed scores)',
    )
    .option('--lang <lang>', '输出语言 zh 或 en / language of messages, zh or en', 'zh')
    .action(async (input: string, opts: FillOptions) => {
      setExit(await runFill(input, opts, io));
    });
}
