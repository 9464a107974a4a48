/** The CLI's connection to the outside, injectable so commands run in-process in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown only then). */
  errIsTTY: boolean;
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

export type Lang = 'zh' | 'en';

export function parseLang(v: string | undefined): Lang {
  if (v === undefined || v === 'zh' || v === 'zh-CN') return 'zh';
  if (v === 'en') return 'en';
  throw new UsageError(`--lang 只接受 zh 或 en（收到“${v}”）/ --lang takes zh or en (got "${v}")`);
}
