/**
 * A rubric whose header words are in no list is read from what lies below its header row: short
 * labels, a column of small numbers (points), prose scoring rules, an empty entry column.
 */
import { describe, expect, it } from 'vitest';
import { detectTable } from '../../src/core/detect/index';
import type { DetectedTable, Detection } from '../../src/core/rubric';
import { GridBuilder } from '../helpers/grid';

function table(d: Detection): DetectedTable {
  if (!d.ok) throw new Error(`expected a table, got ${d.skipped.reason} (${d.skipped.code})`);
  return d.table;
}

function unknownOffice(): GridBuilder {
  return new GridBuilder('检查表')
    .row('A1', ['某局安全检查计分表'])
    .row('A2', ['序', '检查事项', '计分', '判定办法', '实得'])
    .row('A3', [1, '安全台账齐全', 5, '缺一项扣1分，扣完为止', null])
    .row('A4', [2, '消防器材定期检查', 10, '未检查的扣2分', null])
    .row('A5', [3, '隐患整改按期完成', 5, '逾期一次扣1分', null])
    .row('A6', [4, '安全培训全员参加', 10, '缺一人次扣0.5分', null]);
}

describe('header words in no list', () => {
  it('finds the header row above labels, points and rules', () => {
    const t = table(detectTable(unknownOffice().build()));
    expect(t.headerRow).toBe(1);
    expect(t.items.map((i) => [i.text, i.points])).toEqual([
      ['安全台账齐全', 5],
      ['消防器材定期检查', 10],
      ['隐患整改按期完成', 5],
      ['安全培训全员参加', 10],
    ]);
    expect(t.columns.points).toBe(2);
    expect(t.columns.criteria).toBe(3);
    expect(t.items[0]!.criteria).toBe('缺一项扣1分，扣完为止');
    expect(t.columns.score).toBe(4);
    expect(t.headers.score).toBe('实得');
  });

  it('says that the columns were read by content', () => {
    const t = table(detectTable(unknownOffice().build()));
    const uses = new Map((t.columnUses ?? []).map((u) => [u.header, u.by]));
    expect(uses.get('计分')).toBe('content');
    expect(uses.get('判定办法')).toBe('content');
    expect(uses.get('实得')).toBe('content');
    expect(t.notes).toContainEqual({ kind: 'criteriaByContent', header: '判定办法', col: 3 });
  });

  it('finds a per-role points table with unknown headers', () => {
    const s = new GridBuilder('负面清单')
      .row('A1', ['序号', '负面行为', '直接责任人', '部门负责人', '分管领导'])
      .row('A2', [1, '迟到早退', 2, 1, 0.5])
      .row('A3', [2, '未按规定请假', 3, 2, 1])
      .row('A4', [3, '工作时间玩游戏', 5, 3, 2])
      .row('A5', [4, '泄露内部信息', 10, 5, 3])
      .build();
    const t = table(detectTable(s));
    expect(t.headerRow).toBe(0);
    expect(t.items.map((i) => [i.text, i.points])).toEqual([
      ['迟到早退', 2],
      ['未按规定请假', 3],
      ['工作时间玩游戏', 5],
      ['泄露内部信息', 10],
    ]);
    expect(t.scheme).toBe('demerit');
    expect(t.rolePoints?.map((r) => r.header)).toEqual(['直接责任人', '部门负责人', '分管领导']);
  });

  it('takes no table from rows of numbers without item text or rules', () => {
    const s = new GridBuilder('数据')
      .row('A1', ['月份', '甲', '乙', '丙'])
      .row('A2', ['一月', 3, 4, 5])
      .row('A3', ['二月', 6, 2, 1])
      .row('A4', ['三月', 2, 8, 4])
      .build();
    const d = detectTable(s);
    expect(d.ok).toBe(false);
  });
});
