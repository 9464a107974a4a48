/**
 * The rule parser on 评分标准 wording from many kinds of offices (街道、社区、乡镇、部门 绩效考核细则:
 * 党建, 安全生产, 城市管理, 综治维稳, 信访, 环境卫生, 计划生育, 民政, 社保, 文明创建, 食品安全, 河长制,
 * 疫情防控, 双拥…), in the families the parser supports. None of these sentences is the seed's; they vary
 * the wording, numerals, punctuation, numbering and script. Text that cannot be read must be reported
 * in `unread`, never dropped.
 */
import { describe, expect, it } from 'vitest';
import { fmt } from '../../src/core/num';
import { explainRule } from '../../src/core/rules/explain';
import { parseRule } from '../../src/core/rules/parse';
import type { Cap, Rule, Term } from '../../src/core/rules/types';

/** Expected fields of a term (any subset); `at` is the original text its span must cover. */
type Want = { kind: Term['kind']; at?: string; whatHas?: string } & Record<string, unknown>;

interface Case {
  criteria: string;
  requirement?: string;
  points?: number;
  terms: Want[];
  cap?: Partial<Cap> & { at?: string };
  bonusCap?: number;
  unread?: string[];
}

function check(c: Case): Rule {
  const rule = parseRule(c.criteria, { requirement: c.requirement ?? '', points: c.points ?? null });
  const got = rule.terms.map((t) => ({ ...t, at: rule.source.slice(t.span.start, t.span.end) }));
  expect(got.map((t) => t.kind)).toEqual(c.terms.map((t) => t.kind));
  c.terms.forEach((want, i) => {
    const { whatHas, ...rest } = want;
    expect(got[i]).toMatchObject(rest);
    if (whatHas !== undefined) expect((got[i] as { what?: string }).what ?? '').toContain(whatHas);
  });
  if (c.cap) {
    const { at, ...cap } = c.cap;
    expect(rule.cap).toMatchObject(cap);
    if (at !== undefined) {
      expect(rule.cap.span).not.toBeNull();
      expect(rule.source.slice(rule.cap.span!.start, rule.cap.span!.end)).toBe(at);
    }
  }
  expect(rule.bonusCap).toBe(c.bonusCap);
  expect(rule.unread.map((u) => rule.source.slice(u.start, u.end))).toEqual(c.unread ?? []);
  return rule;
}

/** The plain-words sentence names every amount the rule states. */
function checkExplain(rule: Rule, c: Case): void {
  const zh = explainRule(rule, c.points ?? 5, 'zh');
  expect(zh.length).toBeGreaterThan(0);
  expect(explainRule(rule, c.points ?? 5, 'en').length).toBeGreaterThan(0);
  for (const t of rule.terms) {
    if ('amount' in t) expect(zh).toContain(fmt(t.amount));
    if (t.kind === 'shortfall' || t.kind === 'threshold') expect(zh).toContain(fmt(t.required));
    if (t.kind === 'rate' && t.target !== null) expect(zh).toContain(`${fmt(t.target)}%`);
    if (t.kind === 'bonus' && t.max !== null) expect(zh).toContain(fmt(t.max));
  }
  if (rule.cap.kind === 'explicit') expect(zh).toContain(fmt(Math.min(rule.cap.amount, c.points ?? 5)));
  if (rule.unread.length > 0) expect(zh).toContain('未能识别');
  else expect(zh).not.toContain('未能识别');
  if (rule.terms.length > 0) expect(zh).not.toContain('未识别到扣分规则');
}

