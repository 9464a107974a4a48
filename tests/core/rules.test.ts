/** The rule parser on the seed rubric's 评分标准 / 目标要求 and on other offices' wording of the same families. */
import { describe, expect, it } from 'vitest';
import { explainCap, explainRule } from '../../src/core/rules/explain';
import { parseRule } from '../../src/core/rules/parse';
import type { Cap, Rule, Term } from '../../src/core/rules/types';

/** Expected fields of a term (any subset), plus the original text its span must cover. */
type Want = { kind: Term['kind']; at?: string } & Record<string, unknown>;

interface Case {
  criteria: string;
  requirement?: string;
  points?: number;
  terms: Want[];
  cap?: Partial<Cap> & { at?: string };
  unread?: string[];
}

/** Assert a rule's terms (in order), their spans (as the original substring), cap and unread spans. */
function check(c: Case): Rule {
  const rule = parseRule(c.criteria, { requirement: c.requirement ?? '', points: c.points ?? null });
  const got = rule.terms.map((t) => ({ ...t, at: rule.source.slice(t.span.start, t.span.end) }));
  expect(got.map((t) => t.kind)).toEqual(c.terms.map((t) => t.kind));
  c.terms.forEach((want, i) => {
    expect(got[i]).toMatchObject(want);
  });
  if (c.cap) {
    const { at, ...cap } = c.cap;
    expect(rule.cap).toMatchObject(cap);
    if (at !== undefined) {
      expect(rule.cap.span).not.toBeNull();
      const sp = rule.cap.span!;
      expect(rule.source.slice(sp.start, sp.end)).toBe(at);
    }
  }
  expect(rule.unread.map((u) => rule.source.slice(u.start, u.end))).toEqual(c.unread ?? []);
  expect(rule.overridden).toBe(false);
  return rule;
}

