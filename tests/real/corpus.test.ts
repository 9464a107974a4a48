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
