/**
 * A sheet the core cannot analyse costs only that sheet: the others are checked, the failure is said
 * once in the plain report (as an error, not again among the skipped sheets), and the JSON report lists
 * it both as an error and as a sheet that was not checked.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main';
import { capture, workbookBytes } from './helpers';

const BAD = '坏表';

// The core fails on any workbook that holds the sheet named BAD, as an unforeseen fault would.
vi.mock('../../src/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('../../src/core')>();
  return {
    ...core,
    analyzeWorkbook: (wb: Parameters<typeof core.analyzeWorkbook>[0]) => {
      if (wb.sheets.some((s) => s.name === BAD)) throw new TypeError('Cannot read properties of undefined');
      return core.analyzeWorkbook(wb);
    },
  };
});

async function file(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cli-sheet-failure-'));
  const path = join(dir, '两张表.xlsx');
  await writeFile(path, await workbookBytes([{ name: '考核表' }, { name: BAD }]));
  return path;
}

describe('a sheet the core cannot analyse', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`is reported once in the plain report (${lang}), and the other sheet is checked`, async () => {
      const f = await file();
      const c = capture();
      expect(await run(['check', f, '--lang', lang], c.io)).toBe(1);
      const out = c.out();
      const mentions = out.split('\n').filter((l) => l.includes(BAD));
      expect(mentions).toHaveLength(1);
      expect(mentions[0]).toMatch(/✗/);
      expect(out).toContain('考核表');
      expect(out).not.toMatch(/Cannot read|undefined/);
      expect(out).not.toMatch(/可以提交|ready to submit/i);
    });
  }

  it('is listed in the JSON report as an error and as a sheet not checked', async () => {
    const f = await file();
    const c = capture();
    expect(await run(['check', f, '--json', '--lang', 'en'], c.io)).toBe(1);
    const report = JSON.parse(c.out()) as {
      files: {
        sheets: { name: string }[];
        skipped: { name: string; reason: string }[];
        issues: { message: string }[];
      }[];
    };
    const [one] = report.files;
    expect(one!.sheets.map((s) => s.name)).toEqual(['考核表']);
    expect(one!.skipped).toEqual([expect.objectContaining({ name: BAD, reason: 'unreadable' })]);
    expect(one!.issues.filter((i) => i.message.includes(BAD))).toHaveLength(1);
  });
});
