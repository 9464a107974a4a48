/**
 * `rubric-scorer summary <files or folders…> -o summary.xlsx [--lang zh|en]`: one workbook per unit
 * (as the collecting office receives them) → one new workbook with a 汇总 sheet (values, each row's
 * source file and sheet), a 扣分明细 sheet and a 检查问题 sheet. Inputs are only read.
 *
 * Units whose workbook fails the checks (error-severity findings) are kept in the summary, flagged
 * and left out of the ranking, and their errors are listed on 检查问题 and on stderr: nothing is
 * summed silently. Exit codes as `check`: 0 all clean, 1 errors found, 2 could not run.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../core/analyze';
import { parseRange } from '../../core/a1';
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from '../../core/grid';
import { formatIssue, type Lang } from '../../core/i18n';
import type { WriteOp } from '../../core/plan';
import { formatNote, planSummaryValues, type SummaryInput, type SummaryValuesPlan } from '../../core/summary';

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
    missing: (f: string) => `找不到 ${f}。`,
    unit: (n: string, t: number, r: number | null) =>
      `${n}：总分 ${t}${r === null ? '（未排名）' : `，第 ${r} 名`}`,
    wrote: (f: string, n: number) => `已写入 ${f}（${n} 个单位）。`,
  },
  en: {
    noInputs: 'No .xlsx files to summarise were found.',
    overInput: (f: string) =>
      `The output ${f} is one of the inputs; inputs are never overwritten. Choose another output file.`,
    cannotWrite: (f: string, e: string) => `Could not write ${f}: ${e}`,
    missing: (f: string) => `${f} was not found.`,
    unit: (n: string, t: number, r: number | null) =>
      `${n}: total ${t}${r === null ? ' (not ranked)' : `, rank ${r}`}`,
    wrote: (f: string, n: number) => `Wrote ${f} (${n} unit(s)).`,
  },
} as const;

/** The .xlsx files named, folders expanded (recursively, Office lock files ~$… skipped), in order. */
export async function expandInputs(
  paths: readonly string[],
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (extname(e.name).toLowerCase() === '.xlsx' && !e.name.startsWith('~$')) files.push(p);
    }
  };
  for (const p of paths) {
    const st = await stat(p).catch(() => null);
    if (!st) missing.push(p);
    else if (st.isDirectory()) await walk(p);
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}

/**
 * Run the command; returns the exit code.
 * @example await runSummary(['units/'], { output: 'summary.xlsx', lang: 'zh' }, { out: console.log, err: console.error })
 */
export async function runSummary(
  paths: readonly string[],
  opts: SummaryCliOptions,
  io: SummaryIo,
  deps: SummaryDeps = { readWorkbook: readWithExcelJS, writeWorkbook: writeWithExcelJS },
): Promise<number> {
  const T = TEXT[opts.lang];
  const { files: all, missing } = await expandInputs(paths);
  for (const m of missing) io.err(T.missing(m));
  const out = resolve(opts.output);
  if (all.some((f) => resolve(f) === out)) {
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
      inputs.push({ file, error: e instanceof Error ? e.message : String(e) });
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
  const failed =
    plan.problems.length > 0 || missing.length > 0 || plan.notes.some((n) => n.severity === 'error');
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
export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('汇总各单位评分表 / summarise one workbook per assessed unit into one workbook')
    .argument('<paths...>', '.xlsx files or folders')
    .requiredOption('-o, --output <file>', 'summary workbook to write')
    .option('--lang <lang>', 'zh | en', 'zh')
    .action(async (paths: string[], o: { output: string; lang: string }) => {
      const lang: Lang = o.lang === 'en' ? 'en' : 'zh';
      const io = {
        out: (l: string) => process.stdout.write(`${l}\n`),
        err: (l: string) => process.stderr.write(`${l}\n`),
      };
      process.exitCode = await runSummary(paths, { output: o.output, lang }, io);
    });
}

// Reading and writing with ExcelJS. The shared xlsx adapters replace these once they exist; they are
// kept small: values (formula results as cached), formulas, merges and visibility in, values and
// simple formatting out.

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v)
      return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return null;
}

/** A workbook file as the core's grid. @throws Error when the file is not a readable .xlsx. */
export async function readWithExcelJS(file: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const vr = values[r - 1] ?? [];
        const fr = formulas[r - 1] ?? [];
        values[r - 1] = vr;
        formulas[r - 1] = fr;
        while (vr.length < c) vr.push(null);
        while (fr.length < c) fr.push(null);
        if (cell.isMerged && cell.master !== cell) return;
        vr[c - 1] = cellValue(cell.value);
        fr[c - 1] = cell.formula ? `=${cell.formula}` : null;
      });
    });
    for (let r = 0; r < values.length; r++) {
      values[r] ??= [];
      formulas[r] ??= [];
    }
    const merges: MergeArea[] = [];
    const model = (
      ws as unknown as {
        _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }>;
      }
    )._merges;
    for (const m of Object.values(model ?? {})) {
      if (m.model)
        merges.push({
          top: m.model.top - 1,
          left: m.model.left - 1,
          bottom: m.model.bottom - 1,
          right: m.model.right - 1,
        });
    }
    sheets.push({
      name: ws.name,
      values,
      formulas,
      merges,
      ...(ws.state !== 'visible' ? { hidden: true } : {}),
    });
  });
  return { sheets };
}

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

/** Write a values-only plan to a new workbook (charts, notes and validation are not written). */
export async function writeWithExcelJS(file: string, ops: readonly WriteOp[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = (name: string) => wb.getWorksheet(name) ?? wb.addWorksheet(name);
  for (const op of ops) {
    switch (op.op) {
      case 'addSheet':
        wb.addWorksheet(op.sheet, op.hidden ? { state: op.hidden } : {});
        break;
      case 'value':
        ws(op.sheet).getCell(op.cell).value = op.value;
        break;
      case 'formula':
        ws(op.sheet).getCell(op.cell).value = { formula: op.formula.replace(/^=/, '') };
        break;
      case 'fill':
      case 'font': {
        const r = parseRange(op.range);
        if (!r) break;
        const sheet = ws(op.sheet);
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            const cell = sheet.getCell(row + 1, col + 1);
            if (op.op === 'fill')
              cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(op.color) } };
            else
              cell.font = {
                ...(op.bold !== undefined ? { bold: op.bold } : {}),
                ...(op.color ? { color: { argb: argb(op.color) } } : {}),
              };
          }
        }
        break;
      }
      case 'merge':
        ws(op.sheet).mergeCells(op.range);
        break;
      case 'columnWidth':
        ws(op.sheet).getColumn(op.col).width = op.width;
        break;
      case 'numberFormat': {
        const r = parseRange(op.range);
        if (!r) break;
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++)
            ws(op.sheet).getCell(row + 1, col + 1).numFmt = op.format;
        }
        break;
      }
      default:
        break;
    }
  }
  await wb.xlsx.writeFile(file);
}