describe('parseRule: the seed rubric (simplified)', () => {
  const cases: [string, Case][] = [
    [
      '完成人口计划: 否决计分法 + 计满分 + 90%以下每减少1%',
      {
        criteria:
          '按责任状进行考核,未完成指标的,采用否决计分法,计零分;完成责任指标的,计满分,90%以下每减少1%扣0.1分。',
        terms: [
          { kind: 'zeroIf', what: '未完成指标', at: '未完成指标的,采用否决计分法,计零分' },
          { kind: 'fullIf', what: '完成责任指标', at: '完成责任指标的,计满分' },
          { kind: 'rate', amount: 0.1, step: 1, target: 90, at: '90%以下每减少1%扣0.1分' },
        ],
        cap: { kind: 'item', span: null },
      },
    ],
    [
      '计划外一票否决 in 目标要求, empty 评分标准',
      {
        criteria: '',
        requirement: '计划外一票否决',
        terms: [{ kind: 'veto', scope: 'assessment', what: '计划外', at: '计划外一票否决' }],
      },
    ],
    [
      '领导重视: conditions listed before 记满分',
      {
        criteria:
          '社区主要领导经常参加计生工作会议,班子专题研究人口计生工作两次以上,有会议记录,有解决困难和实际问题的记录的记满分。',
        terms: [
          {
            kind: 'fullIf',
            at: '社区主要领导经常参加计生工作会议,班子专题研究人口计生工作两次以上,有会议记录,有解决困难和实际问题的记录的记满分',
          },
        ],
      },
    ],
    [
      '协调有关单位',
      {
        criteria: '社区主要领导协调有关单位共同开展工作的记满分。',
        terms: [{ kind: 'fullIf', what: '社区主要领导协调有关单位共同开展工作' }],
      },
    ],
    [
      '孕前孕期跟踪: two per-person deductions',
      {
        criteria: '跟踪随访不到位的扣0.5分/人,超过孕期无孕产结果的扣0.5分/人。',
        terms: [
          {
            kind: 'perUnit',
            amount: 0.5,
            unit: '人',
            what: '跟踪随访不到位',
            at: '跟踪随访不到位的扣0.5分/人',
          },
          {
            kind: 'perUnit',
            amount: 0.5,
            unit: '人',
            what: '超过孕期无孕产结果',
            at: '超过孕期无孕产结果的扣0.5分/人',
          },
        ],
      },
    ],
    [
      '月结月清: below the district average, at discretion',
      {
        criteria:
          '按要求做好各项常规工作,系统中产妇确认和出生确认率不得低于全区平均数,低于全区平均数的酌情扣分。',
        terms: [{ kind: 'discretion', what: '低于全区平均数', at: '低于全区平均数的酌情扣分' }],
      },
    ],
    [
      '例会',
      {
        criteria: '按时参加例会,按时上报各类报表,帐实相符的记满分。',
        terms: [{ kind: 'fullIf', what: '按时参加例会,按时上报各类报表,帐实相符' }],
      },
    ],
    [
      '帐卡: per person, 扣完为止',
      {
        criteria: '未更新或有错漏的扣1分/人,扣完为止。',
        terms: [{ kind: 'perUnit', amount: 1, unit: '人', what: '未更新或有错漏' }],
        cap: { kind: 'item', at: '扣完为止' },
      },
    ],
    [
      '违法生育信息',
      {
        criteria: '出生或流入迁入超过2个月才上报信息的扣0.5分/人。',
        terms: [{ kind: 'perUnit', amount: 0.5, unit: '人', what: '出生或流入迁入超过2个月才上报信息' }],
      },
    ],
    [
      '办证: expectations, then 发回重办 per time',
      {
        criteria: '办证准确,审核严格,办证档案规范齐全,发回重办的扣0.2分/次',
        terms: [{ kind: 'perUnit', amount: 0.2, unit: '次', what: '发回重办', at: '发回重办的扣0.2分/次' }],
      },
    ],
    [
      '居务公开',
      {
        criteria: '人口计生居务公开栏整洁、美观,公开内容完整、及时的记满分',
        terms: [{ kind: 'fullIf', what: '人口计生居务公开栏整洁、美观,公开内容完整、及时' }],
      },
    ],
    [
      '无投诉',
      { criteria: '无投诉,无恶性案件的记满分', terms: [{ kind: 'fullIf', what: '无投诉,无恶性案件' }] },
    ],
    [
      '奖扶: two per-unit terms and 扣完倒扣分',
      {
        criteria: '奖扶材料上报延误或有误扣0.2分/次。与上报情况严重不符的(虚报、谎报)扣2分/人,扣完倒扣分。',
        terms: [
          { kind: 'perUnit', amount: 0.2, unit: '次', what: '奖扶材料上报延误或有误' },
          { kind: 'perUnit', amount: 2, unit: '人', at: '与上报情况严重不符的(虚报、谎报)扣2分/人' },
        ],
        cap: { kind: 'none', at: '扣完倒扣分' },
      },
    ],
    [
      '婚育新风: fullIf, three flags from one 各 list, shortfall with the count from the same text',
      {
        criteria: '有方案、有小结、有活动记录四次以上的记满分,无方案、小结、信息的各扣1分。少一次活动扣1分',
        terms: [
          { kind: 'fullIf', at: '有方案、有小结、有活动记录四次以上的记满分' },
          { kind: 'flag', amount: 1, what: '无方案', at: '无方案' },
          { kind: 'flag', amount: 1, what: '无小结', at: '小结' },
          { kind: 'flag', amount: 1, what: '无信息', at: '信息' },
          { kind: 'shortfall', amount: 1, required: 4, unit: '次', at: '少一次活动扣1分' },
        ],
      },
    ],
    [
      '性别比: 两次以上 + 少一次记录',
      {
        criteria: '有活动记录两次以上记满分,少一次记录扣1分',
        terms: [{ kind: 'fullIf' }, { kind: 'shortfall', amount: 1, required: 2, unit: '次' }],
      },
    ],
    [
      '新闻宣传: two thresholds',
      {
        criteria: '投稿不足5篇的扣1分,上稿不足3篇的扣1分',
        requirement: '加大新闻宣传力度,积极上报信息,全年投稿不少于5篇,上稿不少于3篇。',
        terms: [
          { kind: 'threshold', amount: 1, required: 5, unit: '篇', what: '投稿', at: '投稿不足5篇的扣1分' },
          { kind: 'threshold', amount: 1, required: 3, unit: '篇', what: '上稿', at: '上稿不足3篇的扣1分' },
        ],
      },
    ],
    [
      '信息反馈',
      {
        criteria: '反馈不及时或不反馈的每次扣0.1分',
        terms: [{ kind: 'perUnit', amount: 0.1, unit: '次', what: '反馈不及时或不反馈' }],
      },
    ],
    [
      '技术服务',
      { criteria: '根据档案记录酌情打分', terms: [{ kind: 'discretion', at: '根据档案记录酌情打分' }] },
    ],
    [
      '药具随访: 有1人…不符 is per person',
      {
        criteria: '随访登记情况有1人与实际不符扣0.1分',
        terms: [{ kind: 'perUnit', amount: 0.1, unit: '人', what: '随访登记情况与实际不符' }],
      },
    ],
    ['免费体检: an expectation, not a rule', { criteria: '每年至少体检一次', terms: [] }],
    [
      '药具展示柜: two flags',
      {
        criteria: '出现过期药和空架现象的扣0.1分,药具开架式不清洁、破损的扣0.1分。',
        terms: [
          { kind: 'flag', amount: 0.1, what: '出现过期药和空架现象' },
          {
            kind: 'flag',
            amount: 0.1,
            what: '药具开架式不清洁、破损',
            at: '药具开架式不清洁、破损的扣0.1分',
          },
        ],
      },
    ],
    [
      '报表',
      {
        criteria: '报表延误上报或审核不严发回重做的扣0.2分/次',
        terms: [{ kind: 'perUnit', amount: 0.2, unit: '次', what: '报表延误上报或审核不严发回重做' }],
      },
    ],
    [
      '协会换届',
      { criteria: '协会组织机构完善,开展了协会换届工作,档案齐全的记满分。', terms: [{ kind: 'fullIf' }] },
    ],
    [
      '生育关怀: 不少于4次 with a bracketed list, 每少一次',
      {
        criteria: '活动记录不少于4次(三八节、母亲节、5.29、9.25)的记满分,每少一次扣0.5分',
        terms: [
          { kind: 'fullIf' },
          {
            kind: 'shortfall',
            amount: 0.5,
            required: 4,
            unit: '次',
            what: '活动记录',
            at: '每少一次扣0.5分',
          },
        ],
      },
    ],
    [
      '红旗创建',
      { criteria: '开展红旗创建活动,有活动记录、活动有成效的记满分。', terms: [{ kind: 'fullIf' }] },
    ],
    [
      '信息化: discretion and per person',
      {
        criteria: '系统运用、维护情况酌情打分;出生信息确认/反馈情况与实际不符的扣1分/人。',
        terms: [
          { kind: 'discretion', what: '系统运用、维护情况', at: '系统运用、维护情况酌情打分' },
          { kind: 'perUnit', amount: 1, unit: '人', what: '出生信息确认/反馈情况与实际不符' },
        ],
      },
    ],
    [
      '爱心牽手: expectations only',
      {
        criteria: '要有计划,实施方案,建立服务对象档案,要有工作记录,跟踪记录,服务效果信息反馈记录。',
        terms: [],
      },
    ],
    [
      '两地联系',
      {
        criteria: '有规范的“两地”联系记录的记满分。',
        terms: [{ kind: 'fullIf', what: '有规范的“两地”联系记录' }],
      },
    ],
    [
      '季清查: 不足4次…/次 is a shortfall',
      {
        criteria: '有4次季清查方案、记录、小结的记满分,不足4次的扣0.5分/次。',
        terms: [
          { kind: 'fullIf' },
          { kind: 'shortfall', amount: 0.5, required: 4, unit: '次', at: '不足4次的扣0.5分/次' },
        ],
      },
    ],
    ['爱在流动', { criteria: '有活动记录的记满分。', terms: [{ kind: 'fullIf', what: '有活动记录' }] }],
    [
      '个案信息: not reaching the district average, per time',
      {
        criteria: '指标未达全区平均水平扣0.5分/次。',
        terms: [{ kind: 'perUnit', amount: 0.5, unit: '次', what: '指标未达全区平均水平' }],
      },
    ],
    [
      '流动人口协会: two awards and a shortfall',
      {
        criteria: '成立有协会并开展活动的得1分,开展流动人口宣传服务2次以上的得1分,每少一次扣0.5分',
        points: 2,
        terms: [
          { kind: 'award', amount: 1, what: '成立有协会并开展活动' },
          { kind: 'award', amount: 1, what: '开展流动人口宣传服务2次以上' },
          { kind: 'shortfall', amount: 0.5, required: 2, unit: '次', what: '开展流动人口宣传服务' },
        ],
      },
    ],
    [
      '家健室: two conditions, 不得分',
      {
        criteria: '没有家健室,没开展活动的不得分',
        terms: [{ kind: 'zeroIf', what: '没有家健室,没开展活动', at: '没有家健室,没开展活动的不得分' }],
      },
    ],
    [
      '出生缺陷预防',
      {
        criteria: '有计划、有措施、有活动记录的记满分',
        terms: [{ kind: 'fullIf', what: '有计划、有措施、有活动记录' }],
      },
    ],
    [
      'a requirement that states a goal is not a rule',
      { criteria: '', requirement: '无大月份引产', terms: [] },
    ],
    [
      'a rate goal in 目标要求 alone is not a rule',
      { criteria: '', requirement: '全员人口信息数据变更率达98%以上', terms: [] },
    ],
  ];
  it.each(cases)('%s', (_name, c) => {
    check(c);
  });
});

