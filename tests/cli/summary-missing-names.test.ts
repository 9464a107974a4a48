/** The units missing from the roster are listed with the report language's list separator. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSummary } from '../../src/cli/commands/summary';
import { writeUnitWorkbook } from '../summary/units';

describe('rubric-scorer summary: the missing units', () => {
  it('are joined with 、 in Chinese and with a comma in English', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'summary-missing-'));
    await mkdir(join(dir, 'units'));
    await writeUnitWorkbook(join(dir, 'units', '东风社区.xlsx'), { sheet: '考核细则', deductions: [0] });
    const roster = join(dir, 'roster.txt');
    await writeFile(roster, '东风社区\n彩屯社区\n铁西社区\n');
    const run = async (lang: 'zh' | 'en', output: string) => {
      const out: string[] = [];
      await runSummary(
        [join(dir, 'units')],
        { output: join(dir, output), lang, roster },
        { out: (l) => out.push(l), err: () => {} },
      );
      return out;
    };
    expect(await run('zh', 'zh.xlsx')).toContain('未交单位 2 个：彩屯社区、铁西社区');
    expect(await run('en', 'en.xlsx')).toContain('2 missing units: 彩屯社区, 铁西社区');
  });
});
