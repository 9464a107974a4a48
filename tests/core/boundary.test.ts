import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the pure core', () => {
  it('imports no host library (Office.js, React, ExcelJS, Node)', () => {
    const offenders: string[] = [];
    for (const f of files('src/core')) {
      const src = readFileSync(f, 'utf8');
      // Static imports and re-exports at the start of a statement, and dynamic import() calls; a
      // message text such as `read from "…"` is not an import.
      const imports =
        /(?:^|\n)\s*(?:import|export)\s[^;'"`]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g;
      for (const m of src.matchAll(imports)) {
        const spec = (m[1] ?? m[2] ?? m[3])!;
        if (spec.startsWith('.') || spec === 'zod' || spec.startsWith('opencc-js')) continue;
        offenders.push(`${f}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
