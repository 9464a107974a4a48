/** `rubric-scorer check`: read workbooks, score and check every rubric sheet, report. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  a1,
  analyzeWorkbook,
  countBySeverity,
  formatIssue,
  type Issue,
  type IssueCode,
  RUBRIC_ISSUE_CODES,
  ruleSummary,
  type SheetReport,
} from '../../core';
import { readXlsx, XlsxReadError } from '../../adapters/xlsx/read';
import { expandInputs } from '../files';
import { type CliIO, type Lang, parseLang } from '../io';

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
  rule: { text: string; summary: string };
}

export interface JsonSheet {
  name: string;
  total: number;
  max: number;
  vetoed: boolean;
  items: JsonItem[];
  issues: JsonIssue[];
}

export interface JsonFile {
  file: string;
  sheets: JsonSheet[];
  /** Sheets not read as rubrics, with why. */
  skipped: { name: string; reason: string; message: string }[];
  /** Workbook-level findings. */
  issues: JsonIssue[];
  /** Present when the file could not be read at all. */
  error?: { code: string; message: string };
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

function sheetJson(s: SheetReport, lang: Lang): JsonSheet | null {
  const a = s.analysis;
  if (!a) return null;
  const { table, score } = a;
  const entryCol = table.columns.deduction ?? table.columns.score ?? table.columns.points ?? 0;
  return {
    name: s.sheet,
    total: score.total,
    max: score.max,
    vetoed: score.vetoed,
    items: table.items.map((item, n) => {
      const sc = score.items[n]!;
      return {
        cell: a1(item.row, entryCol),
        label: item.label,
        max: sc.max,
        deduction: sc.deduction,
        score: sc.score,
        rule: { text: a.rules[item.id]?.source ?? item.criteria, summary: ruleSummary(a, item.id, lang) },
      };
    }),
    issues: s.issues.map((i) => jsonIssue(i, lang)),
  };
}

/** Check one file; never throws for a bad file. */
export async function checkFile(path: string, lang: Lang): Promise<JsonFile> {
  try {
    const wb = await readXlsx(path);
    const report = analyzeWorkbook(wb);
    const sheets = report.sheets.map((s) => sheetJson(s, lang)).filter((s): s is JsonSheet => s !== null);
    const skipped = report.sheets
      .filter((s) => s.skipped && s.issues.length > 0)
      .map((s) => ({ name: s.sheet, reason: s.skipped!.reason, message: formatIssue(s.issues[0]!, lang) }));
    const issues = report.issues.map((i) => jsonIssue(i, lang));
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
    const detail =
      e instanceof XlsxReadError ? e.messageIn(lang) : e instanceof Error ? e.message : String(e);
    return {
      file: path,
      sheets: [],
      skipped: [],
      issues: [],
      error: { code: 'fileUnreadable', message: detail },
    };
  }
}

export function hasErrors(f: JsonFile): boolean {
  return (
    Boolean(f.error) ||
    f.issues.some((i) => i.severity === 'error') ||
    f.sheets.some((s) => s.issues.some((i) => i.severity === 'error'))
  );
}

const SEV_TEXT = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

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

/** The readable report. */
export function renderText(report: CheckReport, lang: Lang): string {
  const T = SEV_TEXT[lang];
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let sheets = 0;
  for (const f of report.files) {
    lines.push(f.file);
    if (f.error) {
      lines.push(`  ✗ ${f.error.message}`);
      errors++;
      lines.push('');
      continue;
    }
    for (const i of f.issues) lines.push(`  ${i.severity === 'error' ? '✗' : '!'} ${i.message}`);
    // A rubric finding that stands identically on several sheets (one rubric, a sheet per unit) is
    // printed once, above the sheets.
    const shared = sharedRubricFindings(f.sheets);
    if (shared.size > 0) {
      lines.push(
        lang === 'en'
          ? '  The rubric itself (the same on every sheet listed):'
          : '  评分细则本身的问题（以下各表相同）：',
      );
      for (const [key, names] of shared) {
        const i = f.sheets.flatMap((s) => s.issues).find((x) => findingKey(x) === key)!;
        lines.push(`    [${T[i.severity]}] ${i.cell ?? '—'}  ${i.message}  (${names.join('、')})`);
      }
    }
    for (const s of f.sheets) {
      sheets++;
      const c = countBySeverity(s.issues.map((i) => ({ ...i, sheet: s.name, params: {} }) as Issue));
      errors += c.error;
      warnings += c.warning;
      const veto = s.vetoed ? (lang === 'en' ? ' (vetoed)' : '（一票否决）') : '';
      lines.push(
        lang === 'en'
          ? `  Sheet "${s.name}": ${s.total} / ${s.max}${veto} — ${c.error} errors, ${c.warning} warnings, ${c.info} notes`
          : `  工作表「${s.name}」：得分 ${s.total} / ${s.max}${veto}，错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`,
      );
      for (const sev of ['error', 'warning', 'info'] as const) {
        for (const i of s.issues.filter((x) => x.severity === sev && !shared.has(findingKey(x)))) {
          lines.push(`    [${T[sev]}] ${i.cell ?? '—'}  ${i.message}`);
        }
      }
    }
    for (const k of f.skipped)
      lines.push(`  · ${lang === 'en' ? `Sheet "${k.name}"` : `工作表「${k.name}」`}: ${k.message}`);
    lines.push('');
  }
  const files = report.files.length;
  lines.push(
    lang === 'en'
      ? `${files} files, ${sheets} rubric sheets: ${errors} errors, ${warnings} warnings.${errors === 0 ? ' Ready to submit.' : ''}`
      : `共 ${files} 个文件、${sheets} 张评分表：错误 ${errors} 个，警告 ${warnings} 个。${errors === 0 ? '可以提交。' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Run `check`; returns the exit code (0 clean, 1 errors found). @throws UsageError */
export async function runCheck(
  inputs: string[],
  opts: { json?: boolean; lang?: string },
  io: CliIO,
): Promise<number> {
  const lang = parseLang(opts.lang);
  const paths = expandInputs(inputs);
  const files: JsonFile[] = [];
  const progress = paths.length > 1 && io.errIsTTY;
  for (const [n, p] of paths.entries()) {
    if (progress) io.err(`\r${n + 1}/${paths.length} ${basename(p)}\u001b[K`);
    files.push(await checkFile(p, lang));
  }
  if (progress) io.err('\r\u001b[K');
  const report: CheckReport = { files };
  io.out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report, lang));
  return files.some(hasErrors) ? 1 : 0;
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
