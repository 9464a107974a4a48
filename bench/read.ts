/**
 * Reading .xlsx: the streaming reader (src/adapters/xlsx/reader) beside the ExcelJS reader
 * (src/adapters/xlsx/grid.ts) on the same files, each read in a child process of its own so that its
 * peak memory (max RSS) is its own. Files: the samples, the real rubrics, and generated sheets of
 * 100,000 and 1,000,000 rows written to a temporary folder.
 * Run alone: npx tsx bench/read.ts (bench/run.ts calls benchRead()).
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export type Reader = 'stream' | 'exceljs';

/** One read in a child process: time of the read alone, peak RSS of the process, cells kept. */
export interface ReadRun {
  ms: number;
  peakRssMB: number;
  cells: number;
  /** Set when the read failed (refused, or the process ran out of memory or time). */
  error?: string;
}

export interface ReadBench {
  /** Peak RSS of a child that loads the readers and reads nothing. */
  baselineRssMB: number;
  files: { file: string; sizeKB: number; stream: ReadRun; exceljs: ReadRun | null }[];
}

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/**
 * Write an .xlsx whose one sheet has `rows` rows of an item's cells (a number, a shared string, an
 * inline string, a formula with its cached result), streamed into the zip so the XML is never whole
 * in memory.
 */
export function writeLargeSheet(path: string, rows: number, kind: 'mixed' | 'numbers' = 'mixed'): void {
  const fd = openSync(path, 'w');
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    writeSync(fd, chunk);
  });
  const text = (name: string, s: string) => {
    const f = new ZipPassThrough(name);
    zip.add(f);
    f.push(strToU8(s), true);
  };
  text(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
  );
  text(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  text(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="明细" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  text(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  text(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>查阅档案</t></si><si><t>实地查看</t></si></sst>`,
  );
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  sheet.push(
    strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
    ),
  );
  const BATCH = 10_000;
  for (let r = 1; r <= rows; r += BATCH) {
    const out: string[] = [];
    for (let i = r; i < Math.min(r + BATCH, rows + 1); i++)
      out.push(
        kind === 'numbers'
          ? `<row r="${i}"><c r="A${i}"><v>${i % 97}</v></c><c r="B${i}"><v>${i}</v></c><c r="C${i}"><v>${i / 4}</v></c><c r="D${i}"><v>1</v></c></row>`
          : `<row r="${i}"><c r="A${i}"><v>${i % 97}</v></c><c r="B${i}" t="s"><v>${i % 2}</v></c><c r="C${i}" t="inlineStr"><is><t>第${i}项</t></is></c><c r="D${i}"><f>A${i}*2</f><v>${(i % 97) * 2}</v></c></row>`,
      );
    sheet.push(strToU8(out.join('')));
  }
  sheet.push(strToU8('</sheetData></worksheet>'), true);
  zip.end();
  closeSync(fd);
}

const here = fileURLToPath(import.meta.url);

/** Read one file with one reader in a child process; its own figures. */
export function readInChild(reader: Reader | 'none', file: string, timeoutMs = 600_000): ReadRun {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', here, '--child', reader, file], {
      encoding: 'utf8',
      timeout: timeoutMs,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as ReadRun;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; signal?: string; message?: string };
    const last = err.stdout?.trim().split('\n').at(-1);
    if (last?.startsWith('{')) return JSON.parse(last) as ReadRun;
    const why = /heap out of memory|Invalid string length|Array buffer allocation/.exec(
      err.stderr ?? '',
    )?.[0];
    return {
      ms: 0,
      peakRssMB: 0,
      cells: 0,
      error: why ?? err.signal ?? (err.message ?? 'failed').slice(0, 200),
    };
  }
}

async function child(reader: string, file: string): Promise<void> {
  const { loadXlsx } = await import('../src/adapters/xlsx/grid');
  const { readXlsxStream } = await import('../src/adapters/xlsx/reader');
  const bytes = new Uint8Array(readFileSync(file));
  const t = performance.now();
  let cells = 0;
  let error: string | undefined;
  try {
    if (reader !== 'none') {
      const { grid } = reader === 'stream' ? readXlsxStream(bytes, file) : await loadXlsx(bytes, file);
      for (const s of grid.sheets) for (const row of s.values) for (const v of row) if (v !== null) cells++;
    }
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${(e as { code?: string }).code ?? e.message}` : String(e);
  }
  const ms = Math.round(performance.now() - t);
  const peakRssMB = Math.round(peakRssKB() / 1024);
  process.stdout.write(`${JSON.stringify({ ms, peakRssMB, cells, ...(error ? { error } : {}) })}\n`);
}

/**
 * This process's own peak RSS in KiB. Linux keeps getrusage's maxRSS across exec, so a child started
 * by a large parent would report the parent's peak; the address space's high-water mark (VmHWM) is
 * the child's own.
 */
function peakRssKB(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux: maxRSS is the best there is.
  }
  return process.resourceUsage().maxRSS;
}

function xlsxIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(folder, f))
    .sort();
}

/**
 * Read time per workbook and peak memory, streaming reader beside ExcelJS, on the same files in the
 * same run. ExcelJS is not run on the 1,000,000-row sheet unless `exceljsOnMillion` (it needs ~4 GB).
 */
export async function benchRead(opts: { exceljsOnMillion?: boolean } = {}): Promise<ReadBench> {
  const root = resolve(here, '..', '..');
  const tmp = mkdtempSync(join(tmpdir(), 'bench-read-'));
  try {
    const big = join(tmp, '100000-rows.xlsx');
    const million = join(tmp, '1000000-rows.xlsx');
    writeLargeSheet(big, 100_000);
    writeLargeSheet(million, 1_000_000);
    const files = [
      ...xlsxIn(join(root, 'samples')),
      ...xlsxIn(join(root, '..', 'shared', 'real-rubrics')),
      big,
      million,
    ];
    const baseline = readInChild('none', files[0]!);
    const out: ReadBench['files'] = [];
    for (const file of files) {
      const stream = readInChild('stream', file);
      const exceljs = file !== million || opts.exceljsOnMillion ? readInChild('exceljs', file) : null;
      out.push({
        file: file.startsWith(tmp) ? `(generated) ${file.slice(tmp.length + 1)}` : relative(root, file),
        sizeKB: Math.round(statSync(file).size / 1024),
        stream,
        exceljs,
      });
    }
    return { baselineRssMB: baseline.peakRssMB, files: out };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function show(r: ReadRun | null): string {
  if (!r) return 'not run';
  return r.error ? `failed (${r.error})` : `${r.ms} ms, ${r.peakRssMB} MB`;
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, process.argv[4]!);
} else if (process.argv[1] && resolve(process.argv[1]) === here) {
  const r = await benchRead({ exceljsOnMillion: process.argv.includes('--exceljs-million') });
  console.log(`baseline (readers loaded, nothing read): ${r.baselineRssMB} MB peak RSS`);
  for (const f of r.files)
    console.log(`${f.file} (${f.sizeKB} KB): stream ${show(f.stream)}; ExcelJS ${show(f.exceljs)}`);
}
