/**
 * LibreOffice Calc headless as a second spreadsheet engine: recalculate .xlsx files and read every
 * sheet back as CSV. One soffice run converts all the files given (soffice starts slowly), with a
 * private user profile per run that tells Calc to recalculate OOXML files on load instead of showing
 * the cached results.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Why LibreOffice tests cannot run here, or null when soffice is available. */
export function sofficeMissing(): string | null {
  const r = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error || r.status !== 0) {
    // Under CI these tests must run: a missing LibreOffice is a failure, never a silent skip.
    if (process.env.CI === 'true')
      throw new Error('LibreOffice (soffice) is required under CI=true: run bash .ci/run, which installs it');
    return 'LibreOffice (soffice) is not installed here; CI installs it and runs these tests';
  }
  return null;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** CSV text → rows of cells (RFC 4180 quoting). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Recalculate the files in LibreOffice and return, per file and sheet, the cell texts (raw values,
 * not as formatted). Sheet order follows the workbook.
 */
export function recalcWithLibreOffice(
  files: readonly string[],
  sheetNames: Record<string, string[]>,
): Record<string, Record<string, string[][]>> {
  const work = mkdtempSync(join(tmpdir(), 'lo-run-'));
  const profile = join(work, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const out = join(work, 'out');
  mkdirSync(out);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      ...files,
      '--outdir',
      out,
    ],
    { stdio: 'pipe', timeout: 240_000 },
  );
  const produced = readdirSync(out);
  const result: Record<string, Record<string, string[][]>> = {};
  for (const f of files) {
    const stem = basename(f).replace(/\.xlsx$/i, '');
    const sheets: Record<string, string[][]> = {};
    for (const name of sheetNames[f] ?? []) {
      const csv = produced.find((p) => p === `${stem}-${name}.csv`);
      if (csv) sheets[name] = parseCsv(readFileSync(join(out, csv), 'utf8'));
    }
    result[f] = sheets;
  }
  return result;
}

/**
 * Save each file again as .xlsx with LibreOffice (a second producer's package of the same workbook),
 * into `outDir`; returns the paths written, in the order given.
 */
export function resaveWithLibreOffice(files: readonly string[], outDir: string): string[] {
  const work = mkdtempSync(join(tmpdir(), 'lo-save-'));
  const profile = join(work, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      ...files,
      '--outdir',
      outDir,
    ],
    { stdio: 'pipe', timeout: 240_000 },
  );
  return files.map((f) => join(outDir, basename(f).replace(/\.xls[xm]$/i, '.xlsx')));
}
