/**
 * `rubric-scorer`: check, fill and summarise rubric workbooks (.xlsx) in batch.
 * Exit codes: 0 no errors, 1 errors found in the workbooks, 2 could not run.
 */
import { Command, CommanderError } from 'commander';
import type { Lang } from '../core/i18n';
import { CLI_TEXT } from '../core/i18n/cli';
import { type CliIO, processIO, safeIO, UsageError } from './io';

type Register = (program: Command, io: CliIO, setExit: (code: number) => void) => void;

/**
 * Each command's module, loaded only when that command runs: a command's module brings the core
 * and its readers or writers with it, and start-up is most of a one-file run. In the order
 * commander lists them.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  check: async () => (await import('./commands/check')).registerCheck,
  summary: async () => (await import('./commands/summary')).registerSummary,
  fill: async () => (await import('./commands/fill')).registerFill,
};

/** Options that take a value: the value is not an input path. */
const VALUE_OPTIONS = new Set(['-o', '--output', '--lang', '--rank', '--roster', '--roster-sheet']);

/** The files and folders named on the command line (after the command, without options and their values). */
function inputsOf(argv: readonly string[]): string[] {
  const inputs: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) inputs.push(a);
  }
  return inputs;
}

/**
 * The message for a failure the product cannot name: what happened, on which inputs, what to do.
 * The error itself (its text, its stack) is never shown: it speaks of the engine, not the workbooks.
 * @example formatUnexpected(new TypeError('…'), ['check', 'a.xlsx'], 'zh') // "处理 a.xlsx 时出现了…"
 */
export function formatUnexpected(_error: unknown, argv: readonly string[], lang: Lang): string {
  const T = CLI_TEXT[lang];
  return T.unexpected(inputsOf(argv).join(T.listSeparator));
}

function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  return (i >= 0 && argv[i + 1] === 'en') || argv.includes('--lang=en') ? 'en' : 'zh';
}

/**
 * Build the program; commands report their exit code through setExit. Only the command named first
 * is registered; anything else (help, --version, a mistyped name) gets every command, so commander's
 * listing and its "did you mean" stay whole.
 */
export async function buildProgram(
  io: CliIO,
  setExit: (code: number) => void,
  argv: readonly string[] = [],
): Promise<Command> {
  const program = new Command();
  program
    .name('rubric-scorer')
    .description(
      '评分表助手：检查、填写公式、汇总绩效考核评分表 / Rubric Scorer: check, fill and summarise rubric workbooks',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  const first = argv[0];
  const names = first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]!()));
  for (const register of registers) register(program, io, setExit);
  return program;
}

/**
 * Run the CLI with arguments (without "node" and the script name); returns the exit code.
 * @example await run(['check', 'samples', '--json'], processIO)
 */
export async function run(argv: string[], rawIO: CliIO = processIO): Promise<number> {
  // Everything printed is escaped: cell text, sheet and file names can hold escape sequences.
  const io = safeIO(rawIO);
  let code = 0;
  try {
    const program = await buildProgram(
      io,
      (c) => {
        code = c;
      },
      argv,
    );
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`rubric-scorer: ${e.message}\n`);
      return 2;
    }
    // Not a fault the product knows how to name: never show the engine's own text.
    io.err(`rubric-scorer: ${formatUnexpected(e, argv, langOf(argv))}\n`);
    return 2;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /(?:^|[\\/])main\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
