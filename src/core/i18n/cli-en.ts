/** The command-line tool's texts in English, keyed as the Chinese catalogue. */
import type { CheckTotals, CliCatalogue, SeverityCounts } from './cli-zh-CN';

/** "1 error", "2 errors". */
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const cliEn: CliCatalogue = {
  /** Between the names of a list. */
  listSeparator: ', ',
  /** The file name an example output path ends in. */
  exampleOutput: 'result.xlsx',
  /** A file-system error code met while writing file f (d its folder; example a file in f, when f is a folder). */
  write: {
    ENOENT: (f: string, d: string) =>
      `Cannot write ${f}: the folder ${d} does not exist. Create it first, or choose another output path.`,
    ENOTDIR: (f: string, d: string) =>
      `Cannot write ${f}: part of the path ${d} is not a folder. Check the output path.`,
    EACCES: (f: string, d: string) =>
      `Cannot write ${f}: no permission to write in the folder ${d} (or the file is read-only). Choose another output location, or ask an administrator for access.`,
    EISDIR: (f: string, _d: string, example: string) =>
      `Cannot write ${f}: it is a folder. Give a file name after -o, e.g. ${example}.`,
    ENOSPC: (f: string) =>
      `Cannot write ${f}: the disk is full. Any existing ${f} was left as it was, and no partial file remains. Free some space or use another disk, then retry.`,
    EFBIG: (f: string) =>
      `Cannot write ${f}: the file is too large for this system's limit. Any existing ${f} was left as it was, and no partial file remains. Use another disk or raise the limit, then retry.`,
    EROFS: (f: string) => `Cannot write ${f}: the disk is read-only. Choose another output location.`,
    ENAMETOOLONG: (f: string) =>
      `Cannot write ${f}: the file name or path is too long. Choose a shorter path.`,
    other: (f: string) =>
      `Cannot write ${f}: the system refused the write. Any existing ${f} was left as it was. Check the disk and the output path, then retry.`,
  },
  /** A file-system error code met while reading f. */
  read: {
    ENOENT: (f: string) => `${f} was not found. Check the path.`,
    ENOTDIR: (f: string) => `${f} was not found: part of its path is not a folder. Check the path.`,
    EACCES: (f: string) =>
      `No permission to read ${f}. Check the file's permissions, or copy it somewhere you can read it, and retry.`,
    EISDIR: (f: string) => `${f} is a folder, not a file. Give an .xlsx file.`,
    ELOOP: (f: string) =>
      `${f} is a symbolic link that loops back on itself; skipped. Delete or correct the link.`,
    ECYCLE: (f: string) =>
      `${f} is a link back to a folder that contains it; skipped (the files in it are read once).`,
    ENAMETOOLONG: (f: string) =>
      `Cannot read ${f}: the file name or path is too long. Move it to a shorter path.`,
    other: (f: string) =>
      `Cannot read ${f}: the system refused to read it. Check the file and the disk, and retry.`,
  },
  /** An output path refused before anything is written. */
  output: {
    exists: (f: string) =>
      `The output ${f} already exists; nothing was written, so nothing in it is overwritten. Add --force to replace it with the new result, or choose another output name.`,
    badExtension: (f: string, allowed: string, example: string) =>
      `The output ${f} has the wrong extension: end it in ${allowed}, e.g. ${example}. Nothing was written.`,
    kindMismatch: (ext: string, kind: 'xlsx' | 'xlsm') =>
      kind === 'xlsx'
        ? `The output is a workbook without macros and cannot be saved with the extension ${ext} (Excel would refuse to open it). Change the output's extension to .xlsx. Nothing was written.`
        : `The output is a macro-enabled workbook and cannot be saved with the extension ${ext} (Excel would refuse to open it). Change the output's extension to .xlsm. Nothing was written.`,
  },
  /** --lang given something else (said in both languages: the language is not known yet). */
  badLang: (v: string) => `--lang takes zh or en (got "${v}")`,
  /** An input path that does not exist. */
  notFound: (path: string) => `"${path}" does not exist`,
  /** No .xlsx file among the inputs. */
  noXlsx: (inputs: string) => `no .xlsx files found in: ${inputs}`,
  /** The words for a finding's severity in the plain report. */
  severity: { error: 'error', warning: 'warning', info: 'info' },
  /** The check command's report. */
  check: {
    corrupt: (f: string) =>
      `Cannot read ${f}: the file is damaged, incomplete, or holds content this product cannot read. Open it in Excel, save it as .xlsx and retry, or ask the sender for the original.`,
    unexpected: (f: string) =>
      `Cannot process ${f}: it holds content this product cannot handle, so this file was not checked (the other files are not affected). Open it in Excel, save it as .xlsx and retry; if that does not help, check it in the add-in.`,
    sheetFailed: (s: string) =>
      `Sheet "${s}" holds content this product cannot handle and was not checked; the other sheets were. In Excel, copy its content to a new sheet and retry.`,
    hidden:
      'A hidden sheet, checked all the same. It is not seen when the workbook is opened: to see it, right-click the sheet tabs in Excel → Unhide; if it should not be submitted, delete it.',
    veryHidden:
      'A very hidden sheet, checked all the same; Excel’s Unhide does not list it. To see it, set its Visible property to -1 (xlSheetVisible) in the VBA editor; if it should not be submitted, delete it.',
    rubricShared: '  The rubric itself (the same on every sheet listed):',
    hiddenMark: { hidden: ' (hidden)', veryHidden: ' (very hidden)' },
    sheetLine: (s: string, total: number, max: number, veto: boolean, c: SeverityCounts, unpointed: number) =>
      `  Sheet "${s}": ${total} / ${max}${unpointed > 0 ? ` (${plural(unpointed, 'more item has', 'more items have')} no points: the maximum is not known)` : ''}${veto ? ' (vetoed)' : ''} — ${plural(c.error, 'error', 'errors')}, ${plural(c.warning, 'warning', 'warnings')}, ${plural(c.info, 'note', 'notes')}`,
    skippedLine: (s: string, m: string) => `  · Sheet "${s}": ${m}`,
    total: (t: CheckTotals, ready: boolean) =>
      `${t.files} files, ${t.sheets} rubric sheets: ${t.errors} errors, ${t.warnings} warnings.${ready ? ' Ready to submit.' : t.errors > 0 ? ' Correct the errors before submitting.' : t.sheets === 0 ? ' No rubric sheet was found to check.' : ' Some rubric sheets were not checked; see above.'}`,
  },
  /** The fill command's messages; names and cell text come in already on one line. */
  fill: {
    sameFile: (f: string) =>
      `The output ${f} is the input file; fill never overwrites its input. Choose another output file.`,
    noRubric: (f: string) => `No rubric table was found in ${f}; nothing was written.`,
    hiddenRubric: (s: string) =>
      `Sheet "${s}" is a hidden rubric and is not filled. To fill it, unhide it in Excel and run again.`,
    conflicts: (n: number) =>
      `${plural(n, 'cell already holds', 'cells already hold')} content where formulas would go; nothing was written, so nothing is overwritten:`,
    conflictValidation: (sheet: string, cell: string) =>
      `  ${sheet}!${cell}: carries your own data validation, which the write would replace with the product's input limit`,
    conflictValue: (sheet: string, cell: string, existing: string, planned: string) =>
      `  ${sheet}!${cell}: holds "${existing}", would get ${planned}`,
    conflictHint:
      'Clear or move that content and run again; or add --overwrite to write the formulas over it (that content is not kept; the input file is unchanged); or confirm the overwrite in the add-in.',
    protected: (sheets: string[]) =>
      `${sheets.length === 1 ? 'Sheet' : 'Sheets'} ${sheets.map((s) => `"${s}"`).join(', ')} ${sheets.length === 1 ? 'is' : 'are'} protected, and the product never writes into a protected sheet; nothing was written. In Excel, choose Review → Unprotect Sheet, then run again.`,
    warnings: 'Before writing, note:',
    /** A warning before writing; at is where (Sheet!A1, or the sheet). */
    warnEntryNotNumber: (at: string, text: string) =>
      `  ${at}: holds "${text}", which is not a number. The written score cell asks for it to be corrected, and the total shows no figure until it is. Enter a number.`,
    warnColumnHidden: (sheet: string, col: string) =>
      `  Column ${col} of sheet "${sheet}" is hidden; it is shown again so the written figures can be seen.`,
    warnEntriesCarried: (at: string, value: string) =>
      `  ${at}: entry columns are off; the deduction the entries gave, ${value}, is kept here as a number.`,
    warnVetoHelper: (sheet: string, count: string, col: string) =>
      `  Sheet "${sheet}" has ${count} veto items, more than one formula can name; their tests are in helper cells in column ${col}.`,
    warnOther: (at: string, code: string) => `  ${at}: ${code}`,
    blocked: 'So nothing was written.',
    overwritten: (n: number) =>
      `Overwrote ${plural(n, 'cell that held', 'cells that held')} other content (--overwrite).`,
    sheet: (s: string, f: number, v: number, e: number) =>
      `  Sheet "${s}": ${f} ${f === 1 ? 'formula' : 'formulas'}, ${v} ${v === 1 ? 'input check' : 'input checks'}${e > 0 ? `, ${e} ${e === 1 ? 'entry column' : 'entry columns'}` : ''}`,
    wrote: (f: string) => `Wrote ${f}.`,
    nothingLost: 'Everything else in the input was kept exactly as it was.',
    skipped: (n: number) =>
      `${plural(n, 'chart operation was', 'chart operations were')} not carried out (the .xlsx writer cannot draw charts).`,
    cellsChanged: (f: string) =>
      `${f} changed after it was read; nothing was written. Close the program editing it and run again.`,
    cannotApply: (f: string) =>
      `Cannot write the formulas into a copy of ${f}: the workbook holds content this product cannot handle. Nothing was written. Open it in Excel, save it as .xlsx and retry; if that does not help, write from the add-in.`,
  },
  /** The summary command's messages; a unit's name comes in already on one line. */
  summary: {
    noInputs: 'No .xlsx files to summarise were found.',
    overInput: (f: string) =>
      `The output ${f} is one of the inputs; inputs are never overwritten. Choose another output file.`,
    cannotWrite: (f: string) =>
      `Could not write ${f}: the write failed, and any file already there is unchanged. Check the disk space and the folder's permissions, then try again.`,
    unit: (n: string, t: number, r: number | null) =>
      `${n}: total ${t}${r === null ? ' (not ranked)' : `, rank ${r}`}`,
    wrote: (f: string, n: number) => `Wrote ${f} (${n} ${n === 1 ? 'unit' : 'units'}).`,
    rosterEmpty: (f: string) =>
      `No unit names found in the roster ${f} (one unit name a line, or one column of an .xlsx).`,
    rosterUnreadable: (f: string) =>
      `Could not read the roster ${f}: it is not a readable roster. A roster is a text file with one unit name a line, or an .xlsx with one column of unit names.`,
    rosterSheetMissing: (f: string, sh: string) => `The roster ${f} has no sheet "${sh}".`,
    missing: (n: number, names: string) => `${n} missing ${n === 1 ? 'unit' : 'units'}: ${names}`,
    spread: (over: number, items: number, units: number, t: number) =>
      over > 0
        ? `${units} ${units === 1 ? 'unit' : 'units'} scored by several assessors: ${over} of ${items} items differ between assessors by more than ${t}, marked on the "Assessor spread" sheet for review.`
        : `${units} ${units === 1 ? 'unit' : 'units'} scored by several assessors: none of ${items} items differs between assessors by more than ${t} (see the "Assessor spread" sheet).`,
  },
  /** A failure the product cannot name, on the inputs named. */
  unexpected: (files: string) =>
    `Something happened while processing${files ? ` ${files}` : ''} that this product cannot handle; it stopped and nothing was written. Check the input files (open them in Excel and save as .xlsx) and retry; if that does not help, send the command and the files to the maintainers.`,
};
