/**
 * The pane is styled through Fluent's makeStyles and its theme tokens, not inline style objects: a
 * `style` attribute in a pane component fails here. A file still to move would be listed in NOT_YET,
 * and the list only shrinks (the last test fails once one no longer needs its place).
 */
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const NOT_YET: Record<string, string> = {};

function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return components(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The line of each JSX `style` attribute in a file. */
function inlineStyles(path: string, text = readFileSync(path, 'utf8')): number[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxAttribute(node) && node.name.getText(file) === 'style')
      lines.push(file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return lines;
}

const files = components('src/taskpane');

describe('pane styles', () => {
  it('finds a style attribute and nothing else', () => {
    const sample = ['const a = <div style={{ gap: 8 }} />;', 'const b = <div className={s.root} />;'].join(
      '\n',
    );
    expect(inlineStyles('sample.tsx', sample)).toEqual([1]);
  });

  it('no pane component sets an inline style', () => {
    expect(files.length).toBeGreaterThan(10);
    const found = files
      .filter((p) => !(p in NOT_YET))
      .flatMap((p) => inlineStyles(p).map((line) => `${p}:${line}`));
    expect(found).toEqual([]);
  });

  it('each file still to move is there and still needs its place', () => {
    for (const p of Object.keys(NOT_YET)) {
      expect(files, p).toContain(p);
      expect(inlineStyles(p).length, p).toBeGreaterThan(0);
    }
  });
});
