/**
 * Benchmarks (not timed tests): the core on 100 sheets × 60 items, the CLI on 50 workbooks, and,
 * where the add-in's pieces are present, the task pane's bundle size and time to interactive.
 * Run: npm run bench (one part: npm run bench -- --only=cli; parts core, cli, read, pane).
 * Figures are printed; README records them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeWorkbook } from '../src/core';
import { benchCli, median } from './cli';
import { benchWorkbook } from './fixtures';

/** "(met: …)" or "(NOT met: …)", beside a figure. */
function goal(met: boolean, what: string): string {
  return `(${met ? 'met' : 'NOT met'}: ${what})`;
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

/** The parts to run: every part, or those named by --only (core, cli, read, pane), comma-separated. */
function partsToRun(argv: readonly string[]): Set<string> {
  const all = ['core', 'cli', 'read', 'pane'];
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!only) return new Set(all);
  const named = only.split(',');
  const unknown = named.filter((n) => !all.includes(n));
  if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}: one of ${all.join(', ')}`);
  return new Set(named);
}

async function main(): Promise<void> {
  const parts = partsToRun(process.argv.slice(2));
  const out = (s: string) => console.log(s);

  if (parts.has('core')) {
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
  }

  if (parts.has('cli')) {
    const cli = await benchCli(3);
    // CPU time beside the wall time, as for the core: a busy machine's wait for a core is not the CLI's.
    const cpuOf = (ms: number | null) => (ms === null ? '' : `, CPU ${ms.toFixed(0)} ms`);
    out(
      `cli: start-up, rubric-scorer check --json on one workbook of 10 items: ${cli.startupMs.toFixed(0)} ms${cpuOf(cli.startupCpuMs)} (medians of ${cli.runs})`,
    );
    out(
      `cli: rubric-scorer check --json on 50 workbooks × 60 items (one process): ${cli.fiftyMs.toFixed(0)} ms${cpuOf(cli.fiftyCpuMs)} (medians of ${cli.runs}), ${(cli.fiftyMs / 50).toFixed(1)} ms/workbook`,
    );
    const lo = cli.libreOffice;
    if (lo === null) out('cli vs LibreOffice: not measured (soffice is not installed)');
    else {
      const ratio = cli.fiftyMs / lo.wallMs;
      const cpuRatio =
        lo.cpuMs !== null && cli.fiftyCpuMs !== null
          ? `; ratio of CPU times ${(cli.fiftyCpuMs / lo.cpuMs).toFixed(3)} (${lo.cpuMs.toFixed(0)} ms for soffice)`
          : '';
      out(
        `cli vs LibreOffice: soffice --convert-to csv on the same 50 workbooks (one process) ${lo.wallMs.toFixed(0)} ms; ratio ${ratio.toFixed(3)} ${goal(ratio <= 0.1, 'goal ≤ 0.10')}${cpuRatio}`,
      );
    }
  }

  if (parts.has('read')) {
    const read = await import('./read');
    const r = await read.benchRead();
    out(`read: baseline (readers loaded, nothing read) ${r.baselineRssMB} MB peak RSS`);
    for (const f of r.files) {
      const show = (x: (typeof f)['stream'] | null) =>
        !x ? 'not run' : x.error ? `failed (${x.error})` : `${x.ms} ms, ${x.peakRssMB} MB`;
      out(`read: ${f.file} (${f.sizeKB} KB): streaming reader ${show(f.stream)}; ExcelJS ${show(f.exceljs)}`);
    }
  }

  if (parts.has('pane') && existsSync(join(process.cwd(), 'bench', 'page-load.ts'))) {
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
