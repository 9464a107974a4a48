/**
 * On a list of points charged per occurrence (负面清单记分), each row's own sentence is the condition of
 * its deduction: the explanation reads "…的每次扣N分", never with the sentence's closing "。" or 的 doubled.
 */
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../src/core/analyze';
import { GridBuilder } from '../helpers/grid';

describe('a 负面清单 row as its own condition', () => {
  it('leaves the sentence’s closing punctuation and 的 out of the condition', () => {
    const s = new GridBuilder('负面清单')
      .row('A1', ['序号', '负面行为', '直接责任人', '部门负责人', '分管领导'])
      .row('A2', [1, '值班期间擅自离岗的。', 2, 1, 0.5])
      .row('A3', [2, '台账记录弄虚作假；', 3, 2, 1])
      .row('A4', [3, '未按规定报送材料', 5, 3, 2])
      .row('A5', [4, '泄露内部信息', 10, 5, 3])
      .build();
    const report = analyzeWorkbook({ sheets: [s] });
    expect(report.sheets[0]!.skipped).toBeNull();
    const { table, rules } = report.sheets[0]!.analysis!;
    const summaries = table.items.map((i) =>
      rules[i.id]!.terms.map((t) => ('what' in t ? t.what : '')).join('|'),
    );
    expect(summaries).toEqual(['值班期间擅自离岗', '台账记录弄虚作假', '未按规定报送材料', '泄露内部信息']);
  });
});
