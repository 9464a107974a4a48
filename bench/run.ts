/**
 * Benchmarks (not timed tests): the core on 100 sheets × 60 items, the CLI on 50 workbooks, and,
 * where the add-in's pieces are present, the task pane's bundle size and time to interactive.
 * Run: npm run bench. Figures are printed; README records them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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
  const coreMs = time(5, () => analyzeWorkbook(wb));
  out(`core: analyzeWorkbook, 100 sheets × 60 items: ${coreMs.toFixed(0)} ms (median of 5), ${(coreMs / 100).toFixed(2)} ms/sheet`);

  try {
    const { planWrite } = await import('../src/core/writeback');
    const report = analyzeWorkbook(wb);
    const planMs = time(5, () => planWrite(wb, report, { entryColumns: true, meta: report.meta, lang: 'zh' }));
    const plan = planWrite(wb, report, { entryColumns: true, meta: report.meta, lang: 'zh' });
    out(`core: planWrite with entry columns, 100 sheets × 60 items: ${planMs.toFixed(0)} ms (median of 5), ${plan.ops.length} operations`);
  } catch (e) {
    out(`core: planWrite not measured (${e instanceof Error ? e.message : String(e)})`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'rubric-bench-'));
  try {
    for (let i = 0; i < 50; i++) await writeXlsx(join(dir, `unit-${i + 1}.xlsx`), benchSheet(`单位${i + 1}`, 60, i + 3));
    const bin = join(process.cwd(), 'bin', 'rubric-scorer.js');
    const t = performance.now();
    try {
      execFileSync(process.execPath, [bin, 'check', dir, '--json'], { stdio: ['ignore', 'ignore', 'ignore'] });
    } catch {
      // Exit code 1 means errors were found in the workbooks, which is fine for timing.
    }
    const cliMs = performance.now() - t;
    out(`cli: rubric-scorer check on 50 workbooks × 60 items (one process): ${cliMs.toFixed(0)} ms, ${(cliMs / 50).toFixed(1)} ms/workbook`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (existsSync(join(process.cwd(), 'bench', 'page-load.ts'))) {
    const page = await import('./page-load');
    const bundle = await page.measureBundle();
    out(`add-in: production bundle ${(bundle.totalGzip / 1024).toFixed(1)} KiB gzip (${bundle.files.length} files)`);
    const load = await page.measurePageLoad();
    out(`playground: page load to interactive task pane in Chromium: ${load.msToInteractive.toFixed(0)} ms`);
  }
  out(`machine: ${process.version}, ${(await import('node:os')).cpus().length} cores`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
