/**
 * `rubric-scorer summary <files or folders…> -o summary.xlsx [--lang zh|en]`: one workbook per unit
 * (as the collecting office receives them) → one new workbook with a 汇总 sheet (values, each row's
 * source file and sheet), a 扣分明细 sheet and a 检查问题 sheet. Inputs are only read.
 *
 * Units whose workbook fails the checks (error-severity findings) are kept in the summary, flagged
 * and left out of the ranking, and their errors are listed on 检查问题 and on stderr: nothing is
 * summed silently. Exit codes as `check`: 0 all clean, 1 errors found, 2 could not run.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import ExcelJS from 'exceljs';
import { applyPlan } from '../../adapters/xlsx/write';
import { readXlsx, XlsxReadError } from '../../adapters/xlsx/read';
import { analyzeWorkbook } from '../../core/analyze';
import type { WorkbookGrid } from '../../core/grid';
import { formatIssue, type Lang } from '../../core/i18n';
import type { WriteOp } from '../../core/plan';
import { formatNote, planSummaryValues, type SummaryInput, type SummaryValuesPlan } from '../../core/summary';
import { expandInputs, sameFile } from '../files';
import { type CliIO, parseLang } from '../io';

export interface SummaryCliOptions {
  output: string;
  lang: Lang;
}

export interface SummaryIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** How workbooks are read and written; replaceable (the shared xlsx adapters, tests). */
export interface SummaryDeps {
  readWorkbook: (file: string) => Promise<WorkbookGrid>;
  writeWorkbook: (file: string, ops: readonly WriteOp[]) => Promise<void>;
}

const TEXT = {
  zh: {
    noInputs: '没有找到要汇总的 .xlsx 文件。',
    overInput: (f: string) => `输出文件 ${f} 是输入文件之一，不会覆盖输入。请换一个输出文件名。`,
    cannotWrite: (f: string, e: string) => `无法写入 ${f}：${e}`,
    unit: (n: string, t: number, r: number | null) =>
      `${n}：总分 ${t}${r === null ? '（未排名）' : `，第 ${r} 名`}`,
    wrote: (f: string, n: number) => `已写入 ${f}（${n} 个单位）。`,
  },
  en: {
    noInputs: 'No .xlsx files to summarise were found.',
    overInput: (f: string) =>
      `The output ${f} is one of the inputs; inputs are never overwritten. Choose another output file.`,
    cannotWrite: (f: string, e: string) => `Could not write ${f}: ${e}`,
    unit: (n: string, t: number, r: number | null) =>
      `${n}: total ${t}${r === null ? ' (not ranked)' : `, rank ${r}`}`,
    wrote: (f: string, n: number) => `Wrote ${f} (${n} unit(s)).`,
  },
} as const;

/**
 * Run the command; returns the exit code.
 * @example await runSummary(['units/'], { output: 'summary.xlsx', lang: 'zh' }, { out: console.log, err: console.error })
 */
export async function runSummary(
  paths: readonly string[],
  opts: SummaryCliOptions,
  io: SummaryIo,
  deps: SummaryDeps = { readWorkbook: (f) => readXlsx(f), writeWorkbook: writeOps },
): Promise<number> {
  const T = TEXT[opts.lang];
  let all: string[];
  try {
    all = expandInputs(paths);
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const out = resolve(opts.output);
  if (all.some((f) => sameFile(f, out))) {
    io.err(T.overInput(opts.output));
    return 2;
  }
  const files = all;
  if (files.length === 0) {
    io.err(T.noInputs);
    return 2;
  }
  const inputs: SummaryInput[] = [];
  for (const file of files) {
    try {
      inputs.push({ file, report: analyzeWorkbook(await deps.readWorkbook(file)) });
    } catch (e) {
      inputs.push({
        file,
        error:
          e instanceof XlsxReadError ? e.messageIn(opts.lang) : e instanceof Error ? e.message : String(e),
      });
    }
  }
  const plan = planSummaryValues(inputs, { lang: opts.lang });
  report(plan, opts.lang, io);
  try {
    await deps.writeWorkbook(out, plan.ops);
  } catch (e) {
    io.err(T.cannotWrite(opts.output, e instanceof Error ? e.message : String(e)));
    return 2;
  }
  io.out(T.wrote(opts.output, plan.units.length));
  const failed = plan.problems.length > 0 || plan.notes.some((n) => n.severity === 'error');
  return failed ? 1 : 0;
}

function report(plan: SummaryValuesPlan, lang: Lang, io: SummaryIo): void {
  for (const u of plan.units) io.out(TEXT[lang].unit(u.name, u.figures.total, u.rank));
  for (const p of plan.problems) {
    const where = [p.file, p.issue.sheet, p.issue.cell].filter(Boolean).join(' ');
    io.err(`${where}: ${formatIssue(p.issue, lang)}`);
  }
  for (const n of plan.notes)
    if (n.severity !== 'error' || n.code !== 'failedChecks') io.err(formatNote(n, lang));
}

/** Register the subcommand on the CLI program. */
export function registerSummary(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('summary')
    .description('汇总各单位评分表 / summarise one workbook per assessed unit into one workbook')
    .argument('<paths...>', '.xlsx 文件或文件夹 / .xlsx files or folders')
    .requiredOption('-o, --output <file>', '要写入的汇总工作簿 / summary workbook to write')
    .option('--lang <lang>', '语言 zh|en / language', 'zh')
    .action(async (paths: string[], o: { output: string; lang: string }) => {
      const lines = { out: (l: string) => io.out(`${l}\n`), err: (l: string) => io.err(`${l}\n`) };
      setExit(await runSummary(paths, { output: o.output, lang: parseLang(o.lang) }, lines));
    });
}

/** Write a values plan into a new workbook with the shared plan writer. */
async function writeOps(file: string, ops: readonly WriteOp[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, { ops: [...ops], owned: [], conflicts: [] });
  await wb.xlsx.writeFile(file);
}