const PER_UNIT: [string, Case][] = [
  [
    '每发现一起…扣2分',
    {
      criteria: '每发现一起安全隐患未及时整改的扣2分',
      terms: [{ kind: 'perUnit', amount: 2, unit: '起', whatHas: '安全隐患未及时整改' }],
    },
  ],
  ['每缺1项扣0.5分', { criteria: '每缺1项扣0.5分', terms: [{ kind: 'perUnit', amount: 0.5, unit: '项' }] }],
  [
    '缺一项扣1分，扣完为止',
    {
      criteria: '缺一项扣1分，扣完为止',
      terms: [{ kind: 'perUnit', amount: 1, unit: '项' }],
      cap: { kind: 'item', at: '扣完为止' },
    },
  ],
  [
    '发现1处扣0.2分，最多扣2分',
    {
      criteria: '发现1处扣0.2分，最多扣2分',
      terms: [{ kind: 'perUnit', amount: 0.2, unit: '处' }],
      cap: { kind: 'explicit', amount: 2, at: '最多扣2分' },
    },
  ],
  [
    '每超时1天扣0.1分',
    { criteria: '每超时1天扣0.1分', terms: [{ kind: 'perUnit', amount: 0.1, unit: '天' }] },
  ],
  [
    '逾期未报的，每逾期一天扣0.1分',
    {
      criteria: '逾期未报的，每逾期一天扣0.1分',
      terms: [
        { kind: 'perUnit', amount: 0.1, unit: '天', whatHas: '逾期', at: '逾期未报的，每逾期一天扣0.1分' },
      ],
    },
  ],
  [
    '扣1分/次 after 的',
    { criteria: '工作滞后的扣1分/次', terms: [{ kind: 'perUnit', amount: 1, unit: '次', what: '工作滞后' }] },
  ],
  [
    '扣0.5分/项',
    {
      criteria: '台账不全的扣0.5分/项',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '项', what: '台账不全' }],
    },
  ],
  [
    '被通报批评一次扣2分',
    {
      criteria: '被通报批评一次扣2分',
      terms: [{ kind: 'perUnit', amount: 2, unit: '次', whatHas: '通报批评' }],
    },
  ],
  [
    '按季度检查，每次发现问题扣0.5分',
    {
      criteria: '按季度检查，每次发现问题扣0.5分',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '次', whatHas: '发现问题' }],
    },
  ],
  [
    '信访: two 每起 terms in one cell',
    {
      criteria: '越级上访的，每起扣1分；进京非正常上访的，每起扣3分。',
      terms: [
        { kind: 'perUnit', amount: 1, unit: '起', whatHas: '越级上访' },
        { kind: 'perUnit', amount: 3, unit: '起', whatHas: '进京非正常上访' },
      ],
    },
  ],
  [
    '门前三包: 每家',
    {
      criteria: '门前三包责任不落实的，每家扣0.2分',
      terms: [{ kind: 'perUnit', amount: 0.2, unit: '家', whatHas: '门前三包责任不落实' }],
    },
  ],
  [
    '民政: 发现一户',
    {
      criteria: '发现一户错保漏保扣0.5分',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '户', whatHas: '错保漏保' }],
    },
  ],
  [
    '每人次',
    { criteria: '未参加集中学习的每人次扣0.2分', terms: [{ kind: 'perUnit', amount: 0.2, unit: '人次' }] },
  ],
  [
    '每宗',
    {
      criteria: '群众投诉经查属实的，每宗扣1分',
      terms: [{ kind: 'perUnit', amount: 1, unit: '宗', whatHas: '投诉' }],
    },
  ],
  [
    '每出现一例',
    {
      criteria: '每出现一例漏种扣0.5分',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '例', whatHas: '漏种' }],
    },
  ],
  ['每少报一人', { criteria: '每少报一人扣0.2分', terms: [{ kind: 'perUnit', amount: 0.2, unit: '人' }] }],
  [
    '每迟报一天 with a lead-in',
    {
      criteria: '信息报送每迟报一天扣0.1分',
      terms: [{ kind: 'perUnit', amount: 0.1, unit: '天', whatHas: '信息报送' }],
    },
  ],
  [
    '城管: 每处 after a list of findings',
    {
      criteria: '发现乱堆乱放、乱搭乱建现象的，每处扣0.2分',
      terms: [{ kind: 'perUnit', amount: 0.2, unit: '处', whatHas: '乱搭乱建' }],
    },
  ],
  [
    '疫情: 通报的每次',
    {
      criteria: '防控措施落实不到位，被上级督查通报的，每次扣1分',
      terms: [{ kind: 'perUnit', amount: 1, unit: '次', whatHas: '通报' }],
    },
  ],
  [
    '每张 small ads',
    {
      criteria: '辖区内小广告未及时清理的每张扣0.1分,扣完为止',
      terms: [{ kind: 'perUnit', amount: 0.1, unit: '张' }],
      cap: { kind: 'item' },
    },
  ],
  [
    '名次 below in a ranking',
    {
      criteria: '全区排名第一的记满分，每下降一个名次扣0.5分',
      terms: [
        { kind: 'fullIf', whatHas: '排名第一' },
        { kind: 'perUnit', amount: 0.5, unit: '名次' },
      ],
    },
  ],
];

const CAPS: [string, Case][] = [
  [
    '扣分不超过本项分值',
    {
      criteria: '每次扣0.5分，扣分不超过本项分值',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '次' }],
      cap: { kind: 'item', at: '扣分不超过本项分值' },
    },
  ],
  [
    '以上各项扣完为止',
    {
      criteria: '无方案的扣1分；无记录的扣1分；以上各项扣完为止',
      terms: [
        { kind: 'flag', amount: 1, what: '无方案' },
        { kind: 'flag', amount: 1, what: '无记录' },
      ],
      cap: { kind: 'item', at: '扣完为止' },
    },
  ],
  [
    '实行倒扣分',
    {
      criteria: '每发现一处违章建筑扣1分，实行倒扣分',
      terms: [{ kind: 'perUnit', amount: 1, unit: '处' }],
      cap: { kind: 'none' },
    },
  ],
  [
    '满分5分 states the points, not a rule',
    {
      criteria: '满分5分，每发现一处问题扣0.5分，扣完为止',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '处' }],
      cap: { kind: 'item' },
    },
  ],
  [
    '本项3分。 as its own sentence',
    {
      criteria: '本项3分。未按时上报的扣1分',
      terms: [{ kind: 'flag', amount: 1, what: '未按时上报' }],
    },
  ],
  [
    '扣分以2分为限',
    {
      criteria: '资料不规范的每项扣0.5分，扣分以2分为限',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '项' }],
      cap: { kind: 'explicit', amount: 2 },
    },
  ],
  [
    '扣分最多不超过1分',
    {
      criteria: '每发现一处扣0.1分，扣分最多不超过1分',
      terms: [{ kind: 'perUnit', amount: 0.1, unit: '处' }],
      cap: { kind: 'explicit', amount: 1 },
    },
  ],
  [
    '累计扣分不超过3分',
    {
      criteria: '每次扣1分，累计扣分不超过3分',
      terms: [{ kind: 'perUnit', amount: 1 }],
      cap: { kind: 'explicit', amount: 3 },
    },
  ],
  [
    '扣完该项分为止',
    {
      criteria: '每例扣0.5分，扣完该项分为止',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '例' }],
      cap: { kind: 'item' },
    },
  ],
  [
    '扣2分封顶',
    {
      criteria: '每次扣0.5分，扣2分封顶',
      terms: [{ kind: 'perUnit', amount: 0.5 }],
      cap: { kind: 'explicit', amount: 2 },
    },
  ],
  [
    '该项分值扣完即止',
    {
      criteria: '每缺一本台账扣0.5分，该项分值扣完即止',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '本' }],
      cap: { kind: 'item' },
    },
  ],
];

