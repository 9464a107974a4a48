/**
 * Benchmarks (not timed tests): the core on 100 sheets × 60 items, the CLI on 50 workbooks, and,
 * where the add-in's pieces are present, the task pane's bundle size and time to interactive.
 * Run: npm run bench. Figures are printed; README records them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../src/core';
import type { SheetGrid } from '../src/core/grid';
import { benchSheet, benchWorkbook } from './fixtures';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** "(met: …)" or "(NOT met: …)", beside a figure. */
function goal(met: boolean, what: string): string {
  return `(${met ? 'met' : 'NOT met'}: ${what})`;
}

/**
 * LibreOffice Calc converting every workbook in a folder to CSV in one headless process (a private
 * profile, so a running LibreOffice does not interfere), in ms; null when soffice is not installed.
 */
function libreOfficeMs(dir: string): number | null {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.xlsx'))
    .map((n) => join(dir, n));
  const work = mkdtempSync(join(tmpdir(), 'rubric-bench-lo-'));
  try {
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
    return performance.now() - t;
  } catch {
    return null;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function time(runs: number, f: () => void): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

async function writeXlsx(path: string, sheet: SheetGrid): Promise<void> {
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

async function main(): Promise<void> {
  const lines: string[] = [];
  const out = (s: string) => {
    lines.push(s);
    console.log(s);
  };

  const wb = benchWorkbook(100, 60);
  analyzeWorkbook(wb); // warm-up
  const cpu0 = process.cpuUsage();
  const coreMs = time(5, () => analyzeWorkbook(wb));
  const cpu = process.cpuUsage(cpu0);
  // CPU time beside the wall time: on a busy machine the wall time includes waiting for a core.
  const coreCpuMs = (cpu.user + cpu.system) / 1000 / 5;
  out(
    `core: analyzeWorkbook, 100 sheets × 60 items: ${coreMs.toFixed(0)} ms (median of 5), ${(coreMs / 100).toFixed(2)} ms/sheet, CPU ${coreCpuMs.toFixed(0)} ms per run (mean) ${goal(coreMs <= 100, 'goal ≤ 100 ms')}`,
  );

  try {
    const { planWrite } = await import('../src/core/writeback');
    const report = analyzeWorkbook(wb);
    const planMs = time(5, () =>
      planWrite(wb, report, { entryColumns: true, meta: report.meta, lang: 'zh' }),
    );
    const plan = planWrite(wb, report, { entryColumns: true, meta: report.meta, lang: 'zh' });
    out(
      `core: planWrite with entry columns, 100 sheets × 60 items: ${planMs.toFixed(0)} ms (median of 5), ${plan.ops.length} operations`,
    );
  } catch (e) {
    out(`core: planWrite not measured (${e instanceof Error ? e.message : String(e)})`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'rubric-bench-'));
  let cliMs = Number.NaN;
  try {
    for (let i = 0; i < 50; i++)
      await writeXlsx(join(dir, `unit-${i + 1}.xlsx`), benchSheet(`单位${i + 1}`, 60, i + 3));
    const bin = join(process.cwd(), 'bin', 'rubric-scorer.js');
    const t = performance.now();
    try {
      execFileSync(process.execPath, [bin, 'check', dir, '--json'], {
        stdio: ['ignore', 'ignore', 'ignore'],
      });
    } catch {
      // Exit code 1 means errors were found in the workbooks, which is fine for timing.
    }
    cliMs = performance.now() - t;
    out(
      `cli: rubric-scorer check on 50 workbooks × 60 items (one process): ${cliMs.toFixed(0)} ms, ${(cliMs / 50).toFixed(1)} ms/workbook`,
    );
    const lo = libreOfficeMs(dir);
    if (lo === null) out('cli vs LibreOffice: not measured (soffice is not installed)');
    else
      out(
        `cli vs LibreOffice: soffice --convert-to csv on the same 50 workbooks (one process) ${lo.toFixed(0)} ms; ratio ${(cliMs / lo).toFixed(3)} ${goal(cliMs / lo <= 0.1, 'goal ≤ 0.10')}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const read = await import('./read');
  const r = await read.benchRead();
  out(`read: baseline (readers loaded, nothing read) ${r.baselineRssMB} MB peak RSS`);
  for (const f of r.files) {
    const show = (x: (typeof f)['stream'] | null) =>
      !x ? 'not run' : x.error ? `failed (${x.error})` : `${x.ms} ms, ${x.peakRssMB} MB`;
    out(`read: ${f.file} (${f.sizeKB} KB): streaming reader ${show(f.stream)}; ExcelJS ${show(f.exceljs)}`);
  }

  if (existsSync(join(process.cwd(), 'bench', 'page-load.ts'))) {
    const page = await import('./page-load');
    const bundle = await page.measureBundle();
    const first = bundle.firstLoadGzip / 1024;
    out(
      `add-in: first load ${first.toFixed(1)} KiB gzip ${goal(first <= 160, 'goal ≤ 160 KiB')}, total ${(bundle.totalGzip / 1024).toFixed(1)} KiB gzip (${bundle.files.length} files)`,
    );
    const load = await page.measurePageLoad();
    out(`playground: page load to interactive task pane in Chromium: ${load.msToInteractive.toFixed(0)} ms`);
    const slow = await page.measurePageLoad(4);
    out(
      `playground: the same at 4× CPU slowdown: ${slow.msToInteractive.toFixed(0)} ms ${goal(slow.msToInteractive <= 1500, 'goal ≤ 1.5 s')}`,
    );
  }
  out(`machine: ${process.version}, ${(await import('node:os')).cpus().length} cores`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