describe('parseRule: the seed rubric as written (traditional characters, scraped pinyin)', () => {
  it('keeps spans on the original traditional text', () => {
    check({
      criteria: '跟蹤隨訪不到位的扣0.5分/人,超過孕期無孕產(chǎn)結果的扣0.5分/人。',
      terms: [
        {
          kind: 'perUnit',
          amount: 0.5,
          unit: '人',
          what: '跟踪随访不到位',
          at: '跟蹤隨訪不到位的扣0.5分/人',
        },
        {
          kind: 'perUnit',
          amount: 0.5,
          unit: '人',
          what: '超过孕期无孕产结果',
          at: '超過孕期無孕產(chǎn)結果的扣0.5分/人',
        },
      ],
    });
  });
  it('reads 無方案、小結、信息的各扣1分 as three flags', () => {
    check({
      criteria: '有方案、有小結、有活動記錄四次以上的記滿分,無方案、小結、信息的各扣1分。少一次活動扣1分',
      terms: [
        { kind: 'fullIf' },
        { kind: 'flag', what: '无方案', at: '無方案' },
        { kind: 'flag', what: '无小结', at: '小結' },
        { kind: 'flag', what: '无信息', at: '信息' },
        { kind: 'shortfall', required: 4, at: '少一次活動扣1分' },
      ],
    });
  });
  it('reads 藥具開架式不清潔、破損的扣0.1分', () => {
    check({
      criteria: '出現過期藥和空架現象的扣0.1分,藥具開架式不清潔、破損的扣0.1分。',
      terms: [
        { kind: 'flag', amount: 0.1 },
        { kind: 'flag', amount: 0.1, what: '药具开架式不清洁、破损', at: '藥具開架式不清潔、破損的扣0.1分' },
      ],
    });
  });
  it('reads 否決計分法 and 計滿分', () => {
    check({
      criteria:
        '按責任狀進行考核,未完成指標的,采用否決計分法,計零分;完成責任指標的,計滿分,90%以下每減少1%扣0.1分。',
      terms: [
        { kind: 'zeroIf', what: '未完成指标' },
        { kind: 'fullIf' },
        { kind: 'rate', target: 90, step: 1, amount: 0.1 },
      ],
    });
  });
  it('reads 沒有家健室，沒開展活動的不得分 with full-width punctuation', () => {
    check({
      criteria: '沒有家健室，沒開展活動的不得分',
      terms: [{ kind: 'zeroIf', at: '沒有家健室，沒開展活動的不得分' }],
    });
  });
  it('reads 獎扶…扣完倒扣分', () => {
    check({
      criteria: '獎扶材料上報延誤或有誤扣0.2分/次。與上報情況嚴重不符的（虛報、謊報）扣2分/人，扣完倒扣分。',
      terms: [
        { kind: 'perUnit', amount: 0.2 },
        { kind: 'perUnit', amount: 2, at: '與上報情況嚴重不符的（虛報、謊報）扣2分/人' },
      ],
      cap: { kind: 'none', at: '扣完倒扣分' },
    });
  });
  it('puts requirement spans after the criteria in the source', () => {
    const rule = check({
      criteria: '',
      requirement: '計劃外一票否決',
      terms: [{ kind: 'veto', scope: 'assessment', at: '計劃外一票否決' }],
    });
    expect(rule.source).toBe('\n計劃外一票否決');
  });
});

