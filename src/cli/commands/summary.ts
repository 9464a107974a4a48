/**
 * `rubric-scorer summary <files or folders…> -o summary.xlsx [--lang zh|en]`: one workbook per unit
 * (as the collecting office receives them) → one new workbook with a 汇总 sheet (values, each row's
 * source file and sheet), a 扣分明细 sheet and a 检查问题 sheet. Inputs are only read.
 *
 * Units whose workbook fails the checks (error-severity findings) are kept in the summary, flagged
 * and left out of the ranking, and their errors are listed on 检查问题 and on stderr: nothing is
 * summed silently. Exit codes as `check`: 0 all clean, 1 errors found, 2 could not run.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type SheetProblem, sheetProblemText } from '../../adapters/xlsx/errors';
import { readXlsxWorkbook, XlsxReadError } from '../../adapters/xlsx/read';
import { analyzeWorkbook } from '../../core/analyze';
import type { WorkbookGrid } from '../../core/grid';
import { formatIssue, type Lang } from '../../core/i18n';
import { CLI_TEXT } from '../../core/i18n/cli';
import type { WriteOp } from '../../core/plan';
import {
  formatNote,
  type GradeBand,
  type GradeQuota,
  parseGradesOption,
  parseQuotaOption,
  planSummaryValues,
  RANK_MODES,
  type RankMode,
  rosterNames,
  rosterRowsFromText,
  type SummaryInput,
  type SummaryValuesPlan,
} from '../../core/summary';
import { COMBINE_MODES, type CombineMode, parseWeights } from '../../core/summary/assessors';
import { DEFAULT_SPREAD } from '../../core/summary/spread';
import { expandInputs, pathProblemText, sameFile } from '../files';
import { unexpectedText } from './check';
import { type CliIO, oneLine, parseLang, UsageError } from '../io';
import { CliFsError, checkOutputPath, errnoCode, fsErrorText, writeOutputFile } from '../output';

export interface SummaryCliOptions {
  output: string;
  lang: Lang;
  /** 中国式排名 (dense, default in Chinese) or competition ranking. */
  rank?: RankMode;
  /** A roster of the units expected: a text/CSV file (one name a line) or an .xlsx (first column of names). */
  roster?: string;
  /** The roster's sheet in an .xlsx roster (default: the first sheet with names). */
  rosterSheet?: string;
  /** Replace an existing output file. */
  force?: boolean;
  /** 等次 thresholds (over what the rubrics' notes say), see parseGrades. */
  grades?: GradeBand[];
  /** 等次 quotas (over what the rubrics' notes say), see parseQuota. */
  quota?: GradeQuota[];
  /** How several assessors' workbooks of one unit are combined (default mean). */
  assessors?: CombineMode;
  /** Assessor (role) → weight, for `weighted`. */
  weights?: ReadonlyMap<string, number>;
  /** Add the 结果通知单 sheet: one printable page per unit. */
  slips?: boolean;
  /** Mark items whose assessors' scores differ by more than this (default DEFAULT_SPREAD). */
  spread?: number;
}

export interface SummaryIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** How workbooks are read and written; replaceable (the shared xlsx adapters, tests). */
export interface SummaryDeps {
  readWorkbook: (file: string) => Promise<WorkbookGrid>;
  writeWorkbook: (
    file: string,
    ops: readonly WriteOp[],
    pageBreaks?: SummaryValuesPlan['pageBreaks'],
  ) => Promise<void>;
}

/**
 * Run the command; returns the exit code.
 * @example await runSummary(['units/'], { output: 'summary.xlsx', lang: 'zh' }, { out: console.log, err: console.error })
 */