const SHORTFALL: [string, Case][] = [
  [
    '每月不少于1次 is a frequency: 12 in the assessment year',
    {
      criteria: '每月不少于1次，少一次扣0.5分',
      terms: [{ kind: 'shortfall', amount: 0.5, required: 12, unit: '次' }],
    },
  ],
  [
    '少于3次扣1分 is a threshold',
    { criteria: '少于3次扣1分', terms: [{ kind: 'threshold', amount: 1, required: 3, unit: '次' }] },
  ],
  [
    '低于N次的, then 每少1次',
    {
      criteria: '开展宣传活动少于4次的，每少1次扣0.5分',
      terms: [{ kind: 'shortfall', amount: 0.5, required: 4, unit: '次' }],
    },
  ],
  [
    '不得少于 + 缺1次',
    {
      criteria: '全年组织培训不得少于2次，缺1次扣1分',
      terms: [{ kind: 'shortfall', amount: 1, required: 2, unit: '次', whatHas: '培训' }],
    },
  ],
  [
    '少开一次 (a verb after 少)',
    {
      criteria: '每年至少召开2次联席会议，少开一次扣1分',
      terms: [{ kind: 'shortfall', amount: 1, required: 2, unit: '次' }],
    },
  ],
  [
    '每季度 requirement with 少开一次 and no yearly count',
    {
      criteria: '每季度召开一次专题会议，少开一次扣0.5分',
      terms: [{ kind: 'shortfall', amount: 0.5, required: 4, unit: '次' }],
    },
  ],
  [
    'a per-period requirement in 目标要求 counts over the year and stays named',
    {
      criteria: '每少一次扣1分，扣分不超过4分',
      requirement: '每季度召开专题会议不少于1次',
      terms: [
        { kind: 'shortfall', amount: 1, required: 4, unit: '次', whatHas: '每季度召开专题会议不少于1次' },
      ],
      cap: { kind: 'explicit', amount: 4 },
    },
  ],
  [
    '全年不少于六期 (Chinese numerals)',
    {
      criteria: '全年编发简报不少于六期，每少一期扣零点五分',
      terms: [{ kind: 'shortfall', amount: 0.5, required: 6, unit: '期' }],
    },
  ],
  [
    '不少于12次/年',
    {
      criteria: '开展安全检查不少于12次/年，每少1次扣0.5分',
      terms: [{ kind: 'shortfall', amount: 0.5, required: 12, unit: '次' }],
    },
  ],
  [
    '未开展 zeroes, 少1次 deducts',
    {
      criteria: '至少开展2次应急演练，未开展的不得分，少1次扣1分',
      terms: [
        { kind: 'zeroIf', whatHas: '未开展' },
        { kind: 'shortfall', amount: 1, required: 2, unit: '次' },
      ],
    },
  ],
  [
    'the yearly count wins over the monthly one',
    {
      criteria: '信息报送每月不少于2条，全年不少于24条，每少一条扣0.1分',
      terms: [{ kind: 'shortfall', amount: 0.1, required: 24, unit: '条' }],
    },
  ],
  [
    '全年需完成4场',
    {
      criteria: '全年需完成培训4场，每少一场扣0.5分',
      terms: [{ kind: 'shortfall', amount: 0.5, required: 4, unit: '场' }],
    },
  ],
  [
    'required count in 目标要求',
    {
      criteria: '少一次扣1分',
      requirement: '全年开展双拥走访慰问活动不少于3次',
      terms: [{ kind: 'shortfall', amount: 1, required: 3, unit: '次' }],
    },
  ],
  [
    '不足10条 threshold',
    {
      criteria: '全年信息报送不足10条的扣1分',
      terms: [{ kind: 'threshold', amount: 1, required: 10, unit: '条', whatHas: '信息报送' }],
    },
  ],
  [
    '不到3篇 threshold',
    {
      criteria: '宣传报道不到3篇的扣0.5分',
      terms: [{ kind: 'threshold', amount: 0.5, required: 3, unit: '篇' }],
    },
  ],
];