describe('parseRule: numbers', () => {
  it.each([
    ['扣0.5分/人', 0.5],
    ['扣０．５分／人', 0.5],
    ['扣两分/人', 2],
    ['扣半分/人', 0.5],
    ['扣十分/人', 10],
    ['扣1分/人', 1],
  ])('%s → %s', (criteria, amount) => {
    check({ criteria, terms: [{ kind: 'perUnit', amount, unit: '人' }] });
  });
  it('reads Chinese required counts', () => {
    check({
      criteria: '全年开展活动不少于十二次,每少一次扣0.5分',
      terms: [{ kind: 'shortfall', required: 12 }],
    });
    check({ criteria: '至少开展三次,每少一次扣0.5分', terms: [{ kind: 'shortfall', required: 3 }] });
    check({ criteria: '全年四次,每少一次扣0.5分', terms: [{ kind: 'shortfall', required: 4 }] });
  });
});

describe('parseRule: other offices, same families', () => {
  const cases: [string, Case][] = [
    [
      '每人扣2分',
      {
        criteria: '瞒报漏报的每人扣2分',
        terms: [{ kind: 'perUnit', amount: 2, unit: '人', what: '瞒报漏报' }],
      },
    ],
    ['每次扣0.1分', { criteria: '每次扣0.1分', terms: [{ kind: 'perUnit', amount: 0.1, unit: '次' }] }],
    [
      '每发现一处扣2分',
      { criteria: '每发现一处错误扣2分', terms: [{ kind: 'perUnit', amount: 2, unit: '处' }] },
    ],
    [
      '每项扣1分',
      {
        criteria: '资料不全的每项扣1分',
        terms: [{ kind: 'perUnit', amount: 1, unit: '项', what: '资料不全' }],
      },
    ],
    ['每例扣', { criteria: '每例扣3分', terms: [{ kind: 'perUnit', amount: 3, unit: '例' }] }],
    [
      '每缺一项扣1分 (no count anywhere → per missing item)',
      { criteria: '每缺一项扣1分', terms: [{ kind: 'perUnit', amount: 1, unit: '项' }] },
    ],
    ['缺1项扣0.5分', { criteria: '缺1项扣0.5分', terms: [{ kind: 'perUnit', amount: 0.5, unit: '项' }] }],
    ['发现一次扣2分', { criteria: '发现一次扣2分', terms: [{ kind: 'perUnit', amount: 2, unit: '次' }] }],
    ['每超1天扣0.1分', { criteria: '每超1天扣0.1分', terms: [{ kind: 'perUnit', amount: 0.1, unit: '天' }] }],
    [
      '迟报一次扣0.5分',
      { criteria: '迟报一次扣0.5分', terms: [{ kind: 'perUnit', amount: 0.5, unit: '次', what: '迟报' }] },
    ],
    [
      '未按时完成的扣2分',
      { criteria: '未按时完成的扣2分', terms: [{ kind: 'flag', amount: 2, what: '未按时完成' }] },
    ],
    ['不合格的不得分', { criteria: '不合格的不得分', terms: [{ kind: 'zeroIf', what: '不合格' }] }],
    ['记0分', { criteria: '未上报的记0分', terms: [{ kind: 'zeroIf', what: '未上报' }] }],
    [
      '扣1—3分 (a range the assessor chooses within, not the item cap)',
      {
        criteria: '工作不到位扣1—3分',
        terms: [{ kind: 'range', min: 1, max: 3, what: '工作不到位' }],
        cap: { kind: 'item' },
      },
    ],
    [
      '酌情扣1-3分',
      { criteria: '酌情扣1-3分', terms: [{ kind: 'range', min: 1, max: 3 }], cap: { kind: 'item' } },
    ],
    [
      '视情况扣分',
      { criteria: '台账不规范的视情况扣分', terms: [{ kind: 'discretion', what: '台账不规范' }] },
    ],
    ['根据…情况综合评定', { criteria: '根据工作开展情况综合评定', terms: [{ kind: 'discretion' }] }],
    [
      '每项0.5分 (points known → shortfall of the items required)',
      {
        criteria: '方案、记录、总结、照片齐全,每项0.5分',
        points: 2,
        terms: [{ kind: 'shortfall', amount: 0.5, required: 4, unit: '项' }],
      },
    ],
    [
      '每项0.5分 (points unknown → per missing item)',
      { criteria: '每项0.5分', terms: [{ kind: 'perUnit', amount: 0.5, unit: '项' }] },
    ],
    [
      '得分=完成率×分值',
      {
        criteria: '得分=完成率×本项分值',
        points: 5,
        terms: [{ kind: 'rate', amount: 0.05, step: 1, target: 100 }],
      },
    ],
    ['得分=… not readable → unread', { criteria: '得分=排名系数×3', terms: [], unread: ['得分=排名系数×3'] }],
    [
      '最多扣N分',
      {
        criteria: '每人扣1分,最多扣3分',
        terms: [{ kind: 'perUnit' }],
        cap: { kind: 'explicit', amount: 3, at: '最多扣3分' },
      },
    ],
    [
      '扣分不超过N分',
      {
        criteria: '每人扣1分,扣分不超过2分',
        terms: [{ kind: 'perUnit' }],
        cap: { kind: 'explicit', amount: 2, at: '扣分不超过2分' },
      },
    ],
    [
      '最高扣N分',
      {
        criteria: '每次扣0.5分,最高扣2分',
        terms: [{ kind: 'perUnit' }],
        cap: { kind: 'explicit', amount: 2 },
      },
    ],
    [
      '扣满N分为止',
      {
        criteria: '每次扣0.5分,扣满2分为止',
        terms: [{ kind: 'perUnit' }],
        cap: { kind: 'explicit', amount: 2, at: '扣满2分为止' },
      },
    ],
    [
      '本项扣完为止',
      {
        criteria: '每次扣0.5分,本项扣完为止',
        terms: [{ kind: 'perUnit' }],
        cap: { kind: 'item', at: '本项扣完为止' },
      },
    ],
    ['倒扣', { criteria: '每次扣1分,可倒扣', terms: [{ kind: 'perUnit' }], cap: { kind: 'none' } }],
    [
      '每少一次 with the count in 目标要求',
      {
        criteria: '每少一次扣0.5分',
        requirement: '全年开展活动不少于4次',
        terms: [{ kind: 'shortfall', amount: 0.5, required: 4, what: '开展活动' }],
      },
    ],
    [
      '每少一次 with no count anywhere → per missing time',
      { criteria: '每少一次扣0.5分', terms: [{ kind: 'perUnit', amount: 0.5, unit: '次', what: '少一次' }] },
    ],
    [
      '低于N次的扣M分',
      {
        criteria: '开展活动低于4次的扣1分',
        terms: [{ kind: 'threshold', amount: 1, required: 4, unit: '次', what: '开展活动' }],
      },
    ],
    [
      '每低1个百分点 with the target in 目标要求',
      {
        criteria: '每低1个百分点扣0.5分',
        requirement: '覆盖率达到95%以上',
        terms: [{ kind: 'rate', amount: 0.5, step: 1, target: 95 }],
      },
    ],
    [
      '每低1个百分点 with 不低于N% in the criteria',
      { criteria: '随访率不低于90%,每低1个百分点扣0.5分', terms: [{ kind: 'rate', target: 90 }] },
    ],
    [
      '每低1个百分点 with no target',
      { criteria: '每低1个百分点扣0.5分', terms: [{ kind: 'rate', target: null }] },
    ],
    [
      '低于全区平均数的每低2个百分点',
      {
        criteria: '低于全区平均数的每低2个百分点扣0.5分',
        requirement: '达到95%以上',
        terms: [{ kind: 'rate', step: 2, target: null, what: '低于全区平均数' }],
      },
    ],
    [
      '低于全区平均数的扣1分',
      { criteria: '低于全区平均数的扣1分', terms: [{ kind: 'flag', amount: 1, what: '低于全区平均数' }] },
    ],
    [
      '加N分',
      { criteria: '获市级表彰的加2分', terms: [{ kind: 'bonus', amount: 2, max: 2, what: '获市级表彰' }] },
    ],
    [
      '每…加N分, 最高加N分',
      { criteria: '每获一次表彰加1分,最高加3分', terms: [{ kind: 'bonus', amount: 1, max: 3, unit: '次' }] },
    ],
    [
      '加分不超过N分',
      {
        criteria: '经验被推广的每篇加0.5分,加分不超过2分',
        terms: [{ kind: 'bonus', amount: 0.5, max: 2, unit: '篇' }],
      },
    ],
    [
      '本项否决 (item scope)',
      {
        criteria: '发生重大责任事故的本项否决',
        terms: [{ kind: 'veto', scope: 'item', what: '发生重大责任事故' }],
      },
    ],
    [
      '实行一票否决',
      {
        criteria: '出现违法生育的实行一票否决',
        terms: [{ kind: 'veto', scope: 'assessment', what: '出现违法生育' }],
      },
    ],
    [
      'a veto in 目标要求 next to a readable 评分标准',
      {
        criteria: '未完成的扣1分',
        requirement: '严格控制计划外生育,计划外一票否决',
        terms: [
          { kind: 'flag', amount: 1 },
          { kind: 'veto', scope: 'assessment', at: '计划外一票否决' },
        ],
      },
    ],
    ['bare 扣分 → unread', { criteria: '发现问题扣分', terms: [], unread: ['发现问题扣分'] }],
    [
      'one clause read, one not',
      { criteria: '每人扣1分;按比例折算分值', terms: [{ kind: 'perUnit' }], unread: ['按比例折算分值'] },
    ],
    [
      'line breaks separate sentences',
      {
        criteria: '跟踪不到位的扣1分/人\r\n出现错误的扣0.5分',
        terms: [
          { kind: 'perUnit', amount: 1 },
          { kind: 'flag', amount: 0.5, what: '出现错误' },
        ],
      },
    ],
    ['得满分', { criteria: '资料齐全的得满分', terms: [{ kind: 'fullIf', what: '资料齐全' }] }],
  ];
  it.each(cases)('%s', (_name, c) => {
    check(c);
  });
});