export async function runSummary(
  paths: readonly string[],
  opts: SummaryCliOptions,
  io: SummaryIo,
  deps: SummaryDeps = {
    readWorkbook: (f) => readRecordingLeftOut(f),
    writeWorkbook: (f, ops, pageBreaks) =>
      writeOps(f, ops, pageBreaks ?? [], {
        force: opts.force ?? false,
        lang: opts.lang,
        extensions: ['.xlsx'],
      }),
  },
): Promise<number> {
  const T = CLI_TEXT[opts.lang].summary;
  // A path that cannot be used (a looping link) or a sheet the reader left out is said, and fails the run.
  let leftOut = false;
  let all: string[];
  try {
    all = expandInputs(paths, (p) => {
      io.err(pathProblemText(p, opts.lang));
      leftOut = true;
    });
  } catch (e) {
    io.err(e instanceof UsageError ? e.message : unexpectedText(paths.join(' '), opts.lang));
    return 2;
  }
  const out = resolve(opts.output);
  if (all.some((f) => sameFile(f, out))) {
    io.err(T.overInput(opts.output));
    return 2;
  }
  try {
    await checkOutputPath(opts.output, {
      force: opts.force ?? false,
      lang: opts.lang,
      extensions: ['.xlsx'],
    });
  } catch (e) {
    if (!(e instanceof CliFsError)) throw e;
    io.err(e.message);
    return 2;
  }
  let roster: string[] | undefined;
  if (opts.roster !== undefined) {
    const r = await readRoster(opts.roster, opts.rosterSheet, opts.lang, deps);
    if (typeof r === 'string') {
      io.err(r);
      return 2;
    }
    roster = r;
  }
  // A roster kept in the folder of the workbooks is the roster, not a unit.
  const rosterFile = opts.roster;
  const files = rosterFile === undefined ? all : all.filter((f) => !sameFile(f, rosterFile));
  if (files.length === 0) {
    io.err(T.noInputs);
    return 2;
  }
  const inputs: SummaryInput[] = [];
  for (const file of files) {
    try {
      const grid = await deps.readWorkbook(file);
      for (const p of LEFT_OUT.get(grid) ?? []) {
        io.err(`${file}: ${sheetProblemText(p, opts.lang)}`);
        leftOut = true;
      }
      inputs.push({ file, report: analyzeWorkbook(grid), grid });
    } catch (e) {
      inputs.push({
        file,
        error: e instanceof XlsxReadError ? e.messageIn(opts.lang) : unexpectedText(file, opts.lang),
      });
    }
  }
  const plan = planSummaryValues(inputs, {
    lang: opts.lang,
    ...(opts.slips === true ? { slips: true } : {}),
    ...(opts.spread !== undefined ? { spread: opts.spread } : {}),
    ...(opts.assessors || opts.weights
      ? {
          assessors: {
            mode: opts.assessors ?? 'mean',
            ...(opts.weights ? { weights: opts.weights } : {}),
          },
        }
      : {}),
    ...(opts.rank ? { rankMode: opts.rank } : {}),
    ...(roster ? { roster } : {}),
    ...(opts.grades || opts.quota
      ? {
          grades: {
            ...(opts.grades ? { bands: opts.grades } : {}),
            ...(opts.quota ? { quotas: opts.quota } : {}),
          },
        }
      : {}),
  });
  report(plan, opts.lang, io);
  try {
    await deps.writeWorkbook(out, plan.ops, plan.pageBreaks);
  } catch (e) {
    io.err(
      e instanceof CliFsError
        ? e.message
        : errnoCode(e) !== ''
          ? fsErrorText('write', errnoCode(e), opts.output, opts.lang)
          : T.cannotWrite(opts.output),
    );
    return 2;
  }
  io.out(T.wrote(opts.output, plan.units.length));
  const failed = leftOut || plan.problems.length > 0 || plan.notes.some((n) => n.severity === 'error');
  return failed ? 1 : 0;
}

/** Sheets the reader left out of each grid read by the default reader, to be said. */
const LEFT_OUT = new WeakMap<WorkbookGrid, SheetProblem[]>();

async function readRecordingLeftOut(file: string): Promise<WorkbookGrid> {
  const book = await readXlsxWorkbook(file);
  if (book.skipped) LEFT_OUT.set(book.grid, book.skipped);
  return book.grid;
}

/** The roster's names, or the message saying why it cannot be used. */
async function readRoster(
  file: string,
  sheet: string | undefined,
  lang: Lang,
  deps: SummaryDeps,
): Promise<string[] | string> {
  const T = CLI_TEXT[lang].summary;
  let names: string[];
  try {
    if (/\.xlsx$/i.test(file)) {
      const wb = await deps.readWorkbook(file);
      const sheets = sheet === undefined ? wb.sheets : wb.sheets.filter((s) => s.name === sheet);
      if (sheets.length === 0) return T.rosterSheetMissing(file, sheet ?? '');
      names = sheets.map((s) => rosterNames(s.values)).find((n) => n.length > 0) ?? [];
    } else {
      names = rosterNames(rosterRowsFromText(await readFile(file, 'utf8')));
    }
  } catch (e) {
    // Said in the product's words: a file-system error by its code, a workbook by the reader.
    if (errnoCode(e) !== '') return fsErrorText('read', errnoCode(e), file, lang);
    if (e instanceof XlsxReadError) return e.messageIn(lang);
    return T.rosterUnreadable(file);
  }
  return names.length > 0 ? names : T.rosterEmpty(file);
}