const RATE: [string, Case][] = [
  [
    '完成率每降低1个百分点 (no number to compare with)',
    {
      criteria: '完成率每降低1个百分点扣0.2分',
      terms: [{ kind: 'rate', amount: 0.2, step: 1, target: null, whatHas: '完成率' }],
    },
  ],
  [
    '达到95%得满分，每降低1%扣0.5分',
    {
      criteria: '达到95%得满分，每降低1%扣0.5分',
      terms: [
        { kind: 'fullIf', whatHas: '95%' },
        { kind: 'rate', amount: 0.5, step: 1, target: 95 },
      ],
    },
  ],
  [
    '低于85%的, then 每低1个百分点',
    {
      criteria: '群众满意度低于85%的，每低1个百分点扣0.1分',
      terms: [{ kind: 'rate', amount: 0.1, step: 1, target: 85, whatHas: '满意度' }],
    },
  ],
  [
    '98%以上，每下降0.5个百分点',
    {
      criteria: '政策符合率98%以上，每下降0.5个百分点扣1分',
      terms: [{ kind: 'rate', amount: 1, step: 0.5, target: 98 }],
    },
  ],
  [
    '得满分 at 90%, 每降低5%',
    {
      criteria: '垃圾分类准确率达到90%以上的得满分，低于90%的每降低5%扣1分',
      terms: [
        { kind: 'fullIf', whatHas: '准确率' },
        { kind: 'rate', amount: 1, step: 5, target: 90 },
      ],
    },
  ],
  [
    '比上年每下降1个百分点',
    {
      criteria: '参保率比上年每下降1个百分点扣0.5分',
      terms: [{ kind: 'rate', amount: 0.5, step: 1, target: null }],
    },
  ],
  [
    '低于全市平均水平的每低1个百分点',
    {
      criteria: '覆盖率低于全市平均水平的，每低1个百分点扣0.2分',
      terms: [{ kind: 'rate', amount: 0.2, step: 1, target: null }],
    },
  ],
  [
    '95%以下，每减少一个百分点',
    {
      criteria: '按时结案率95%以下，每减少一个百分点扣0.3分',
      terms: [{ kind: 'rate', amount: 0.3, step: 1, target: 95, whatHas: '结案率' }],
    },
  ],
  [
    'target from 目标要求',
    {
      criteria: '每低1个百分点扣0.5分',
      requirement: '城乡居民医保参保率达到97%',
      terms: [{ kind: 'rate', amount: 0.5, step: 1, target: 97 }],
    },
  ],
  [
    '低于90%不得分 is a zero, not a rate',
    { criteria: '低于90%不得分', terms: [{ kind: 'zeroIf', what: '低于90%' }] },
  ],
  [
    '未达到80%的扣1分 is one flag',
    {
      criteria: '参训率未达到80%的扣1分',
      terms: [{ kind: 'flag', amount: 1, what: '参训率未达到80%' }],
    },
  ],
  [
    '食品安全: 合格率低于95%的扣1分',
    { criteria: '食品抽检合格率低于95%的扣1分', terms: [{ kind: 'flag', amount: 1 }] },
  ],
];

const FLAGS: [string, Case][] = [
  [
    '未按要求完成的扣1分',
    { criteria: '未按要求完成的扣1分', terms: [{ kind: 'flag', amount: 1, what: '未按要求完成' }] },
  ],
  [
    '无…、无…的各扣0.5分',
    {
      criteria: '无工作方案、无总结的各扣0.5分',
      terms: [
        { kind: 'flag', amount: 0.5, what: '无工作方案' },
        { kind: 'flag', amount: 0.5, what: '无总结' },
      ],
    },
  ],
  [
    '各扣 in its own clause',
    {
      criteria: '未建立台账、未制定应急预案、未开展演练的，各扣1分',
      terms: [
        { kind: 'flag', amount: 1, what: '未建立台账' },
        { kind: 'flag', amount: 1, what: '未制定应急预案' },
        { kind: 'flag', amount: 1, what: '未开展演练' },
      ],
    },
  ],
  [
    '均扣 in its own clause',
    {
      criteria: '值班脱岗、漏岗的，均扣0.5分',
      terms: [
        { kind: 'flag', amount: 0.5, what: '值班脱岗' },
        { kind: 'flag', amount: 0.5, what: '漏岗' },
      ],
    },
  ],
  [
    '资料不全、记录不规范的，各扣0.5分',
    {
      criteria: '资料不全、记录不规范的，各扣0.5分',
      terms: [
        { kind: 'flag', amount: 0.5, what: '资料不全' },
        { kind: 'flag', amount: 0.5, what: '记录不规范' },
      ],
    },
  ],
  [
    'a list then 缺一项: count the missing ones',
    {
      criteria: '方案、制度、台账缺一项扣1分',
      terms: [{ kind: 'perUnit', amount: 1, unit: '项' }],
    },
  ],
  [
    'two flags in one clause chain',
    {
      criteria: '无会议记录扣0.5分，无图片资料扣0.5分',
      terms: [
        { kind: 'flag', amount: 0.5, what: '无会议记录' },
        { kind: 'flag', amount: 0.5, what: '无图片资料' },
      ],
    },
  ],
  [
    '未签订目标责任书的扣2分',
    { criteria: '未签订安全生产目标责任书的扣2分', terms: [{ kind: 'flag', amount: 2 }] },
  ],
  [
    'subject then colon',
    {
      criteria: '双拥工作：未开展走访慰问活动的扣1分',
      terms: [{ kind: 'flag', amount: 1, whatHas: '未开展走访慰问活动' }],
    },
  ],
  [
    '扣两分 (Chinese numeral)',
    { criteria: '河长未按规定巡河的扣两分', terms: [{ kind: 'flag', amount: 2 }] },
  ],
];

