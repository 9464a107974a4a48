/**
 * The add-in's production build carries neither HyperFormula nor the fake Excel: they belong to the
 * playground and the tests only (vite.playground.config.ts is a separate build). React is
 * preact/compat there (vite.config.ts), so react-dom is left out too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddinInto, filesUnder } from '../../bench/page-load';

let outDir: string;
let text: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'rubric-addin-build-'));
  await buildAddinInto(outDir);
  text = filesUnder(outDir)
    .filter((p) => /\.(js|html|css)$/.test(p))
    .map((p) => readFileSync(p, 'utf8'))
    .join('\n');
});

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('add-in production bundle', () => {
  it('is built, with the task pane in it', () => {
    // The pane's own strings are there: the build is the real one, so the absences below mean something.
    expect(text).toContain('评分表助手');
  });

  it('leaves HyperFormula and the fake Excel out', () => {
    // HyperFormula's licence check names its GPL key; the fake's refusal of a last sheet deletion is its own.
    expect(text).not.toContain('gpl-v3');
    expect(text).not.toContain('A workbook must contain at least one visible worksheet.');
  });

  it('renders with preact/compat: react-dom is left out', () => {
    // Every build of react-dom (production, or development as under the tests) looks for React's
    // developer tools by this name; preact does not.
    expect(text).not.toContain('__REACT_DEVTOOLS_GLOBAL_HOOK__');
  });
});