function report(plan: SummaryValuesPlan, lang: Lang, io: SummaryIo): void {
  const T = CLI_TEXT[lang].summary;
  for (const u of plan.units) io.out(T.unit(oneLine(u.name), u.figures.total, u.rank));
  if (plan.spread) {
    const s = plan.spread;
    io.out(T.spread(s.over, s.items, s.units, s.threshold));
  }
  if (plan.missing.length > 0)
    io.out(
      T.missing(plan.missing.length, plan.missing.map((m) => m.name).join(CLI_TEXT[lang].listSeparator)),
    );
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
    .option('--force', '输出文件已存在时替换它 / replace the output file if it exists')
    .option(
      '--rank <mode>',
      '排名方式 dense（中国式排名，中文默认）| competition（并列占位）/ ranking: dense (default in Chinese) or competition',
    )
    .option('--roster <file>', '参评单位名单（每行一个，或 .xlsx 的一列）/ roster of units expected')
    .option('--roster-sheet <name>', '名单所在的工作表 / the roster sheet in an .xlsx roster')
    .option(
      '--grades <bands>',
      '等次分数线，如 "优秀:90,良好:80,合格:60,不合格"（替代评分表说明中的分数线）/ grade thresholds, e.g. "优秀:90,良好:80,合格:60,不合格"',
    )
    .option(
      '--quota <quotas>',
      '等次名额，如 "优秀:30%" 或 "优秀:3"（个数为 1 或以上的整数；替代评分表说明中的名额）/ grade quotas, e.g. "优秀:30%" or "优秀:3" (a count is a whole number, 1 or more)',
    )
    .option(
      '--assessors <mode>',
      '同一单位有几位考核人的评分表时的合并方式 mean（平均，默认）| trimmed（去掉一个最高分和一个最低分）| weighted（按 --weights 加权）/ combining several assessors of one unit: mean (default), trimmed or weighted',
    )
    .option(
      '--weights <weights>',
      '各考核人（角色）的权重，如 "组长=2,组员=1"（未列出的为 1）/ weight per assessor or role, e.g. "组长=2,组员=1" (others 1)',
    )
    .option(
      '--slips',
      '另加“结果通知单”工作表：每个单位一页（各项得分、扣分原因、总分、排名、等次、签字栏），可直接打印 / add a sheet of printable result slips, one page per unit',
    )
    .option(
      '--spread <points>',
      `几位考核人对同一项的评分差距（最高分−最低分）超过此分数时在“评分差异”表中标出，默认 ${DEFAULT_SPREAD} 分 / mark items whose assessors' scores differ by more than this (default ${DEFAULT_SPREAD})`,
    )
    .action(
      async (
        paths: string[],
        o: {
          slips?: boolean;
          spread?: string;
          assessors?: string;
          weights?: string;
          output: string;
          lang: string;
          force?: boolean;
          rank?: string;
          roster?: string;
          rosterSheet?: string;
          grades?: string;
          quota?: string;
        },
      ) => {
        const lines = { out: (l: string) => io.out(`${l}\n`), err: (l: string) => io.err(`${l}\n`) };
        const lang = parseLang(o.lang);
        setExit(
          await runSummary(
            paths,
            {
              output: o.output,
              lang,
              force: o.force ?? false,
              ...(o.slips === true ? { slips: true } : {}),
              ...(o.spread !== undefined ? { spread: parseSpread(o.spread) } : {}),
              ...(o.rank !== undefined ? { rank: parseRank(o.rank) } : {}),
              ...(o.roster !== undefined ? { roster: o.roster } : {}),
              ...(o.rosterSheet !== undefined ? { rosterSheet: o.rosterSheet } : {}),
              ...(o.grades !== undefined ? { grades: parseGrades(o.grades) } : {}),
              ...(o.quota !== undefined ? { quota: parseQuota(o.quota) } : {}),
              ...(o.assessors !== undefined ? { assessors: parseAssessors(o.assessors) } : {}),
              ...(o.weights !== undefined ? { weights: parseWeightsOption(o.weights) } : {}),
            },
            lines,
          ),
        );
      },
    );
}