const AWARDS: [string, Case][] = [
  [
    'two awards',
    {
      criteria: '制定年度工作计划的得1分，有工作总结的得1分',
      terms: [
        { kind: 'award', amount: 1, what: '制定年度工作计划' },
        { kind: 'award', amount: 1, what: '有工作总结' },
      ],
    },
  ],
  ['按时上报得0.5分', { criteria: '按时上报得0.5分', terms: [{ kind: 'award', amount: 0.5 }] }],
  [
    'awards across sentences',
    {
      criteria: '建立健全组织机构得2分；有专人负责得1分。',
      terms: [
        { kind: 'award', amount: 2 },
        { kind: 'award', amount: 1, what: '有专人负责' },
      ],
    },
  ],
];

const FULL_ZERO_VETO: [string, Case][] = [
  ['全部完成的得满分', { criteria: '全部完成的得满分', terms: [{ kind: 'fullIf', what: '全部完成' }] }],
  ['给满分', { criteria: '档案规范齐全的，给满分', terms: [{ kind: 'fullIf', what: '档案规范齐全' }] }],
  ['得全分', { criteria: '符合要求的得全分', terms: [{ kind: 'fullIf', what: '符合要求' }] }],
  [
    '不合格的扣该项全部分值',
    { criteria: '不合格的扣该项全部分值', terms: [{ kind: 'zeroIf', what: '不合格' }] },
  ],
  [
    '该项不得分 after a 的 clause',
    { criteria: '未开展此项工作的，该项不得分', terms: [{ kind: 'zeroIf', what: '未开展此项工作' }] },
  ],
  [
    '发生一起扣5分，发生两起及以上本项不得分',
    {
      criteria: '发生一起扣5分，发生两起及以上本项不得分',
      terms: [
        { kind: 'perUnit', amount: 5, unit: '起' },
        { kind: 'zeroIf', what: '发生两起及以上' },
      ],
    },
  ],
  ['按零分计', { criteria: '弄虚作假的按零分计', terms: [{ kind: 'zeroIf', what: '弄虚作假' }] }],
  ['此项分值全扣', { criteria: '未达标的此项分值全扣', terms: [{ kind: 'zeroIf', what: '未达标' }] }],
  [
    '实行一票否决',
    {
      criteria: '出现重大安全事故的实行一票否决',
      terms: [{ kind: 'veto', scope: 'assessment', what: '出现重大安全事故' }],
    },
  ],
  [
    '年度考核一票否决: the condition is the 的 clause',
    {
      criteria: '发生群体性事件或重大刑事案件的，年度考核一票否决',
      terms: [{ kind: 'veto', scope: 'assessment', what: '发生群体性事件或重大刑事案件' }],
    },
  ],
  [
    '实行“一票否决” in quotes',
    {
      criteria: '发生重大安全生产事故，实行“一票否决”',
      terms: [{ kind: 'veto', scope: 'assessment', what: '发生重大安全生产事故' }],
    },
  ],
  [
    'traditional 實行一票否決',
    {
      criteria: '發生重大責任事故的，實行一票否決',
      terms: [
        {
          kind: 'veto',
          scope: 'assessment',
          what: '发生重大责任事故',
          at: '發生重大責任事故的，實行一票否決',
        },
      ],
    },
  ],
  [
    '该项工作实行一票否决',
    { criteria: '该项工作实行一票否决', terms: [{ kind: 'veto', scope: 'assessment' }] },
  ],
];

const BONUS: [string, Case][] = [
  [
    '市级加1分，省级加2分，最高加3分',
    {
      criteria: '受到市级表彰的加1分，省级加2分，最高加3分',
      terms: [
        { kind: 'bonus', amount: 1, max: 1, what: '受到市级表彰' },
        { kind: 'bonus', amount: 2, max: 2, what: '省级' },
      ],
      bonusCap: 3,
    },
  ],
  [
    '每篇加0.5分，最多加2分',
    {
      criteria: '工作经验在市级以上媒体刊登的，每篇加0.5分，最多加2分',
      terms: [{ kind: 'bonus', amount: 0.5, max: 2, unit: '篇' }],
    },
  ],
  [
    '被上级推广的加1分',
    { criteria: '创新工作被上级推广的加1分', terms: [{ kind: 'bonus', amount: 1, max: 1 }] },
  ],
  [
    'three levels and 加分累计不超过3分',
    {
      criteria: '获得国家级荣誉加3分，省级加2分，市级加1分，加分累计不超过3分',
      terms: [
        { kind: 'bonus', amount: 3 },
        { kind: 'bonus', amount: 2 },
        { kind: 'bonus', amount: 1 },
      ],
      bonusCap: 3,
    },
  ],
  [
    '每条加 at two levels',
    {
      criteria: '信息被区级采用每条加0.1分，被市级采用每条加0.2分',
      terms: [
        { kind: 'bonus', amount: 0.1, max: null, unit: '条' },
        { kind: 'bonus', amount: 0.2, max: null, unit: '条' },
      ],
    },
  ],
  [
    '被评为 省级文明单位',
    {
      criteria: '被评为省级文明单位的加2分',
      terms: [{ kind: 'bonus', amount: 2, what: '被评为省级文明单位' }],
    },
  ],
];

