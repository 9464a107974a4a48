import { describe, expect, it } from 'vitest';
import { cliEn } from '../../src/core/i18n/cli-en';

describe('the CLI English counts', () => {
  it('take the word in the number it needs, never "cell(s)"', () => {
    expect(cliEn.fill.conflicts(1)).toMatch(/^1 cell already holds content/);
    expect(cliEn.fill.conflicts(3)).toMatch(/^3 cells already hold content/);
    expect(cliEn.fill.overwritten(1)).toBe('Overwrote 1 cell that held other content (--overwrite).');
    expect(cliEn.fill.overwritten(2)).toBe('Overwrote 2 cells that held other content (--overwrite).');
  });

  it('no English text of the CLI writes a plural as "(s)"', () => {
    const texts: string[] = [];
    const walk = (o: unknown): void => {
      if (typeof o === 'string') texts.push(o);
      else if (typeof o === 'function') {
        for (const n of [1, 2]) {
          try {
            const out = (o as (...a: unknown[]) => unknown)(n, 'x', 'y', 'z');
            if (typeof out === 'string') texts.push(out);
          } catch {
            // A text that needs structured parameters is read by its own tests.
          }
        }
      } else if (o && typeof o === 'object') for (const v of Object.values(o)) walk(v);
    };
    walk(cliEn);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => /\w\(s\)/.test(t))).toEqual([]);
  });
});