describe('parseRule: more wording', () => {
  const cases: [string, Case][] = [
    [
      '根据平时工作打分',
      { criteria: '根据平时工作打分', terms: [{ kind: 'discretion', at: '根据平时工作打分' }] },
    ],
    [
      '本项一票否决 still vetoes the assessment',
      { criteria: '本项一票否决', terms: [{ kind: 'veto', scope: 'assessment' }] },
    ],
    ['扣0.5分/人次', { criteria: '扣0.5分/人次', terms: [{ kind: 'perUnit', amount: 0.5, unit: '人次' }] }],
    [
      '每人每次扣0.5分',
      {
        criteria: '未参加培训的每人每次扣0.5分',
        terms: [{ kind: 'perUnit', amount: 0.5, unit: '人次', what: '未参加培训' }],
      },
    ],
    ['得0分 is zero', { criteria: '未开展的得0分', terms: [{ kind: 'zeroIf', what: '未开展' }] }],
    [
      'award and zeroIf',
      {
        criteria: '完成的得2分,未完成的不得分',
        terms: [
          { kind: 'award', amount: 2 },
          { kind: 'zeroIf', what: '未完成' },
        ],
      },
    ],
    [
      '每开展一次得0.5分 in a 2-point item',
      {
        criteria: '每开展一次活动得0.5分',
        points: 2,
        terms: [{ kind: 'shortfall', amount: 0.5, required: 4, unit: '次' }],
      },
    ],
    [
      '酌情扣2分 caps at 2',
      { criteria: '酌情扣2分', terms: [{ kind: 'discretion' }], cap: { kind: 'explicit', amount: 2 } },
    ],
    ['不得出现 is a prohibition, not a score', { criteria: '不得出现过期药,加强管理', terms: [] }],
  ];
  it.each(cases)('%s', (_name, c) => {
    check(c);
  });
});