const DISCRETION: [string, Case][] = [
  [
    '视情况扣1-3分',
    {
      criteria: '视情况扣1-3分',
      terms: [{ kind: 'range', min: 1, max: 3 }],
      cap: { kind: 'item' },
    },
  ],
  [
    '酌情扣0.5-2分',
    {
      criteria: '工作落实不到位的酌情扣0.5-2分',
      terms: [{ kind: 'range', min: 0.5, max: 2, what: '工作落实不到位' }],
      cap: { kind: 'item' },
    },
  ],
  ['由考核组综合评定', { criteria: '由考核组综合评定', terms: [{ kind: 'discretion' }] }],
  [
    '视情节轻重扣1至2分',
    {
      criteria: '整改不及时的视情节轻重扣1至2分',
      terms: [{ kind: 'range', min: 1, max: 2, what: '整改不及时' }],
      cap: { kind: 'item' },
    },
  ],
  [
    '酌情扣减1~3分',
    { criteria: '酌情扣减1~3分', terms: [{ kind: 'range', min: 1, max: 3 }], cap: { kind: 'item' } },
  ],
  ['视情扣分', { criteria: '宣传氛围不浓的视情扣分', terms: [{ kind: 'discretion' }] }],
  [
    '由考核小组根据实地检查情况打分',
    { criteria: '由考核小组根据实地检查情况打分', terms: [{ kind: 'discretion' }] },
  ],
  [
    '视…情况扣0.5-1分',
    {
      criteria: '视工作开展情况扣0.5-1分',
      terms: [{ kind: 'range', min: 0.5, max: 1 }],
      cap: { kind: 'item' },
    },
  ],
];

const LAYOUT: [string, Case][] = [
  [
    'numbered sub-clauses 1.…；2.…；3.…',
    {
      criteria: '1.未制定年度计划的扣1分；2.未按时上报报表的，每次扣0.2分；3.台账资料不齐全的扣0.5分/项。',
      terms: [
        { kind: 'flag', amount: 1, what: '未制定年度计划' },
        { kind: 'perUnit', amount: 0.2, unit: '次', whatHas: '未按时上报报表' },
        { kind: 'perUnit', amount: 0.5, unit: '项', what: '台账资料不齐全' },
      ],
    },
  ],
  [
    'numbered with (1)（2） and line breaks',
    {
      criteria: '（1）无应急预案的扣2分；\n（2）未组织演练的扣1分。',
      terms: [
        { kind: 'flag', amount: 2, what: '无应急预案' },
        { kind: 'flag', amount: 1, what: '未组织演练' },
      ],
    },
  ],
  [
    'circled numbers',
    {
      criteria: '①无应急预案的扣2分；②未组织演练的扣1分',
      terms: [
        { kind: 'flag', amount: 2, what: '无应急预案' },
        { kind: 'flag', amount: 1, what: '未组织演练' },
      ],
    },
  ],
  [
    'Chinese numbering 一、二、',
    {
      criteria: '一、未建立工作台账扣1分；二、信息报送不及时每次扣0.2分',
      terms: [
        { kind: 'flag', amount: 1, what: '未建立工作台账' },
        { kind: 'perUnit', amount: 0.2, unit: '次', whatHas: '信息报送不及时' },
      ],
    },
  ],
  [
    'line break inside the cell before the cap',
    {
      criteria: '每发现一处扣0.5分,\n扣完为止',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '处' }],
      cap: { kind: 'item', at: '扣完为止' },
    },
  ],
  [
    'full-width digits and punctuation',
    {
      criteria: '每发现１处扣０．５分，最多扣２分。',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '处' }],
      cap: { kind: 'explicit', amount: 2 },
    },
  ],
  [
    'mixed ; and ，',
    {
      criteria: '逾期未报的，每逾期一天扣0.1分;漏报的每次扣0.5分',
      terms: [
        { kind: 'perUnit', amount: 0.1, unit: '天' },
        { kind: 'perUnit', amount: 0.5, unit: '次', what: '漏报' },
      ],
    },
  ],
  [
    'traditional: 每缺一項扣1分，扣完為止',
    {
      criteria: '每缺一項扣1分，扣完為止',
      terms: [{ kind: 'perUnit', amount: 1, unit: '项' }],
      cap: { kind: 'item' },
    },
  ],
  [
    'traditional: 發現一處扣0.2分,最多扣2分',
    {
      criteria: '發現一處扣0.2分,最多扣2分',
      terms: [{ kind: 'perUnit', amount: 0.2, unit: '处' }],
      cap: { kind: 'explicit', amount: 2 },
    },
  ],
  [
    'traditional: 少於3次扣1分',
    { criteria: '開展活動少於3次扣1分', terms: [{ kind: 'threshold', amount: 1, required: 3 }] },
  ],
  [
    'Chinese numerals: 扣半分 / 每人扣一分',
    {
      criteria: '迟到的每人扣半分，缺席的每人扣一分',
      terms: [
        { kind: 'perUnit', amount: 0.5, unit: '人', what: '迟到' },
        { kind: 'perUnit', amount: 1, unit: '人', what: '缺席' },
      ],
    },
  ],
  [
    'spaces from a scraped document',
    {
      criteria: '未 按 时 报 送 的 扣 1 分',
      terms: [{ kind: 'flag', amount: 1, what: '未按时报送' }],
    },
  ],
];

