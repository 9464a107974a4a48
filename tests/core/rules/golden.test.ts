/**
 * The parser's readings of every 评分标准 we hold, frozen: the seed rubric (as its sample workbooks and
 * as the scraped text, line by line), the real rubrics of other offices (../shared/real-rubrics, read in
 * place) and a fixed sample of texts assembled from the clause families. A change to the grammar that
 * changes any reading shows here as a snapshot diff, to be accepted only on purpose.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/adapters/xlsx/read';
import { detectWorkbook } from '../../../src/core/detect';
import { parseRuleStrict } from '../../../src/core/rules/parse';

const SHARED = join(process.cwd(), '..', 'shared');
const REAL = join(SHARED, 'real-rubrics');
const SEED = join(SHARED, 'seed', 'rubric-2014-caitun.txt');
const present = existsSync(REAL) && existsSync(SEED);
if (!present && process.env.CI === 'true')
  throw new Error(`${SHARED} is missing: CI runs with ../shared beside the checkout`);

interface Input {
  criteria: string;
  requirement: string;
  points: number | null;
}

/** Every distinct (criteria, requirement, points) of the items detected in the workbooks, sorted. */
async function inputsOf(files: string[]): Promise<Input[]> {
  const seen = new Map<string, Input>();
  for (const f of files) {
    for (const d of detectWorkbook(await readXlsx(f))) {
      if (!d.ok) continue;
      for (const item of d.table.items) {
        // As the analysis reads it: with no 评分标准 column the rule is in the item's own text.
        const criteria = d.table.columns.criteria === undefined ? item.text : item.criteria;
        const input = { criteria, requirement: item.requirement, points: item.points };
        seen.set(JSON.stringify(input), input);
      }
    }
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

const readings = (inputs: Input[]): string =>
  `${JSON.stringify(
    inputs.map((i) => ({
      ...i,
      rule: parseRuleStrict(i.criteria, { requirement: i.requirement, points: i.points }),
    })),
    null,
    1,
  )}\n`;

const xlsxIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => join(dir, f));

/** Texts assembled from the clause families, drawn with a fixed seed so the sample never changes. */
function generated(): Input[] {
  const amount = fc.constantFrom('0.5', '1', '2', '0.2');
  const count = fc.constantFrom('2', '3', '12');
  const cond = fc.constantFrom('台账不全', '未按时上报', '资料缺失', '');
  const unit = fc.constantFrom('人', '次', '项');
  const clause = fc.oneof(
    fc.tuple(cond, unit, amount).map(([c, u, a]) => `${c}每${u}扣${a}分`),
    fc.tuple(cond, amount).map(([c, a]) => `${c}扣${a}分/人`),
    fc.tuple(cond, count, amount).map(([c, n, a]) => `${c}全年不少于${n}次，每少一次扣${a}分`),
    fc.tuple(cond, count, amount).map(([c, n, a]) => `${c}不足${n}篇的扣${a}分`),
    fc.tuple(cond, amount).map(([c, a]) => `${c || '出现问题'}的扣${a}分`),
    fc.tuple(amount).map(([a]) => `完成率每低1个百分点扣${a}分`),
    fc.tuple(amount).map(([a]) => `完成率≥90%得满分，≥80%得${a}分，＜80%不得分`),
    fc.tuple(amount).map(([a]) => `最多扣${a}分`),
    fc.constantFrom('扣完为止', '不倒扣', '满分5分', '酌情扣分', '酌情加分', '累计不超过2分'),
    fc.tuple(amount, amount).map(([a, b]) => `第一次扣${a}分，第二次起每次扣${b}分`),
    fc.tuple(amount).map(([a]) => `出现一次扣${a}分，两次扣${a}分`),
    fc.tuple(cond, amount).map(([c, a]) => `${c || '发生事故'}的，不得分，并追加扣除${a}分`),
    fc.tuple(cond).map(([c]) => `${c || '发生事故'}的，取消评优资格`),
    fc.tuple(cond).map(([c]) => `${c || '弄虚作假'}的，一票否决`),
    fc.tuple(cond).map(([c]) => `${c || '弄虚作假'}的，本项否决`),
    fc.tuple(cond, amount, amount).map(([c, a, b]) => `${c}视情况扣${a}-${b}分`),
    fc.tuple(cond, amount).map(([c, a]) => `${c}每开展一次得${a}分`),
    fc.tuple(cond, amount).map(([c, a]) => `${c}每项${a}分`),
    fc.tuple(cond, amount).map(([c, a]) => `${c}每一条奖励${a}分`),
    fc.constantFrom('得分=完成率×本项分值', '未协助的，未组织的，各扣1分', '无方案、小结、信息的各扣1分'),
  );
  const sep = fc.constantFrom('，', '；', '。', '\n');
  const text = fc
    .array(fc.tuple(clause, sep), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.map(([c, s]) => c + s).join(''));
  const points = fc.constantFrom(null, 2, 5);
  return fc
    .sample(fc.tuple(text, points), { seed: 20140101, numRuns: 400 })
    .map(([criteria, p]) => ({ criteria, requirement: '', points: p }));
}

describe('the parser’s readings, frozen', () => {
  it('of the seed rubric’s sample workbooks', async () => {
    const files = [...xlsxIn('samples'), ...xlsxIn(join('samples', 'units'))];
    await expect(readings(await inputsOf(files))).toMatchFileSnapshot('__snapshots__/golden-samples.json');
  });

  it('of texts assembled from the clause families (fixed sample)', async () => {
    await expect(readings(generated())).toMatchFileSnapshot('__snapshots__/golden-generated.json');
  });

  it.skipIf(!present)('of the seed rubric as scraped, line by line', async () => {
    const lines = readFileSync(SEED, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const inputs = lines.map((criteria) => ({ criteria, requirement: '', points: null }));
    await expect(readings(inputs)).toMatchFileSnapshot('__snapshots__/golden-seed-text.json');
  });

  it.skipIf(!present)(
    'of the real rubrics of other offices',
    async () => {
      const inputs = await inputsOf(xlsxIn(REAL));
      expect(inputs.length).toBeGreaterThan(100);
      await expect(readings(inputs)).toMatchFileSnapshot('__snapshots__/golden-real.json');
    },
    120_000,
  );
});
