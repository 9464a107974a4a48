/** Expanding the CLI's file and folder arguments into .xlsx paths. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './io';

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    // "~$name.xlsx" are Excel's lock files, not workbooks.
    else if (/\.xlsx$/i.test(name) && !name.startsWith('~$')) out.push(p);
  }
}

/**
 * Every .xlsx named or found (recursively) in the named folders, in a stable order. A named file is
 * kept whatever its extension, so that a wrong file gets a clear message rather than being ignored.
 * @throws UsageError when an argument does not exist or nothing is found
 */
export function expandInputs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(a);
    } catch {
      throw new UsageError(`找不到“${a}” / "${a}" does not exist`);
    }
    if (st.isDirectory()) walk(a, out);
    else out.push(a);
  }
  const seen = new Set<string>();
  const unique = out.filter((p) => {
    const r = resolve(p);
    if (seen.has(r)) return false;
    seen.add(r);
    return true;
  });
  if (unique.length === 0)
    throw new UsageError(`没有找到 .xlsx 文件 / no .xlsx files found in: ${args.join(' ')}`);
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