/** More wording met in other offices' rubrics: limits stated bare, tiers, time units, villages. */
const MORE: [string, Case][] = [
  [
    '每低于标准1个百分点 (words between 每 and the step)',
    {
      criteria: '每低于标准1个百分点扣0.1分',
      terms: [{ kind: 'rate', amount: 0.1, step: 1, target: null }],
    },
  ],
  [
    '低1个百分点 without 每',
    {
      criteria: '完成率低于90%的，低1个百分点扣0.1分',
      terms: [{ kind: 'rate', amount: 0.1, step: 1, target: 90, what: '完成率' }],
    },
  ],
  [
    '累计不超过2分 after a bonus limits the bonus',
    {
      criteria: '获得区级以上表彰的，每项加0.5分，累计不超过2分',
      terms: [{ kind: 'bonus', amount: 0.5, max: 2, unit: '项' }],
    },
  ],
  [
    '最高不超过1分 after a deduction limits the deduction',
    {
      criteria: '发现安全隐患的每处扣0.2分，最高不超过1分',
      terms: [{ kind: 'perUnit', amount: 0.2, unit: '处' }],
      cap: { kind: 'explicit', amount: 1, at: '最高不超过1分' },
    },
  ],
  [
    '加分最高不超过2分 over two bonus terms',
    {
      criteria: '省级以上媒体报道的每次加1分，市级每次加0.5分，加分最高不超过2分',
      terms: [
        { kind: 'bonus', amount: 1, unit: '次', max: null },
        { kind: 'bonus', amount: 0.5, unit: '次', max: null, what: '市级' },
      ],
      bonusCap: 2,
    },
  ],
  [
    '不倒扣 is the item cap, not 倒扣',
    {
      criteria: '每次扣0.5分，此项分值扣完为止，不倒扣',
      terms: [{ kind: 'perUnit', amount: 0.5 }],
      cap: { kind: 'item' },
    },
  ],
  [
    '不可倒扣',
    {
      criteria: '每例扣1分,不可倒扣',
      terms: [{ kind: 'perUnit', amount: 1 }],
      cap: { kind: 'item', at: '不可倒扣' },
    },
  ],
  [
    '该项最低0分',
    {
      criteria: '每人次扣0.5分，该项最低0分',
      terms: [{ kind: 'perUnit', unit: '人次' }],
      cap: { kind: 'item' },
    },
  ],
  [
    '两次扣2分 restates 一次扣1分',
    {
      criteria: '出现一次扣1分，两次扣2分，三次及以上不得分',
      terms: [
        { kind: 'perUnit', amount: 1, unit: '次', at: '出现一次扣1分，两次扣2分' },
        { kind: 'zeroIf', what: '三次及以上' },
      ],
    },
  ],
  [
    '每村 and 每个社区',
    {
      criteria: '各村（社区）未完成的，每村扣0.5分；每个社区扣0.3分',
      terms: [
        { kind: 'perUnit', amount: 0.5, unit: '村', whatHas: '未完成' },
        { kind: 'perUnit', amount: 0.3, unit: '社区' },
      ],
    },
  ],
  [
    '每超1小时',
    {
      criteria: '超过规定时限的，每超1小时扣0.1分',
      terms: [{ kind: 'perUnit', amount: 0.1, unit: '小时', what: '超过规定时限' }],
    },
  ],
  [
    '1小时内 is a time limit, not a count',
    { criteria: '1小时内未处置的扣1分', terms: [{ kind: 'flag', amount: 1, what: '1小时内未处置' }] },
  ],
  [
    '每批次',
    {
      criteria: '出现越级访、集体访的，每批次扣1分',
      terms: [{ kind: 'perUnit', amount: 1, unit: '批次', whatHas: '集体访' }],
    },
  ],
  [
    '视情况给予扣分',
    { criteria: '宣传不到位的视情况给予扣分', terms: [{ kind: 'discretion', what: '宣传不到位' }] },
  ],
  [
    '每篇得0.5分，满分2分: the stated points give the count',
    {
      criteria: '在市级以上媒体发表稿件，每篇得0.5分，满分2分',
      terms: [{ kind: 'shortfall', amount: 0.5, required: 4, unit: '篇' }],
    },
  ],
  [
    '一年内被投诉2次以上的不得分',
    { criteria: '一年内被投诉2次以上的不得分', terms: [{ kind: 'zeroIf', what: '一年内被投诉2次以上' }] },
  ],
  [
    '扣1分/次 on each of two clauses',
    {
      criteria: '上报不及时的，扣0.5分/次；数据不准确的，扣0.5分/次',
      terms: [
        { kind: 'perUnit', amount: 0.5, unit: '次', what: '上报不及时' },
        { kind: 'perUnit', amount: 0.5, unit: '次', what: '数据不准确' },
      ],
    },
  ],
  [
    '抽查10户，每户不合格',
    {
      criteria: '考核时抽查10户，每户不合格扣0.2分',
      terms: [{ kind: 'perUnit', amount: 0.2, unit: '户', what: '不合格' }],
    },
  ],
  [
    '每推迟一周',
    {
      criteria: '未按规定时间完成的，每推迟一周扣0.5分',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '周', whatHas: '未按规定时间完成' }],
    },
  ],
  [
    'a count done, then 每少1条 with 以上得满分',
    {
      criteria: '全年上报信息12条以上得满分，每少1条扣0.2分',
      terms: [{ kind: 'fullIf' }, { kind: 'shortfall', amount: 0.2, required: 12, unit: '条' }],
    },
  ],
  [
    'deduction in brackets',
    {
      criteria: '每次扣0.5分（最多扣2分）',
      terms: [{ kind: 'perUnit', amount: 0.5 }],
      cap: { kind: 'explicit', amount: 2, at: '最多扣2分' },
    },
  ],
  [
    'traditional: 扣分不超過本項分值',
    {
      criteria: '每發現一處扣0.5分，扣分不超過本項分值',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '处' }],
      cap: { kind: 'item', at: '扣分不超過本項分值' },
    },
  ],
  [
    '每半年 requirement: 2 in the year',
    {
      criteria: '每半年开展一次，少一次扣1分',
      terms: [{ kind: 'shortfall', amount: 1, required: 2, unit: '次' }],
    },
  ],
  [
    '每超出一个百分点: points above a ceiling are counted, not a rate below a target',
    {
      criteria: '每超出一个百分点扣0.5分',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '百分点', what: '超出' }],
    },
  ],
  [
    '本项基础分3分 states the points',
    {
      criteria: '本项基础分3分，每发现一处扣0.5分',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '处' }],
    },
  ],
  [
    '扣分标准： label before the rule',
    {
      criteria: '扣分标准：每缺一项扣0.5分',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '项', at: '每缺一项扣0.5分' }],
    },
  ],
  [
    '每两周 requirement: 26 in the year',
    {
      criteria: '每两周巡查不少于1次，每少一次扣0.5分',
      terms: [{ kind: 'shortfall', amount: 0.5, required: 26, unit: '次' }],
    },
  ],
  [
    '按时完成得2分，延迟完成得1分，未完成不得分',
    {
      criteria: '按时完成得2分，延迟完成得1分，未完成不得分',
      terms: [
        { kind: 'award', amount: 2, what: '按时完成' },
        { kind: 'award', amount: 1, what: '延迟完成' },
        { kind: 'zeroIf', what: '未完成' },
      ],
    },
  ],
  [
    '一起 and 一票否决 in one cell',
    {
      criteria: '辖区内发生命案的，每起扣2分，发生重大命案的一票否决',
      terms: [
        { kind: 'perUnit', amount: 2, unit: '起', what: '辖区内发生命案' },
        { kind: 'veto', scope: 'assessment', what: '发生重大命案' },
      ],
    },
  ],
];

