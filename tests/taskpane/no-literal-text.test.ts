/**
 * Every text the pane or the host shows comes from a catalogue (src/taskpane/i18n, src/core/i18n,
 * src/host/messages.ts, src/playground/strings.ts), in both languages. A Chinese string literal
 * anywhere else in the code of the pane, the host, the WPS add-in or the playground is either a text
 * that escaped the catalogues or workbook data; data files are listed below with the reason, so a
 * new literal fails here until it is put in its place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src/taskpane', 'src/host', 'src/playground', 'src/wps'];

/** The catalogues themselves. */
const CATALOGUES = ['src/taskpane/i18n/', 'src/host/messages.ts', 'src/playground/strings.ts'];

/** Files whose Chinese literals are workbook data, not texts for the user, and why. */
const DATA: Record<string, string> = {
  'src/taskpane/state/score-item.ts': 'reads and shows 是/否, the text a yes/no entry cell holds',
};

/**
 * Files that still hold texts of their own. Each is to move its texts into the catalogues; the test
 * below fails once one no longer needs its place here, so the list only shrinks.
 */
const NOT_YET: Record<string, string> = {
  'src/wps/addin.ts': 'the WPS task pane title, in Chinese only',
};

/**
 * The CLI's texts live in the core catalogues (src/core/i18n, its CLI section in cli-*.ts). Files of
 * src/cli still holding texts of their own, each to move; this list too only shrinks.
 */
const CLI_NOT_YET: Record<string, string> = {
  'src/cli/main.ts': "the program's --help description, a commander string in both languages",
  'src/cli/commands/check.ts': 'its --help texts, commander strings in both languages',
  'src/cli/commands/fill.ts': 'its --help texts, commander strings in both languages',
  'src/cli/commands/summary.ts': 'its --help texts, commander strings in both languages',
};

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The Chinese text of each string literal, template part and JSX text in a file (comments are not read). */
function chineseLiterals(path: string, text = readFileSync(path, 'utf8')): string[] {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      if (CJK.test(node.text)) found.push(node.text.trim());
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const files = ROOTS.flatMap((r) => sourceFiles(join(r)))
  .map((p) => p.replaceAll('\\', '/'))
  .filter((p) => !CATALOGUES.some((c) => p.startsWith(c)));

describe('texts live in the catalogues', () => {
  it('finds the Chinese literals it looks for, and none in comments', () => {
    const sample = [
      '// 注释不算',
      "const a = '中文';",
      // A template with a placeholder, written without one here: `共 ${n} 项`.
      ['const b = `共 $', '{n} 项`;'].join(''),
      'const c = <p>标题</p>;',
      "const d = 'plain';",
    ].join('\n');
    expect(chineseLiterals('sample.tsx', sample)).toEqual(['中文', '共', '项', '标题']);
  });

  it('no file of the pane or the host holds a Chinese string outside the catalogues', () => {
    expect(files.length).toBeGreaterThan(10);
    const stray = files
      .filter((p) => !(p in DATA) && !(p in NOT_YET))
      .flatMap((p) => chineseLiterals(p).map((s) => `${p}: ${s}`));
    expect(stray).toEqual([]);
  });

  it('each listed file is still there and still needs its place', () => {
    for (const p of [...Object.keys(DATA), ...Object.keys(NOT_YET)]) {
      expect(files, p).toContain(p);
      expect(chineseLiterals(p).length, p).toBeGreaterThan(0);
    }
  });
});

describe('the CLI’s texts live in the core catalogues', () => {
  const cli = sourceFiles('src/cli').map((p) => p.replaceAll('\\', '/'));

  it('no file of the CLI holds a Chinese string outside the catalogues', () => {
    expect(cli.length).toBeGreaterThan(5);
    const stray = cli
      .filter((p) => !(p in CLI_NOT_YET))
      .flatMap((p) => chineseLiterals(p).map((s) => `${p}: ${s}`));
    expect(stray).toEqual([]);
  });

  it('each listed CLI file is still there and still needs its place', () => {
    for (const p of Object.keys(CLI_NOT_YET)) {
      expect(cli, p).toContain(p);
      expect(chineseLiterals(p).length, p).toBeGreaterThan(0);
    }
  });
});
