/**
 * Every clause accounted for: each number followed by 分/%/次/人/天 and every consequence word in a
 * rule text lies in a term, the cap, a neutral span (restated points, a count a term used) or an
 * unread span. Random rule texts are assembled from clauses real offices wrote.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consumedSpans, mentionsIn } from '../../../src/core/rules/account';
import { explainRule } from '../../../src/core/rules/explain';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Rule } from '../../../src/core/rules/types';

/** Clauses as written in the real rubrics (coal mine, public health, warehouse safety, staffing, hospital, river chiefs, college). */
const REAL = [
  '调度室负责人配备每缺少一人扣1分',
  '无资格证书，没人扣0.5分',
  '电话薄设置不规范或未设置扣0.2分',
  '抽查2个月，每一项指标未完成月计划扣1分，未完成年度计划扣2分',
  '记录不完整，每次扣0.3分',
  '有一个月未盘点煤库扣1分',
  '盘库月报表为按时上报或数据不准确，没次扣0.5分',
  '缺年度培训学习计划减1分',
  '培训、学习记录少一次扣0.5分',
  '少一人试卷扣0.2分',
  '重伤、一般事故迟报一次扣0.5分',
  '迟报超过2小时，一次扣1分',
  '发生影响全矿井生产超过1小时的事故迟报一次扣1分',
  '有一次没有报告的本项不得分',
  '在断电情况下连续播放不足2小时扣0.5分',
  '宣传培训每少一次扣0.5分，每缺一个行业扣1分，扣完为止',
  '巡查（访）未达到规定户次数，每下降2%扣0.5分，最高扣10分',
  '巡查指导记录每缺1份扣0.1分，最高扣5分',
  '人员持证率(按培训证统计)每下降5%扣0.5分',
  '报告的协管信息线索每少一条扣2分，最高扣12分',
  '每多报告一条线索奖励0.2分，最高奖励2分',
  '迟报一次扣2分，瞒报一次扣5分',
  '未发生突发公共卫生事件的不扣分',
  '根据考核情况，酌情奖分',
  '未协助管理相对人办理许可证的，未组织从业人员健康体检及培训的，相关台帐资料未登记的，各扣1分',
  '设置或配备不符合规定的，每处扣1分',
  '扣满4分的，追加扣除10分',
  '未按规定履行职责的，不得分，并追加扣除10分',
  '构成重大隐患的，不得分，并追加扣除20分',
  '无特种作业操作资格证书上岗作业的，每人次扣4分',
  '平均年龄不大于市级部门人员平均年龄的，得2分',
  '每超平均年龄1岁的，扣0.5分',
  '科级领导干部中35岁及以下的不低于总数的20%，得1分',
  '每低1%，扣0.05分',
  '发现一次的，扣0.5分',
  '发现有两次及以上的，此项不得分',
  '完成率≥90%，得满分',
  '完成率≥85%，得5分',
  '完成率＜80%，不得分',
  '2项培训均满足，得满分',
  '1项满足，得1分',
  '有方案无记录，得1分',
  '≥90分得满分，≥80分得4分，≥70分得2分，≥60分得1分，＜60分不得分',
  '年内全县查处非法捕捞案件10例以上（含简易案件）',
  '否则按完成比例得分（15分）',
  '查看相关会议记录（3分，少一次扣1分）',
  '出现1例未处理扣2分（5分）',
  '年内被省、市书面通报批评的分别扣5分、3分',
  '全部水库实现人放天养，得4分，未完成按水库退养完成比例扣分',
  '經學校排定監考而無故未到，每次扣1分',
  '更改一名學生扣1分，以5分為上限',
  '國家性甲級加1分/人，乙級加0.5分/人，其他證照加0.2分/人，最高上限10分',
  '一票否优',
  '取消年度评优资格',
  '考核不合格的，降档使用',
  '本项满分5分',
  '扣发当月绩效奖金500元',
  '每季度召开一次专题会议，少开一次扣0.5分',
];

/** Clauses in the same families from other domains (schools, hospitals, tax, transport, community). */
const OTHER = [
  '教案缺一课时扣0.5分',
  '课堂巡查发现学生睡觉每人次扣0.2分',
  '病历甲级率低于90%的，每低1个百分点扣0.5分',
  '差错2次以内得满分，3至5次得3分，6次以上不得分',
  '视情况扣0.5—2分',
  '本项共扣4分，其中台账不全扣2分',
  '纳税服务投诉每件扣1分，扣至零分为止',
  '累计扣满3分的，另扣5分',
  '再次发现的加倍扣分',
  '出现安全责任事故的，取消评先评优资格',
  '道路巡查发现问题每宗0.3分',
  '按实际完成比例计分',
  '排名前三的依次得5、4、3分',
  '满意度调查低于80%的，年度考核定为不合格',
  '每月报送信息不少于2条',
];

const SEPARATORS = ['，', '；', '。', '\n', ';'];

/** Mentions that no consumed span covers, as text. */
function unaccounted(rule: Rule): string[] {
  const consumed = consumedSpans(rule);
  return mentionsIn(rule.source)
    .filter((m) => !consumed.some((c) => c.start < m.span.end && m.span.start < c.end))
    .map((m) => m.text);
}

const text = fc
  .array(fc.tuple(fc.constantFrom(...REAL, ...OTHER), fc.constantFrom(...SEPARATORS)), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.map(([c, sep]) => `${c}${sep}`).join(''));

describe('every clause accounted for', () => {
  it('leaves no number of points, counts, percentages or consequence word outside a term or an unread span', () => {
    fc.assert(
      fc.property(text, fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }), (criteria, points) => {
        const rule = parseRuleStrict(criteria, { points });
        expect(unaccounted(rule)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('holds for every single clause, real and from other domains', () => {
    for (const c of [...REAL, ...OTHER]) expect(unaccounted(parseRuleStrict(c)), c).toEqual([]);
  });

  it('says what it could not read in the explanation', () => {
    fc.assert(
      fc.property(text, (criteria) => {
        const rule = parseRuleStrict(criteria);
        if (rule.unread.length > 0) expect(explainRule(rule, 10, 'zh')).toContain('未能识别');
      }),
      { numRuns: 200 },
    );
  });

  // Escalation (扣满N分的，另扣M分) is not a kind yet: its clauses are left out of this property.
  const noEscalation = text.filter((c) => !/扣满\d+分的[,，](?:另|追加)/.test(c));
  it('keeps the condition of every one-time deduction and every zeroing in its explanation', () => {
    fc.assert(
      fc.property(noEscalation, (criteria) => {
        const rule = parseRuleStrict(criteria);
        for (const t of rule.terms)
          if (t.kind === 'flag' || t.kind === 'zeroIf') expect(t.what, criteria).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('reports the second of two caps instead of dropping it', () => {
    const rule = parseRuleStrict(
      '巡查（访）未达到规定户次数，每下降2%扣0.5分，最高扣10分。巡查指导记录每缺1份扣0.1分，最高扣5分。',
      { points: 15 },
    );
    expect(unaccounted(rule)).toEqual([]);
  });

  it('reads the condition of a count from the clause before it ("记录不完整，每次扣0.3分")', () => {
    const rule = parseRuleStrict('无记录本扣2分；记录不完整，每次扣0.3分');
    expect(rule.terms.map((t) => ('what' in t ? t.what : ''))).toEqual(['无记录本', '记录不完整']);
  });
});
