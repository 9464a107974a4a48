/** Expanding the CLI's file and folder arguments into .xlsx paths. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLI_TEXT } from '../core/i18n/cli';
import { type Lang, UsageError } from './io';
import { errnoCode, fsErrorText } from './output';

/**
 * A path that could not be used: a symbolic link that loops (ELOOP), a link back to a folder that
 * contains it (ECYCLE), a folder or file that cannot be read (EACCES …). It costs only that path.
 */
export interface PathProblem {
  path: string;
  code: string;
}

/** Both languages in one line, for callers that have no language (the problem's own text per language). */
export function pathProblemText(p: PathProblem, lang?: Lang): string {
  if (lang) return fsErrorText('read', p.code, p.path, lang);
  return `${fsErrorText('read', p.code, p.path, 'zh')} / ${fsErrorText('read', p.code, p.path, 'en')}`;
}

function walk(
  dir: string,
  out: string[],
  chain: readonly string[],
  onProblem: (p: PathProblem) => void,
): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    onProblem({ path: dir, code: errnoCode(e) });
    return;
  }
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch (e) {
      // A dangling link is not an input; a looping one is worth saying.
      const code = errnoCode(e);
      if (code !== 'ENOENT') onProblem({ path: p, code });
      continue;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch (e) {
        onProblem({ path: p, code: errnoCode(e) });
        continue;
      }
      if (chain.includes(real)) {
        onProblem({ path: p, code: 'ECYCLE' });
        continue;
      }
      walk(p, out, [...chain, real], onProblem);
    }
    // "~$name.xlsx" are Excel's lock files, not workbooks.
    else if (/\.xlsx$/i.test(name) && !name.startsWith('~$')) out.push(p);
  }
}

/**
 * Every .xlsx named or found (recursively) in the named folders, in a stable order. A named file is
 * kept whatever its extension, so that a wrong file gets a clear message rather than being ignored.
 * A path that cannot be used (a looping link, an unreadable folder) goes to `onProblem` and costs
 * only that path; without `onProblem` it stops the run with its message.
 * @throws UsageError when an argument does not exist, or nothing is found, or (without onProblem) a path cannot be used
 */
export function expandInputs(args: readonly string[], onProblem?: (p: PathProblem) => void): string[] {
  const problems: PathProblem[] = [];
  const report =
    onProblem ??
    ((p: PathProblem) => {
      throw new UsageError(pathProblemText(p));
    });
  const out: string[] = [];
  for (const a of args) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(a);
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new UsageError(`${CLI_TEXT.zh.notFound(a)} / ${CLI_TEXT.en.notFound(a)}`);
      const p = { path: a, code };
      problems.push(p);
      report(p);
      continue;
    }
    if (st.isDirectory()) {
      let real = resolve(a);
      try {
        real = realpathSync(a);
      } catch {
        // Keep the path as given; walk reports what cannot be read.
      }
      walk(a, out, [real], (p) => {
        problems.push(p);
        report(p);
      });
    } else out.push(a);
  }
  const seen = new Set<string>();
  const unique = out.filter((p) => {
    const r = resolve(p);
    if (seen.has(r)) return false;
    seen.add(r);
    return true;
  });
  if (unique.length === 0 && problems.length === 0)
    throw new UsageError(`${CLI_TEXT.zh.noXlsx(args.join(' '))} / ${CLI_TEXT.en.noXlsx(args.join(' '))}`);
  return unique;
}

/**
 * Whether two paths name the same file: the same path, the same file through a link, or (on a
 * case-insensitive disk) another spelling of it. False when either does not exist yet.
 */
export function sameFile(a: string, b: string): boolean {
  const ra = resolve(a);
  const rb = resolve(b);
  if (ra === rb) return true;
  try {
    const sa = statSync(ra);
    const sb = statSync(rb);
    if (sa.ino === sb.ino && sa.dev === sb.dev) return true;
    return realpathSync(ra) === realpathSync(rb);
  } catch {
    return false;
  }
}
