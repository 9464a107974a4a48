/**
 * `check` on sheets that are not read as rubrics: each is listed with a stable reason, a code for what
 * was found instead and that finding's fields (--json), and a sentence built from them in the chosen
 * language (plain output). The workbook is built here with ExcelJS.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, JsonSkipped } from '../../src/cli/commands/check';
import { run } from '../../src/cli/main';

let path: string;

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await run(args, { out: (t) => (out += t), err: () => {}, errIsTTY: false });
  return { code, out };
}

beforeAll(async () => {
  path = join(mkdtempSync(join(tmpdir(), 'rubric-skipped-')), 'skipped.xlsx');
  const wb = new ExcelJS.Workbook();
  const rubric = wb.addWorksheet('一村');
  rubric.addRow(['考核项目', '考核内容', '标准分值', '评分标准', '得分']);
  rubric.addRow(['一、党建', '按时开会', 10, '少一次扣1分', null]);
  rubric.addRow(['二、环境', '垃圾清运', 10, '发现一处扣2分', null]);
  // 降职/降薪 where the points would be: a table of sanctions, not of points.
  const sanctions = wb.addWorksheet('红线');
  sanctions.addRow(['序号', '类别', '考核标准', '处罚标准']);
  sanctions.addRow([1, '红线', '发生安全事故', '降职']);
  sanctions.addRow([2, '红线', '弄虚作假', '降薪两级']);
  sanctions.addRow([3, '黄线', '投诉处置不当', '降薪一级']);
  // A header with its points column, and no points under it yet.
  const blank = wb.addWorksheet('模板');
  blank.addRow(['考核项目', '考核内容', '分值', '评分标准']);
  blank.addRow(['一、日常工作', '按时报送', null, '迟报一次扣1分']);
  blank.addRow(['二、专项工作', '完成任务', null, '未完成扣5分']);
  wb.addWorksheet('空白');
  const list = wb.addWorksheet('通讯录');
  list.addRow(['姓名', '电话', '备注']);
  list.addRow(['张三', '13800000000', null]);
  await wb.xlsx.writeFile(path);
});

const skippedOf = async (lang: 'zh' | 'en'): Promise<JsonSkipped[]> => {
  const r = await cli(['check', path, '--json', '--lang', lang]);
  return (JSON.parse(r.out) as CheckReport).files[0]!.skipped;
};

describe('check: sheets not read as rubrics', () => {
  it('--json gives each a stable reason, a code for what was found, and its fields', async () => {
    const skipped = await skippedOf('zh');
    const data = skipped.map(({ message: _m, ...rest }) => rest);
    expect(data).toEqual([
      {
        name: '红线',
        reason: 'noItems',
        code: 'sanctions',
        row: 1,
        headers: ['序号', '类别', '考核标准', '处罚标准'],
        sanctionHeaders: ['处罚标准'],
        sanctions: ['降职', '降薪两级', '降薪一级'],
      },
      {
        name: '模板',
        reason: 'noItems',
        code: 'noScoredRows',
        row: 1,
        headers: ['考核项目', '考核内容', '分值', '评分标准'],
        pointsHeader: '分值',
        rows: 2,
      },
      { name: '空白', reason: 'empty', code: 'empty' },
      { name: '通讯录', reason: 'noHeader', code: 'noHeader', row: 1, headers: ['备注'] },
    ]);
  });

  it('says in Chinese what it found instead of a rubric', async () => {
    const text = Object.fromEntries((await skippedOf('zh')).map((s) => [s.name, s.message]));
    expect(text.红线).toBe(
      '第1行像是表头（序号、类别、考核标准、处罚标准），但表中没有分值列：“处罚标准”列写的是降职、降薪两级、降薪一级等处理，不是分数。这张表不是计分的评分表，已跳过。',
    );
    expect(text.模板).toBe(
      '第1行是表头（考核项目、考核内容、分值、评分标准），但其下 2 行都没有分值（“分值”列是空的），已跳过。要计分，请在分值列填写各项分值。',
    );
    expect(text.空白).toBe('工作表是空的，已跳过。');
    expect(text.通讯录).toMatch(/^没有找到评分表表头（.*），已跳过。最接近的是第1行：备注。$/);
  });

  it('says it in English with --lang en, with no Chinese sentence in it', async () => {
    const text = Object.fromEntries((await skippedOf('en')).map((s) => [s.name, s.message]));
    expect(text.红线).toBe(
      'Row 1 reads like a header (序号, 类别, 考核标准, 处罚标准), but the table has no points column: "处罚标准" holds sanctions such as 降职, 降薪两级, 降薪一级, not points. This is not a points rubric; skipped.',
    );
    expect(text.模板).toMatch(
      /^Row 1 is a header .*none of the 2 rows under it states points \(the "分值" column is empty\)/,
    );
    expect(text.空白).toBe('The sheet is empty; skipped.');
    expect(text.通讯录).toMatch(/The nearest is row 1: 备注\.$/);
    for (const t of Object.values(text)) expect(t).not.toMatch(/[，。：；]/);
  });

  it('prints the same sentences in the plain report, one line per sheet', async () => {
    const r = await cli(['check', path, '--lang', 'zh']);
    const json = await skippedOf('zh');
    for (const s of json) expect(r.out).toContain(`  · 工作表「${s.name}」: ${s.message}`);
  });
});
