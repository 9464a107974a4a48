/**
 * The real rubrics of other organisations (../shared/real-rubrics, read in place, never copied):
 * what detection must find in each, and that a consistent table raises no false integrity error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import type { CheckReport, JsonFile, JsonSheet } from '../../src/cli/commands/check';
import { analyzeWorkbook } from '../../src/core/analyze';
import type { WorkbookGrid } from '../../src/core/grid';
import type { DetectedTable } from '../../src/core/rubric';
import { run } from '../../src/cli/main';

const CORPUS = join(process.cwd(), '..', 'shared', 'real-rubrics');
const present = existsSync(CORPUS);
if (!present && process.env.CI === 'true')
  throw new Error(`${CORPUS} is missing: CI runs with ../shared beside the checkout`);

let report: CheckReport;
const file = (name: string): JsonFile => {
  const f = report.files.find((x) => x.file.endsWith(name));
  if (!f) throw new Error(`${name} not in the report`);
  return f;
};
const codes = (s: JsonSheet) => s.issues.map((i) => i.code);
const criteria = (s: JsonSheet) => s.columns.find((c) => c.role === 'criteria');

describe.skipIf(!present)('the real rubrics in ../shared/real-rubrics', () => {
  beforeAll(async () => {
    let out = '';
    const io = {
      out: (t: string) => {
        out += t;
      },
      err: () => {},
      errIsTTY: false,
    };
    await run(['check', CORPUS, '--json'], io);
    report = JSON.parse(out) as CheckReport;
  }, 120_000);

  it('finds a points table in every file that has points, and skips the sanctions sheet saying why', () => {
    for (const f of report.files) {
      if (f.file.endsWith('gas-redyellow-line-nnzr.xlsx')) continue;
      expect(f.sheets.length, f.file).toBeGreaterThan(0);
      for (const s of f.sheets) expect(s.items.length, `${f.file} ${s.name}`).toBeGreaterThan(0);
    }
    const sanctions = file('gas-redyellow-line-nnzr.xlsx');
    expect(sanctions.sheets).toEqual([]);
    expect(sanctions.skipped).toHaveLength(1);
    // The message says what was found (the header row, a 处罚标准 of 降职/降薪), not only "no table".
    expect(sanctions.skipped[0]!.message).toMatch(/表头/);
    expect(sanctions.skipped[0]!.message).toMatch(/降职|降薪|处罚/);
  });

  it('reads the rule from 评分方法 where 评分标准 beside it holds the requirement (cadre files)', () => {
    const s = file('cadre-archives-archivesDemo.xlsx').sheets[0]!;
    expect(s.items).toHaveLength(23);
    expect(s.max).toBe(100);
    expect(criteria(s)).toMatchObject({ column: 'D', header: '评分方法', by: 'content' });
    expect(s.columns.find((c) => c.column === 'C')).toMatchObject({ role: 'requirement', by: 'content' });
    // The 单项否决 是/否 column is read, and said.
    expect(codes(s)).toContain('vetoColumn');
    expect(s.items.some((i) => i.rule.summary.length > 0 && !i.rule.summary.includes('酌情'))).toBe(true);
  });

  it('takes points written in the requirement text, and says so (health supervision)', () => {
    const s = file('health-supervision-test-demo3.xlsx').sheets[0]!;
    expect(s.items.length).toBeGreaterThan(20);
    expect(s.max).toBe(100);
    expect(codes(s)).toContain('pointsFromText');
  });

  it('raises no false integrity error on the consistent 1,000-point table with 小计 rows (warehouse)', () => {
    const s = file('warehouse-safety-ssms.xlsx').sheets[0]!;
    expect(s.max).toBe(1000);
    for (const code of ['pointsSumMismatch', 'declaredTotalMismatch', 'totalNot100'])
      expect(codes(s), code).not.toContain(code);
  });

  it('reads a 总分 row directly under the header without ending the table (river chiefs)', () => {
    for (const name of ['river-chief-county-sc.xlsx', 'river-chief-township-sc.xlsx']) {
      const s = file(name).sheets[0]!;
      expect(s.items.length, name).toBeGreaterThan(20);
      expect(
        s.issues.filter((i) => i.severity === 'error').map((i) => i.code),
        name,
      ).toEqual([]);
    }
  });

  it('reads the county river-chief table as its README says: 总分 100 = 40 general + 60 for one department', async () => {
    // The 1900 the items add up to is 40 (five general items) + 31 department parts × 60: each
    // responsible unit is scored on the general part and on its own department's 60 (按部门分值各60分考核).
    const s = file('river-chief-county-sc.xlsx').sheets[0]!;
    expect(s.items).toHaveLength(42);
    expect(s.max).toBe(1900);
    const general = s.items.filter((i) => ['D5', 'D6', 'D7', 'D8', 'D9'].includes(i.cell));
    expect(general.map((i) => i.max)).toEqual([8, 7, 10, 10, 5]);
    const alt = s.issues.find((i) => i.code === 'pointsAlternatives');
    expect(alt?.message).toMatch(/31 个部分各为 60 分/);
    // The 1900 is no unit's maximum: the sheet says so, as a warning, with a unit's 100 beside it.
    const over = s.issues.find((i) => i.code === 'maxAlternatives');
    expect(over).toMatchObject({ severity: 'warning' });
    expect(over?.message).toMatch(/合计 1900 分.*满分为 100 分.*选定/);
    // The stated total is the 总分 row directly under the header: 100, not 1900.
    const grid = await readXlsx(join(CORPUS, 'river-chief-county-sc.xlsx'));
    const table = analyzeWorkbook(grid).sheets[0]!.analysis!.table;
    expect(table.totalRow).toBe(2);
    expect(table.declaredTotal).toBe(100);
    // The max is the sum of the points cells as the sheet holds them, read here cell by cell.
    const sheet = grid.sheets[0]!;
    const written = table.items.map((i) => Number(sheet.values[i.pointsCell.row]?.[i.pointsCell.col]));
    expect(written.every((n) => Number.isFinite(n))).toBe(true);
    expect(written.reduce((a, n) => a + n, 0)).toBe(s.max);
  });

  it('scores the base-score table as base + bonuses − deductions, out of its stated maximum (teaching)', () => {
    const s = file('teaching-taiwan-cis.xlsx').sheets[0]!;
    // 註：基本分為70分 … nothing entered yet: the total is the base, out of the 100 the note states.
    expect(s.total).toBe(70);
    expect(s.max).toBe(100);
    expect(s.issues.find((i) => i.code === 'pointsScheme')?.message).toMatch(/基本分 70 分.*最高 100 分/);
  });

  it('says where the 基本分 was read: the note under the table, as sheet!cell (teaching)', async () => {
    const s = file('teaching-taiwan-cis.xlsx').sheets[0]!;
    const said = s.issues.find((i) => i.code === 'pointsScheme')!;
    expect(said.message).toContain(`${s.name}!${said.cell}`);
    // The cell named holds the note 註：基本分為70分…, read here from the file itself.
    const grid = await readXlsx(join(CORPUS, 'teaching-taiwan-cis.xlsx'));
    const m = /^([A-Z]+)(\d+)$/.exec(said.cell ?? '')!;
    const text = grid.sheets[0]!.values[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
    expect(String(text)).toMatch(/基本分為70分/);
  });

  it('scores the bonus-only tables out of the bonuses their items state (village credit)', async () => {
    const grid = await readXlsx(join(CORPUS, 'village-credit-haibeifen.xlsx'));
    const analyses = analyzeWorkbook(grid).sheets.filter((x) => x.analysis);
    expect(analyses.length).toBeGreaterThanOrEqual(8);
    for (const { sheet: name, analysis } of analyses) {
      const table = analysis!.table;
      const sheet = grid.sheets.find((g) => g.name === name)!;
      // "+5", "+1至+10": the largest value each points cell states, read from the cell text here.
      const stated = table.items.map((i) => {
        const text = String(sheet.values[i.pointsCell.row]?.[i.pointsCell.col] ?? '');
        const nums = [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
        return Math.max(0, ...nums);
      });
      const s = file('village-credit-haibeifen.xlsx').sheets.find((x) => x.name === name)!;
      expect(s.max, name).toBeGreaterThan(0);
      expect(Math.round(s.max * 100), name).toBe(Math.round(stated.reduce((a, n) => a + n, 0) * 100));
      expect(s.total, name).toBe(0);
    }
  });

  it('adds no score typed on an item without points into the total, and says so at the cell (staffing)', () => {
    const s = file('staffing-eval-syqdemo.xlsx').sheets[0]!;
    const unpointed = s.items.filter((i) => i.max === 0 && i.score !== 0);
    expect(unpointed).toEqual([]);
    // The total is the sum of the items that state points, as read item by item from the report.
    const sum = s.items.reduce((a, i) => a + Math.round(i.score * 100), 0);
    expect(Math.round(s.total * 100)).toBe(sum);
    expect(s.total).toBeLessThanOrEqual(s.max);
    const said = s.issues.filter((i) => i.code === 'entryWithoutPoints').map((i) => i.cell);
    // 50.34375 and 19.1792 typed in 得分 beside “工作绩效”/“综合评价”, which state no points.
    expect(said).toEqual(['H2', 'H3']);
    // And once for the sheet: four items state no points, so 20 is not the whole maximum.
    const sheetLevel = s.issues.filter((i) => i.code === 'maxUndecided');
    expect(sheetLevel.map((i) => i.cell)).toEqual([null]);
    expect(sheetLevel[0]!.message).toMatch(/另有 4 项没有分值（C2、C3、C4 等）.*满分 20/);
  });

  it('says out loud when a table follows another scheme: base score, bonus only, points per role', () => {
    expect(codes(file('teaching-taiwan-cis.xlsx').sheets[0]!)).toContain('pointsScheme');
    const credit = file('village-credit-haibeifen.xlsx');
    expect(credit.sheets.length).toBeGreaterThanOrEqual(8);
    for (const s of credit.sheets) expect(codes(s), s.name).toContain('pointsScheme');
    expect(codes(file('gas-negative-list-nnzr.xlsx').sheets[0]!)).toContain('pointsByRole');
  });

  // One `it` per file: what the file itself holds, counted from its rows (see the table beside each
  // figure), and what detection must therefore find.
  const grids = new Map<string, Promise<WorkbookGrid>>();
  const tableOf = async (name: string, sheet?: string): Promise<DetectedTable> => {
    if (!grids.has(name)) grids.set(name, readXlsx(join(CORPUS, name)));
    const report = analyzeWorkbook(await grids.get(name)!);
    const found = report.sheets.find((x) => x.analysis && (sheet === undefined || x.sheet === sheet));
    if (!found?.analysis) throw new Error(`${name} ${sheet ?? ''}: no table read`);
    return found.analysis.table;
  };
  const column = (s: JsonSheet, role: string) =>
    s.columns.filter((c) => c.role === role).map((c) => `${c.column}=${c.header}`);
  const errors = (s: JsonSheet) => s.issues.filter((i) => i.severity === 'error').map((i) => i.code);
  const FALSE_ALARMS = ['pointsSumMismatch', 'declaredTotalMismatch', 'totalNot100', 'pointsMissing'];
  const noFalseAlarm = (s: JsonSheet) => {
    for (const code of FALSE_ALARMS) expect(codes(s), `${s.name} ${code}`).not.toContain(code);
  };
  /** Top-level groups as "label=points stated in the label / points of the items under it". */
  const topGroups = (t: DetectedTable) => {
    const points = new Map(t.items.map((i) => [i.id, i.points ?? 0]));
    const byId = new Map(t.groups.map((g) => [g.id, g]));
    const sum = (id: string): number => {
      const g = byId.get(id)!;
      return g.itemIds.reduce((a, i) => a + points.get(i)!, 0) + g.groupIds.reduce((a, c) => a + sum(c), 0);
    };
    return t.rootGroupIds.map((id) => `${byId.get(id)!.label}=${byId.get(id)!.declaredPoints}/${sum(id)}`);
  };

  it('cadre-archives: 23 numbered rows of 总分值 adding to 100, rule in D 评分方法, one 单项否决 是', () => {
    const [s, ...more] = file('cadre-archives-archivesDemo.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.name).toBe('档案审核标准');
    expect(s!.items).toHaveLength(23);
    expect(s!.max).toBe(100);
    expect(column(s!, 'points')).toEqual(['E=总分值']);
    expect(column(s!, 'criteria')).toEqual(['D=评分方法']);
    expect(column(s!, 'veto')).toEqual(['F=单项否决']);
    expect(errors(s!)).toEqual([]);
    noFalseAlarm(s!);
  });

  it('coal-dispatch: 50 items under six 一、…六、 elements, six 小计 rows and 合计 100, rule in E', async () => {
    const [s, ...more] = file('coal-dispatch-spimp.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.items).toHaveLength(50);
    expect(s!.max).toBe(100);
    expect(column(s!, 'points')).toEqual(['F=标准分']);
    expect(column(s!, 'criteria')).toEqual(['E=考核评分办法']);
    expect(errors(s!)).toEqual([]);
    noFalseAlarm(s!);
    const t = await tableOf('coal-dispatch-spimp.xlsx');
    expect(t.declaredTotal).toBe(100);
    // 小计 rows 5, 11, 28, 38, 53, 57 (F: 5, 5, 36, 25, 25, 4), each summing its element's items.
    expect(t.subtotals!.map((x) => [x.row + 1, x.declared, x.itemIds.length])).toEqual([
      [5, 5, 3],
      [11, 5, 5],
      [28, 36, 16],
      [38, 25, 9],
      [53, 25, 14],
      [57, 4, 3],
    ]);
    expect(t.rootGroupIds).toHaveLength(6);
  });

  it('coal-dispatch: an element label "一、组织机构(5)" states its points in bare brackets', async () => {
    const t = await tableOf('coal-dispatch-spimp.xlsx');
    expect(topGroups(t)).toEqual([
      '组织机构=5/5',
      '调度装备=5/5',
      '调度管理=36/36',
      '调度汇报=25/25',
      '调度信息化管理=25/25',
      '工作场所及环境文明=4/4',
    ]);
  });

  it('gas-negative-list: 51 violations, points per role in E/F/G (直接责任人 scored), no total', async () => {
    const [s, ...more] = file('gas-negative-list-nnzr.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.items).toHaveLength(51);
    expect(column(s!, 'points')).toEqual(['E=直接责任人', 'F=部门负责人', 'G=分管领导']);
    expect(column(s!, 'criteria')).toEqual([]);
    expect(errors(s!)).toEqual([]);
    noFalseAlarm(s!);
    const t = await tableOf('gas-negative-list-nnzr.xlsx');
    expect(t.scheme).toBe('demerit');
    // Row 2: 安检实际未入户… 12 | 3 | 1.
    expect(t.items[0]!.rolePoints).toEqual([12, 3, 1]);
    // 业务类别 (B) over 违章违纪类别 (C), both written on every row.
    expect(topGroups(t)).toEqual([
      '安全类=null/77',
      '抄收类=null/81',
      '稽查类=null/18',
      '热线服务类=null/36',
      '投诉类=null/108',
      '系统操作类=null/18',
    ]);
    expect(t.groups.filter((g) => g.level === 2)).toHaveLength(14);
  });

  it('gas-redyellow-line: the sanctions sheet (降职/降薪, no points) is skipped, saying what it holds', () => {
    const f = file('gas-redyellow-line-nnzr.xlsx');
    expect(f.sheets).toEqual([]);
    // Row 1: 序号 | 类别 | 考核标准 | 考核细则 | 数据统计原则 | 处罚标准 (over F:H); F3:H21 hold 降职,
    // 降薪两级, 降薪一级, 通报批评: sanctions, and no cell of the sheet states points.
    const { message: _m, ...said } = f.skipped[0]!;
    expect(f.skipped).toHaveLength(1);
    expect(said).toEqual({
      name: '客服条口红黄线考核细则',
      reason: 'noItems',
      code: 'sanctions',
      row: 1,
      headers: ['序号', '类别', '考核标准', '考核细则', '数据统计原则', '处罚标准'],
      sanctionHeaders: ['处罚标准'],
      sanctions: ['降职', '降薪两级', '降薪一级'],
    });
  });

  it('health-supervision: 27 items whose points are in 工作要求 "（2分）", seven groups as labelled, 100', async () => {
    const [s, ...more] = file('health-supervision-test-demo3.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.items).toHaveLength(27);
    expect(s!.max).toBe(100);
    expect(column(s!, 'points')).toEqual([]);
    expect(column(s!, 'criteria')).toEqual(['D=评分标准']);
    expect(errors(s!)).toEqual([]);
    noFalseAlarm(s!);
    const t = await tableOf('health-supervision-test-demo3.xlsx');
    expect(t.items.every((i) => i.pointsFrom === 'text' && i.pointsCell.col === 1)).toBe(true);
    expect(topGroups(t)).toEqual([
      '组织领导、计划总结和项目公示=7/7',
      '培训、督导、考核和资金管理=9/9',
      '宣传培训=8/8',
      '掌握本底、代办证照=17/17',
      '日常巡查=32/32',
      '信息报告=23/23',
      '其他任务=4/4',
    ]);
    // （12分，7分奖分）, （2分，3分奖分）, （2分，为奖励分）: bonuses on top of the 100.
    expect(t.items.filter((i) => i.bonus).map((i) => [i.row + 1, i.points, i.bonus])).toEqual([
      [25, 12, 7],
      [28, 2, 3],
      [29, 0, 2],
    ]);
  });

  it('residency-surgery: 39 三级指标 rows under four 一级指标 (20/15/30/35), 合计 100, rule in E', async () => {
    const [s, ...more] = file('residency-surgery-wm_doctor_res.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.items).toHaveLength(39);
    expect(s!.max).toBe(100);
    expect(column(s!, 'points')).toEqual(['F=分值']);
    expect(column(s!, 'criteria')).toEqual(['E=评分标准']);
    expect(errors(s!)).toEqual([]);
    noFalseAlarm(s!);
    const t = await tableOf('residency-surgery-wm_doctor_res.xlsx');
    expect(t.declaredTotal).toBe(100);
    expect(topGroups(t)).toEqual(['基本条件=20/20', '师资条件=15/15', '过程管理=30/30', '质量控制=35/35']);
    // 一级 → 二级 → 三级指标: three levels of groups.
    expect(Math.max(...t.groups.map((g) => g.level))).toBe(3);
  });

  it('river-chief-county: 42 items, rule in F 评分标准, points in D 各项分值, 总分 100 under the header', () => {
    const [s, ...more] = file('river-chief-county-sc.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.items).toHaveLength(42);
    expect(column(s!, 'points')).toEqual(['D=各项分值']);
    expect(column(s!, 'criteria')).toEqual(['F=评分标准']);
    expect(errors(s!)).toEqual([]);
    noFalseAlarm(s!);
  });

  it('river-chief-township: 25 items in six sections (31+2+15+45+7 = 总分 100, and 奖扣分项目), rule in D', async () => {
    const [s, ...more] = file('river-chief-township-sc.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.items).toHaveLength(25);
    expect(column(s!, 'points')).toEqual(['C=各项分值']);
    expect(column(s!, 'criteria')).toEqual(['D=考核指标']);
    expect(errors(s!)).toEqual([]);
    noFalseAlarm(s!);
    const t = await tableOf('river-chief-township-sc.xlsx');
    expect(t.declaredTotal).toBe(100);
    expect(t.totalRow).toBe(2);
    expect(topGroups(t)).toEqual([
      '巩固成果，提升河长制工作实效=31/31',
      '对标中央、省、市，落实湖长制重点任务（琴江镇温坊人工湖）=2/2',
      '水岸联动，推进“管治保”措施=15/15',
      '行动升级，推进突出问题专项整治=45/45',
    ]);
  });

  // The 奖扣分项目's 7 (C32) is not part of the 100: its rule (奖20、10分 / 扣20、10分) adds or takes
  // off beside the total, as the integrity check already takes it.
  it('river-chief-township: the maximum is the 总分 100, with 奖扣分项目 beside it', () => {
    const s = file('river-chief-township-sc.xlsx').sheets[0]!;
    expect(s.max).toBe(100);
  });

  it('staffing-eval: 22 numbered rows (1.1 … 4.5) on the one sheet, rule in C 评分办法', () => {
    const [s, ...more] = file('staffing-eval-syqdemo.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.items).toHaveLength(22);
    expect(column(s!, 'criteria')).toEqual(['C=评分办法']);
    expect(column(s!, 'points')).toEqual([]);
    // The four items that state no points (C2, C3, C4, C11) are said to; nothing else is an error.
    expect(s!.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.cell}`)).toEqual([
      'pointsMissing C2',
      'pointsMissing C3',
      'pointsMissing C4',
      'pointsMissing C11',
    ]);
  });

  it('teaching-taiwan: five 考評項目 on a 基本分 70 table, rule in B 評分細項及標準', async () => {
    const [s, ...more] = file('teaching-taiwan-cis.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.items).toHaveLength(5);
    expect(column(s!, 'criteria')).toEqual(['B=評分細項及標準']);
    expect(errors(s!)).toEqual([]);
    noFalseAlarm(s!);
    const t = await tableOf('teaching-taiwan-cis.xlsx');
    expect(t.scheme).toBe('base');
    expect(t.baseScore).toBe(70);
  });

  it('village-credit: eight bonus tables read with their item counts, the empty 其他 table skipped', () => {
    const f = file('village-credit-haibeifen.xlsx');
    // Rows under each sheet's header (信用赋分 E), counted in the file.
    expect(f.sheets.map((s) => [s.name, s.items.length])).toEqual([
      ['党建领域（农村党组织书记、村委会主任）', 14],
      ['党建领域（农村党员）', 9],
      ['新时代文明实践', 28],
      ['社会公益', 9],
      ['公民道德', 5],
      ['村居管理', 19],
      ['表彰奖励', 8],
      ['国防建设', 7],
    ]);
    for (const s of f.sheets) {
      expect(column(s, 'points'), s.name).toEqual(['E=信用赋分']);
      expect(column(s, 'criteria'), s.name).toEqual(['D=评价标准']);
      expect(errors(s), s.name).toEqual([]);
      noFalseAlarm(s);
    }
    // 其他: one row under the header, "村级自设奖分项(最多 5 条)", its 信用赋分 empty.
    expect(f.skipped.map((k) => [k.name, k.reason, k.code, k.row, k.pointsHeader, k.rows])).toEqual([
      ['其他', 'noItems', 'noScoredRows', 2, '信用赋分', 1],
    ]);
  });

  it('warehouse-safety: 164 items, 13 小计 rows and 总计 1000, rule in E 考评办法', async () => {
    const [s, ...more] = file('warehouse-safety-ssms.xlsx').sheets;
    expect(more).toEqual([]);
    expect(s!.items).toHaveLength(164);
    expect(s!.max).toBe(1000);
    expect(column(s!, 'points')).toEqual(['D=标准分值']);
    expect(column(s!, 'criteria')).toEqual(['E=考评办法']);
    expect(errors(s!)).toEqual([]);
    noFalseAlarm(s!);
    const t = await tableOf('warehouse-safety-ssms.xlsx');
    expect(t.declaredTotal).toBe(1000);
    expect(t.subtotals!.map((x) => x.declared)).toEqual([
      10, 20, 20, 100, 100, 220, 180, 100, 40, 80, 70, 20, 40,
    ]);
  });

  it('warehouse-safety: the 13 elements of 类目 (A, written on every row) are the top-level groups', async () => {
    const t = await tableOf('warehouse-safety-ssms.xlsx');
    expect(t.rootGroupIds).toHaveLength(13);
    expect(t.groups.find((g) => g.id === t.rootGroupIds[0])!.text).toBe('1.安全生产目标');
  });

  it('reports, per sheet, which column was used for what and how it was chosen', () => {
    for (const f of report.files)
      for (const s of f.sheets) {
        expect(s.columns.length, `${f.file} ${s.name}`).toBeGreaterThan(0);
        for (const c of s.columns) expect(c.column).toMatch(/^[A-Z]+$/);
        expect(
          s.columns.some((c) => c.role === 'points') ||
            codes(s).includes('pointsFromText') ||
            codes(s).includes('pointsScheme'),
          `${f.file} ${s.name}`,
        ).toBe(true);
      }
  });
});
