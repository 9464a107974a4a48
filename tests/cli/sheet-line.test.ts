/**
 * A sheet's line in the plain report never shows a figure as if it were whole: with items that have
 * no points, the maximum is said to be unknown; English counts are singular or plural as they are.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { capture, HEADER, workbookBytes } from './helpers';

async function file(rows: (string | number | null)[][]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cli-sheet-line-'));
  const path = join(dir, '表.xlsx');
  await writeFile(path, await workbookBytes([{ name: '考核表', rows }]));
  return path;
}

const sheetLine = (out: string) => out.split('\n').find((l) => l.includes('考核表'))!;

describe('the sheet line', () => {
  const missing = [
    ['考核评分表'],
    HEADER,
    ['一、基础工作', '台账齐全', 60, '每缺一本扣1分', null, 55, null],
    ['二、引用得分', '引用上级考核得分', null, '按上级考核得分计', null, 30, null],
    ['三、宣传', '宣传活动', 40, '每少一次扣2分', 2, null, null],
  ];

  it('says the maximum is not known when an item has no points (zh)', async () => {
    const c = capture();
    await run(['check', await file(missing), '--lang', 'zh'], c.io);
    expect(sheetLine(c.out())).toMatch(/另有 1 项没有分值，满分未定/);
  });

  it('says so in English, with singular and plural counts', async () => {
    const c = capture();
    await run(['check', await file(missing), '--lang', 'en'], c.io);
    const line = sheetLine(c.out());
    expect(line).toMatch(/1 more item has no points: the maximum is not known/);
    expect(line).toMatch(/\b1 error\b/);
    expect(line).not.toMatch(/\b1 errors\b|\b1 warnings\b|\b1 notes\b/);
  });

  it('says nothing of the kind when every item has its points', async () => {
    const whole = missing.filter((r) => r[1] !== '引用上级考核得分');
    for (const lang of ['zh', 'en'] as const) {
      const c = capture();
      await run(['check', await file(whole), '--lang', lang], c.io);
      expect(sheetLine(c.out())).not.toMatch(/满分未定|not known/);
    }
  });
});
