/**
 * Environment faults raised by the host adapter. Faults in the user's workbook are issues (data);
 * these are the cases where Excel itself cannot do what was asked. Each carries a code and the
 * parameters its message is built from, so the task pane can show it in the user's language.
 */
import type { CellValue } from '../core/grid';
import type { Expected } from '../core/plan';
import type { Lang } from '../core/i18n';
import { PARAM_LIST_SEP } from '../core/rubric';
import { type HostErrorCode, type HostMessageParams, hostMessage } from './messages';

/** Base class: `code` and `params` are stable; `message` is Chinese unless another language is given. */
export class HostEnvironmentError extends Error {
  readonly code: HostErrorCode;
  readonly params: HostMessageParams;

  constructor(code: HostErrorCode, params: HostMessageParams, lang: Lang = 'zh') {
    super(hostMessage(code, params, lang));
    this.name = new.target.name;
    this.code = code;
    this.params = params;
  }

  /** The message in another language. */
  localized(lang: Lang): string {
    return hostMessage(this.code, this.params, lang);
  }
}

/** The running Excel lacks an API set the requested operation needs. */
export class ExcelTooOldError extends HostEnvironmentError {
  constructor(
    readonly feature: string,
    readonly requiredSet: string,
    lang: Lang = 'zh',
  ) {
    super('excelTooOld', { feature, requiredSet }, lang);
  }
}

/** Excel rejected a batch. `officeCode` is Office's own error code (e.g. "InvalidArgument"). */
export class HostError extends HostEnvironmentError {
  readonly officeCode: string;
  override readonly cause: unknown;

  constructor(cause: unknown, lang: Lang = 'zh') {
    const officeCode = officeCodeOf(cause);
    // The catalogue adds its own full stop.
    const message = (cause instanceof Error ? cause.message : String(cause)).replace(/[.。]\s*$/, '');
    super('officeError', { code: officeCode, message }, lang);
    this.officeCode = officeCode;
    this.cause = cause;
  }
}

/** A plan that cannot be applied to the workbook as it is now; raised before anything is written. */
export class PlanNotApplicableError extends HostEnvironmentError {
  constructor(
    code: 'sheetMissing' | 'sheetProtected' | 'sheetExists' | 'badAddress',
    readonly sheet: string,
    address?: string,
    lang: Lang = 'zh',
  ) {
    super(code, address === undefined ? { sheet } : { sheet, address }, lang);
  }
}

/** A cell that no longer holds what the plan was made from. */
export interface StaleCell {
  sheet: string;
  cell: string;
  expected: Expected;
  /** What the cell holds now: formula text, or its value. */
  found: CellValue;
}

/** How many cells a message names before "…". */
const NAMED_CELLS = 5;

/**
 * Cells changed since the plan was made (compare-and-set failed): nothing was written. Read the
 * workbook again, plan again, and let the user look before writing.
 */
export class PlanStaleError extends HostEnvironmentError {
  constructor(
    readonly cells: StaleCell[],
    lang: Lang = 'zh',
  ) {
    const named = cells.slice(0, NAMED_CELLS).map((c) => `${c.sheet}!${c.cell}`);
    super(
      'planStale',
      {
        count: cells.length,
        cells: named.join(PARAM_LIST_SEP),
        more: cells.length > NAMED_CELLS ? 1 : 0,
      },
      lang,
    );
  }
}

/** Which sheets an interrupted write left written whole, in part, or not at all (plan order). */
export interface WriteProgress {
  written: string[];
  partly: string[];
  notWritten: string[];
}

/**
 * Excel failed in the middle of a write: some requests were applied, the rest were not. `progress`
 * says which sheets; writing the plan made again from a fresh read finishes the job.
 */
export class WriteInterruptedError extends HostEnvironmentError {
  override readonly cause: HostError;

  constructor(
    cause: HostError,
    readonly progress: WriteProgress,
    lang: Lang = 'zh',
  ) {
    super('writeInterrupted', { code: cause.officeCode, message: String(cause.params.message ?? '') }, lang);
    this.cause = cause;
  }

  /** Office's own error code, as on HostError. */
  get officeCode(): string {
    return this.cause.officeCode;
  }
}

function officeCodeOf(e: unknown): string {
  if (
    typeof e === 'object' &&
    e !== null &&
    'code' in e &&
    typeof (e as { code: unknown }).code === 'string'
  ) {
    return (e as { code: string }).code;
  }
  return 'GeneralException';
}