/** Wording that states a rule the parser cannot compute: it must be reported, not dropped. */
const UNREAD: [string, Case][] = [
  ['按比例扣分', { criteria: '未完成的按比例扣分', terms: [], unread: ['未完成的按比例扣分'] }],
  [
    '扣该项分值的50%',
    { criteria: '未完成的扣该项分值的50%', terms: [], unread: ['未完成的扣该项分值的50%'] },
  ],
  [
    '加倍扣分 beside a readable term',
    {
      criteria: '每发现一处扣0.5分，同一问题重复出现的加倍扣分',
      terms: [{ kind: 'perUnit', amount: 0.5, unit: '处' }],
      unread: ['同一问题重复出现的加倍扣分'],
    },
  ],
  [
    'a tier that is not a multiple (两次扣3分)',
    {
      criteria: '出现一次扣1分，两次扣3分',
      terms: [{ kind: 'perUnit', amount: 1, unit: '次' }],
      unread: ['两次扣3分'],
    },
  ],
  ['a step of several units (每5人)', { criteria: '每5人扣1分', terms: [], unread: ['每5人扣1分'] }],
  ['a bonus per several units (每5篇)', { criteria: '每5篇加1分', terms: [], unread: ['每5篇加1分'] }],
  [
    'a fractional step above a ceiling',
    {
      criteria: '发生率超过1%的，每超0.1个百分点扣0.2分',
      terms: [],
      unread: ['发生率超过1%的，每超0.1个百分点扣0.2分'],
    },
  ],
  ['half of the item points', { criteria: '扣除该项一半分值', terms: [], unread: ['扣除该项一半分值'] }],
  [
    'a bare limit with nothing before it',
    { criteria: '累计不超过2分', terms: [], unread: ['累计不超过2分'] },
  ],
  [
    '按比例计分 after a zero',
    {
      criteria: '完成率低于80%的不得分，80%-100%之间的按比例计分',
      terms: [{ kind: 'zeroIf', what: '完成率低于80%' }],
      unread: ['80%-100%之间的按比例计分'],
    },
  ],
  [
    '得分 by a formula it cannot compute',
    { criteria: '得分=排名系数×本项分值', terms: [], unread: ['得分=排名系数×本项分值'] },
  ],
];

const GROUPS: [string, [string, Case][]][] = [
  ['per unit', PER_UNIT],
  ['caps', CAPS],
  ['shortfall and thresholds', SHORTFALL],
  ['rates', RATE],
  ['flags and 各扣 lists', FLAGS],
  ['awards', AWARDS],
  ['full points, zero, veto', FULL_ZERO_VETO],
  ['bonuses', BONUS],
  ['discretion', DISCRETION],
  ['layout, script and numerals', LAYOUT],
  ['more wording', MORE],
  ['unread by design', UNREAD],
];

for (const [name, cases] of GROUPS) {
  describe(`parseRule, other offices: ${name}`, () => {
    it.each(cases)('%s', (_n, c) => {
      const rule = check(c);
      checkExplain(rule, c);
    });
  });
}

describe('the collection itself', () => {
  it('has at least 80 distinct sentences', () => {
    const all = GROUPS.flatMap(([, cs]) => cs.map(([, c]) => c.criteria));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(80);
  });
});
