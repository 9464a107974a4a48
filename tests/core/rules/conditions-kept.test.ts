/**
 * A condition never vanishes from a rule's reading: a "…的，" or "…，" clause before an action whose
 * own words carry a unit (and maybe a noun) stays in the term's `what` and in the explanation, or the
 * clause is reported unread.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { parseRule } from '../../../src/core/rules/parse';
import type { Rule } from '../../../src/core/rules/types';

/** Every term's `what`, and every unread span, joined: where a condition may be kept. */
function kept(r: Rule): string {
  const whats = r.terms.map((t) => ('what' in t ? String(t.what) : ''));
  const unread = r.unread.map((s) => r.source.slice(s.start, s.end));
  return [...whats, ...unread].join(' | ');
}

const zh = (r: Rule) => explainRule(r, 10, 'zh');

describe('a pending condition is kept with the action that counts', () => {
  it.each([
    // "…的，每份<noun>扣N分": the condition names the noun counted.
    ['未附会议记录或缺签字的，每份报告扣2分', ['未附会议记录或缺签字'], '报告'],
    ['不符合规范的，每份表格扣0.5分', ['不符合规范'], '表格'],
    ['无基础数据的，每个乡镇扣2分', ['无基础数据'], '乡镇'],
    // 没 written for 每.
    ['2005年以后新录用的，没缺一份档案扣2分', ['2005年以后新录用'], '档案'],
    ['缺台账且没有补录的，没缺一份扣0.2分', ['缺台账且没有补录'], null],
    // 每少一次 with no required count: the condition is what is missing.
    ['未组织且未按时报送总结的，每少一次扣2分', ['未组织且未按时报送总结'], null],
    // "…，" clauses with no 的.
    ['设备配置不全或运行不稳定，每有一项扣1分', ['设备配置不全或运行不稳定'], null],
    ['报送不及时，数据不完整，一次扣1分', ['报送不及时', '数据不完整'], null],
    ['根据抽查情况，态度不端正、记录不规范等，有一项次扣0.2分', ['态度不端正、记录不规范'], null],
    // 或 joins a clause to the "…的" clause after it.
    ['服务站无统一标牌，或未公开收费标准的，扣1分', ['服务站无统一标牌', '未公开收费标准'], null],
  ])('%s', (text, conds, noun) => {
    const r = parseRule(text, { points: 10 });
    const explained = zh(r);
    for (const c of conds) {
      expect(kept(r)).toContain(c);
      expect(explained).toContain(c);
    }
    if (noun) expect(explained).toContain(noun);
  });

  it('a bare verb or unit left over is no condition: 每有一项 names no "有", 有一项次 no "次"', () => {
    const a = parseRule('设备配置不全或运行不稳定，每有一项扣1分', { points: 10 });
    expect(zh(a)).not.toMatch(/(?:^|；)有的/);
    const b = parseRule('根据抽查情况，态度不端正、记录不规范等，有一项次扣0.2分', { points: 10 });
    expect(zh(b)).not.toMatch(/(?:^|；)次的/);
  });

  it('the condition words come before the noun, in one phrase: …的报告', () => {
    const r = parseRule('未附会议记录或缺签字的，每份报告扣2分', { points: 10 });
    expect(r.terms).toHaveLength(1);
    expect(r.terms[0]).toMatchObject({ kind: 'perUnit', unit: '份', amount: 2 });
    expect(kept(r)).toContain('未附会议记录或缺签字的报告');
  });

  it('一个项目 counts 项目, not a stray 目; 每次（件） names no "(件)"', () => {
    const a = parseRule('未按规定完成验收手续的，一个项目扣2分', { points: 10 });
    expect(a.terms[0]).toMatchObject({ kind: 'perUnit', unit: '项', what: '未按规定完成验收手续的项目' });
    const b = parseRule('台账不完整的，每次（件）扣0.5分', { points: 10 });
    expect(b.terms[0]).toMatchObject({ kind: 'perUnit', what: '台账不完整' });
  });

  it('an alternative joined with 或 keeps its 或: …无统一标牌或未公开收费标准', () => {
    const r = parseRule('服务站无统一标牌，或未公开收费标准的，扣1分', { points: 10 });
    expect(r.terms[0]).toMatchObject({ kind: 'flag', what: '服务站无统一标牌或未公开收费标准' });
  });

  it('a rule already naming its own condition is unchanged: 台账不全的，每次扣0.1分', () => {
    const r = parseRule('台账不全的，每次扣0.1分', { points: 10 });
    expect(r.terms[0]).toMatchObject({ kind: 'perUnit', unit: '次', what: '台账不全' });
  });
});

describe('property: cond的，每<unit><noun>扣n分 keeps cond', () => {
  const conds = fc.constantFrom(
    '未按规定签字',
    '未注明日期或缺盖章',
    '内容不完整',
    '超过时限上报',
    '没有建立台账',
    '资料不齐全且未补充',
    '未经审核批准',
    '格式不规范',
  );
  const nouns = fc.constantFrom('材料', '报告', '记录', '档案', '表格', '乡镇', '单位', '');
  const units = fc.constantFrom('份', '个', '项', '本', '张', '件');
  const amounts = fc.constantFrom('0.1', '0.5', '1', '2', '3', '5');
  it('the explanation contains the condition', () => {
    fc.assert(
      fc.property(conds, units, nouns, amounts, (cond, unit, noun, n) => {
        const text = `${cond}的，每${unit}${noun}扣${n}分`;
        const r = parseRule(text, { points: 10 });
        expect(zh(r)).toContain(cond);
        expect(kept(r)).toContain(cond);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a "…的" condition ended by a full stop', () => {
  it('is the condition of the action that opens the next sentence: …拒不整改的。每次扣4分', () => {
    const r = parseRule('巡检时发现设施损坏或业主拒不整改仍供水的。每次扣4分', { points: 10 });
    expect(r.terms[0]).toMatchObject({ kind: 'perUnit', unit: '次', amount: 4 });
    expect(kept(r)).toContain('巡检时发现设施损坏或业主拒不整改仍供水');
    expect(zh(r)).toContain('巡检时发现设施损坏或业主拒不整改仍供水');
  });
});