/** --rank's value. @throws UsageError for anything but dense or competition */
export function parseRank(v: string): RankMode {
  const m = RANK_MODES.find((x) => x === v);
  if (m) return m;
  throw new UsageError(
    `--rank 只接受 dense（中国式排名）或 competition（收到“${v}”）/ --rank takes dense or competition (got "${v}")`,
  );
}

/** --spread's value. @throws UsageError unless a number of points, 0 or more */
export function parseSpread(v: string): number {
  const n = Number(v.trim());
  if (v.trim() !== '' && Number.isFinite(n) && n >= 0) return n;
  throw new UsageError(
    `--spread 应为分数（0 或正数），如 --spread 1.5（收到“${v}”）/ --spread takes a number of points, 0 or more, e.g. --spread 1.5 (got "${v}")`,
  );
}

/** --grades's value. @throws UsageError when a part is not "等次:分数" (the last may have no number) */
export function parseGrades(v: string): GradeBand[] {
  const r = parseGradesOption(v);
  if (Array.isArray(r)) return r;
  throw new UsageError(
    `--grades 应写成“等次:最低分”，用逗号分隔，最低一档可不写分数，如“优秀:90,良好:80,合格:60,不合格”；每个等次、每个分数只能出现一次（无法读取“${r.error}”）/ --grades takes "grade:minimum" pairs separated by commas, the lowest without a number, e.g. "优秀:90,良好:80,合格:60,不合格"; each grade and each minimum once (could not read "${r.error}")`,
  );
}

/** --assessors's value. @throws UsageError for anything but mean, trimmed or weighted */
export function parseAssessors(v: string): CombineMode {
  const m = COMBINE_MODES.find((x) => x === v);
  if (m) return m;
  throw new UsageError(
    `--assessors 只接受 mean（平均）、trimmed（去掉一个最高分和一个最低分）或 weighted（加权）（收到“${v}”）/ --assessors takes mean, trimmed or weighted (got "${v}")`,
  );
}

/** --weights's value. @throws UsageError when a part is not "考核人=权重" with a positive weight */
export function parseWeightsOption(v: string): Map<string, number> {
  const r = parseWeights(v);
  if (r instanceof Map) return r;
  throw new UsageError(
    `--weights 应写成“考核人=权重”，用逗号分隔，权重为正数，如“组长=2,组员=1”（无法读取“${r.error}”）/ --weights takes "assessor=weight" pairs separated by commas, each weight positive, e.g. "组长=2,组员=1" (could not read "${r.error}")`,
  );
}

/** --quota's value. @throws UsageError when a part is not "等次:百分比%" or "等次:个数" */
export function parseQuota(v: string): GradeQuota[] {
  const r = parseQuotaOption(v);
  if (Array.isArray(r)) return r;
  if (r.problem === 'count')
    throw new UsageError(
      `--quota 的名额个数应为 1 或以上的整数，如“优秀:3”（收到“${r.error}”）/ --quota: a count of units must be a whole number, 1 or more, e.g. "优秀:3" (got "${r.error}")`,
    );
  if (r.problem === 'share')
    throw new UsageError(
      `--quota 的名额比例应大于 0、不超过 100%，如“优秀:30%”（收到“${r.error}”）/ --quota: a share must be above 0% and at most 100%, e.g. "优秀:30%" (got "${r.error}")`,
    );
  throw new UsageError(
    `--quota 应写成“等次:百分比%”或“等次:个数”，如“优秀:30%”或“优秀:3”（无法读取“${r.error}”）/ --quota takes "grade:share%" or "grade:count", e.g. "优秀:30%" or "优秀:3" (could not read "${r.error}")`,
  );
}

/**
 * Write a values plan into a new workbook with the shared plan writer (temporary file, then rename).
 * ExcelJS and the writer (which loads it) are imported here, when a summary is written, so that the
 * other commands (`check`, `--help`) do not pay for loading them.
 */
async function writeOps(
  file: string,
  ops: readonly WriteOp[],
  pageBreaks: SummaryValuesPlan['pageBreaks'],
  output: Parameters<typeof writeOutputFile>[2],
): Promise<void> {
  const [{ default: ExcelJS }, { applyPlan }, { applyPageBreaks }] = await Promise.all([
    import('exceljs'),
    import('../../adapters/xlsx/write'),
    import('../../adapters/xlsx/summary-pages'),
  ]);
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, { ops: [...ops], owned: [], conflicts: [] });
  applyPageBreaks(wb, pageBreaks);
  await writeOutputFile(file, new Uint8Array(await wb.xlsx.writeBuffer()), output);
}