describe('explainRule / explainCap', () => {
  it('explains every term and the cap', () => {
    const rule = parseRule('跟踪随访不到位的扣0.5分/人,超过孕期无孕产结果的扣0.5分/人。');
    const zh = explainRule(rule, 5, 'zh');
    expect(zh).toBe(
      '跟踪随访不到位的每人扣0.5分；超过孕期无孕产结果的每人扣0.5分；本项最多扣5分（扣完为止）',
    );
    const en = explainRule(rule, 5, 'en');
    expect(en).toContain('0.5 points off per person');
    expect(en).toContain('at most 5 points off');
  });
  it('says when nothing was recognised', () => {
    expect(explainRule(parseRule('每年至少体检一次'), 1, 'zh')).toBe('未识别到扣分规则，由考核人员酌情判断');
    expect(explainRule(parseRule(''), 1, 'en')).toMatch(/No deduction rule/);
  });
  it('mentions unread text', () => {
    expect(explainRule(parseRule('每人扣1分;按比例折算分值'), 3, 'zh')).toContain('按比例折算分值');
  });
  it('leaves the cap out when nothing can be deducted', () => {
    expect(explainRule(parseRule('有活动记录的记满分。'), 1, 'zh')).toBe('有活动记录的记满分');
  });
  it('explains each kind of cap', () => {
    expect(explainCap({ kind: 'explicit', amount: 3, span: { start: 0, end: 1 } }, 5, 'zh')).toBe(
      '本项最多扣3分',
    );
    expect(explainCap({ kind: 'explicit', amount: 8, span: { start: 0, end: 1 } }, 5, 'zh')).toBe(
      '本项最多扣5分',
    );
    expect(explainCap({ kind: 'none', span: { start: 0, end: 1 } }, 5, 'zh')).toContain('负分');
    expect(explainCap({ kind: 'item', span: null }, null, 'en')).toContain('zero');
  });
});
