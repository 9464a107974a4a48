/**
 * The shape of the clause grammar: one production per action pattern, in the patterns' order, each
 * taking one object; no function of the parser longer than a screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEDUCTION_ALTERNATIVES } from '../../../src/core/rules/grammar/deduction';
import { PRODUCTIONS } from '../../../src/core/rules/grammar/productions';
import { ACTIONS } from '../../../src/core/rules/vocab';

const RULES = join('src', 'core', 'rules');
const GRAMMAR = join(RULES, 'grammar');
const FILES = [
  join(RULES, 'parse.ts'),
  join(RULES, 'escalate.ts'),
  ...readdirSync(GRAMMAR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(GRAMMAR, f)),
];

/** Every function in a file with its length in lines. */
function functionsOf(file: string): { name: string; lines: number }[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const line = (pos: number): number => src.getLineAndCharacterOfPosition(pos).line;
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const name =
        n.name?.getText(src) ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText(src) : '?');
      found.push({
        name: `${file}:${line(n.getStart(src)) + 1} ${name}`,
        lines: line(n.getEnd()) - line(n.getStart(src)) + 1,
      });
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

describe('the clause grammar', () => {
  it('has one production per action pattern, in the patterns’ priority order, each taking one object', () => {
    expect(PRODUCTIONS.map((p) => p.name)).toEqual(ACTIONS.map(([k]) => k));
    for (const p of PRODUCTIONS) {
      expect(p.match, p.name).toBe(ACTIONS.find(([k]) => k === p.name)![1]);
      expect(p.build.length, p.name).toBe(1);
    }
  });

  it('tries the deduction families from the most specific to the plain flag', () => {
    const names = DEDUCTION_ALTERNATIVES.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[names.length - 1]).toBe('flag');
    // A count below a number (不足5篇) is read before a bare 每 unit, which would take 每 of 每少一次.
    expect(names.indexOf('below')).toBeLessThan(names.indexOf('each'));
    expect(names.indexOf('shortOne')).toBeLessThan(names.indexOf('each'));
  });

  it('has no function over 60 lines in the parser', () => {
    const long = FILES.flatMap(functionsOf).filter((f) => f.lines > 60);
    expect(long).toEqual([]);
  });
});
