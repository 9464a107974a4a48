/**
 * Environment faults raised by the host adapter. Faults in the user's workbook are issues (data);
 * these are the cases where Excel itself cannot do what was asked. Each carries a code and the
 * parameters its message is built from, so the task pane can show it in the user's language.
 */
import { type HostErrorCode, type HostLang, type HostMessageParams, hostMessage } from './messages';

/** Base class: `code` and `params` are stable; `message` is zh-CN unless another language is given. */
export class HostEnvironmentError extends Error {
  readonly code: HostErrorCode;
  readonly params: HostMessageParams;

  constructor(code: HostErrorCode, params: HostMessageParams, lang: HostLang = 'zh-CN') {
    super(hostMessage(code, params, lang));
    this.name = new.target.name;
    this.code = code;
    this.params = params;
  }

  /** The message in another language. */
  localized(lang: HostLang): string {
    return hostMessage(this.code, this.params, lang);
  }
}

/** The running Excel lacks an API set the requested operation needs. */
export class ExcelTooOldError extends HostEnvironmentError {
  constructor(
    readonly feature: string,
    readonly requiredSet: string,
    lang: HostLang = 'zh-CN',
  ) {
    super('excelTooOld', { feature, requiredSet }, lang);
  }
}

/** Excel rejected a batch. `officeCode` is Office's own error code (e.g. "InvalidArgument"). */
export class HostError extends HostEnvironmentError {
  readonly officeCode: string;
  override readonly cause: unknown;

  constructor(cause: unknown, lang: HostLang = 'zh-CN') {
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
    lang: HostLang = 'zh-CN',
  ) {
    super(code, address === undefined ? { sheet } : { sheet, address }, lang);
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
