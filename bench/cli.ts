/**
 * The CLI's figures for bench/run.ts: its start-up (check --json on one small workbook) and its wall
 * time on the 50-workbook folder, beside LibreOffice Calc converting the same folder. The CLI is
 * built first (vite.cli.config.ts into dist-cli/, as `npm ci` does) and started from that build, so a
 * source file edited after the last build does not turn the figure into a TypeScript compile.
 * Run alone: npx tsx bench/cli.ts [runs] (median of `runs` runs of each, 5 unless told).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { build } from 'vite';
import type { SheetGrid } from '../src/core/grid';
import { benchSheet } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..');
const BUILT = join(ROOT, 'dist-cli', 'main.js');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Build the CLI as `npm ci` does (the `prepare` script). */
export async function buildCli(): Promise<void> {
  await build({ configFile: join(ROOT, 'vite.cli.config.ts'), logLevel: 'silent' });
}

/** Write one rubric sheet as an .xlsx with ExcelJS (values and merges). */
export async function writeXlsx(path: string, sheet: SheetGrid): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  sheet.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  await wb.xlsx.writeFile(path);
}

/** The bench's folder: 50 workbooks, one rubric sheet of 60 items each. */
export async function writeFiftyWorkbooks(dir: string): Promise<void> {
  for (let i = 0; i < 50; i++)
    await writeXlsx(join(dir, `unit-${i + 1}.xlsx`), benchSheet(`单位${i + 1}`, 60, i + 3));
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (ms, user + system) of this process's children that have ended, from /proc/self/stat;
 * null where there is no /proc. On a busy machine a child's wall time includes waiting for a core,
 * its CPU time does not.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): the third is first.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * One CLI process started from the build with `args`: its wall time and CPU time (ms; CPU null
 * without /proc). Exit code 1 (errors found in the workbooks) is fine for timing.
 */
export function timeBuiltCli(args: readonly string[]): { wallMs: number; cpuMs: number | null } {
  const launch = `const m = await import(${JSON.stringify(pathToFileURL(BUILT).href)}); process.exitCode = await m.run(${JSON.stringify(args)});`;
  const cpu0 = childrenCpuMs();
  const t = performance.now();
  try {
    execFileSync(process.execPath, ['--input-type=module', '-e', launch], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
  } catch {
    // exit code 1: errors in the workbooks
  }
  const wallMs = performance.now() - t;
  const cpu1 = childrenCpuMs();
  return { wallMs, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

/**
 * LibreOffice Calc converting every workbook in a folder to CSV in one headless process (a private
 * profile, so a running LibreOffice does not interfere): wall and CPU time in ms (CPU null without
 * /proc); null when soffice is not installed.
 */
export function libreOfficeMs(dir: string): { wallMs: number; cpuMs: number | null } | null {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.xlsx'))
    .map((n) => join(dir, n));
  const work = mkdtempSync(join(tmpdir(), 'rubric-bench-lo-'));
  try {
    const cpu0 = childrenCpuMs();
    const t = performance.now();
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        join(work, 'out'),
        ...files,
      ],
      { stdio: 'ignore', timeout: 600_000 },
    );
    const wallMs = performance.now() - t;
    const cpu1 = childrenCpuMs();
    return { wallMs, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
  } catch {
    return null;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface CliBench {
  /** check --json on one workbook of one sheet × 10 items: mostly start-up. */
  startupMs: number;
  /** Its CPU time, or null without /proc. */
  startupCpuMs: number | null;
  /** check --json on the 50-workbook folder, one process. */
  fiftyMs: number;
  /** Its CPU time, or null without /proc. */
  fiftyCpuMs: number | null;
  /** LibreOffice on the same folder (one run), or null without soffice. */
  libreOffice: { wallMs: number; cpuMs: number | null } | null;
  runs: number;
}

/** Build the CLI, then time it: medians of `runs` runs each. */
export async function benchCli(runs = 5, withLibreOffice = true): Promise<CliBench> {
  await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'rubric-bench-'));
  const small = mkdtempSync(join(tmpdir(), 'rubric-bench-small-'));
  try {
    await writeFiftyWorkbooks(dir);
    const one = join(small, 'one.xlsx');
    await writeXlsx(one, benchSheet('单位', 10, 7));
    timeBuiltCli(['check', one, '--json']); // warm the file cache
    const startup: ReturnType<typeof timeBuiltCli>[] = [];
    const fifty: ReturnType<typeof timeBuiltCli>[] = [];
    for (let i = 0; i < runs; i++) {
      startup.push(timeBuiltCli(['check', one, '--json']));
      fifty.push(timeBuiltCli(['check', dir, '--json']));
    }
    const cpu = (xs: ReturnType<typeof timeBuiltCli>[]) =>
      xs.every((x) => x.cpuMs !== null) ? median(xs.map((x) => x.cpuMs!)) : null;
    return {
      startupMs: median(startup.map((x) => x.wallMs)),
      startupCpuMs: cpu(startup),
      fiftyMs: median(fifty.map((x) => x.wallMs)),
      fiftyCpuMs: cpu(fifty),
      libreOffice: withLibreOffice ? libreOfficeMs(dir) : null,
      runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(small, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const runs = Number(process.argv[2] ?? 5);
  const r = await benchCli(runs);
  const cpu = (ms: number | null) => (ms === null ? '' : `, CPU ${ms.toFixed(0)} ms`);
  console.log(
    `cli: start-up (check --json, one workbook of 10 items): ${r.startupMs.toFixed(0)} ms${cpu(r.startupCpuMs)} (medians of ${runs})`,
  );
  console.log(
    `cli: check --json on 50 workbooks × 60 items: ${r.fiftyMs.toFixed(0)} ms${cpu(r.fiftyCpuMs)} (medians of ${runs})`,
  );
  const lo = r.libreOffice;
  if (lo !== null)
    console.log(
      `cli vs LibreOffice: ${lo.wallMs.toFixed(0)} ms${cpu(lo.cpuMs)}; ratio ${(r.fiftyMs / lo.wallMs).toFixed(3)}${lo.cpuMs !== null && r.fiftyCpuMs !== null ? `, of CPU times ${(r.fiftyCpuMs / lo.cpuMs).toFixed(3)}` : ''}`,
    );
}
