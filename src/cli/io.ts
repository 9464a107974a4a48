import type { Lang } from '../core/i18n';
import { CLI_TEXT } from '../core/i18n/cli';

/** The CLI's connection to the outside, injectable so commands run in-process in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown only then). */
  errIsTTY: boolean;
  /**
   * Show a one-line progress status on stderr, replacing the previous one ('' clears it). Only this
   * writes terminal control sequences; `text` itself is shown escaped like everything else.
   */
  status?(text: string): void;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  errIsTTY: Boolean(process.stderr.isTTY),
};

/** Thrown by a command when it cannot run at all (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type { Lang };

export function parseLang(v: string | undefined): Lang {
  if (v === undefined || v === 'zh' || v === 'zh-CN') return 'zh';
  if (v === 'en') return 'en';
  throw new UsageError(`${CLI_TEXT.zh.badLang(v)}/ ${CLI_TEXT.en.badLang(v)}`);
}

/**
 * Code points a terminal may act on instead of showing: C0 controls but tab and newline (ESC starts
 * the sequences that clear the screen or colour text, CR returns to the line start), DEL, C1
 * controls (U+009B is a one-character CSI), and the bidirectional controls that reorder what is
 * shown (U+202E makes "xslx.exe" read backwards).
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text made safe to print: every code point a terminal could act on becomes a visible `\uXXXX`
 * (the JSON escape, so JSON output stays valid and decodes to the original text). Newlines and tabs
 * are kept. Applying it twice gives the same text as once.
 * @example terminalSafe('1分\u001b[2J') // '1分\\u001b[2J'
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same text on one line: newlines shown as `\n` too (for a cell's text inside a report line). */
export function oneLine(text: string): string {
  return terminalSafe(text).replace(/\r?\n/g, '\\n');
}

/**
 * The io every command gets: whatever it prints goes out escaped (cell text, sheet and file names
 * and the system's messages can hold escape sequences), and progress uses `status`.
 */
export function safeIO(io: CliIO): CliIO {
  const raw = io.err.bind(io);
  return {
    out: (t) => io.out(terminalSafe(t)),
    err: (t) => io.err(terminalSafe(t)),
    errIsTTY: io.errIsTTY,
    status: (t) =>
      io.status ? io.status(terminalSafe(t)) : raw(t === '' ? '\r\u001b[K' : `\r${terminalSafe(t)}\u001b[K`),
  };
}
