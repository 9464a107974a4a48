/** Term handlers: exact cents, explanations, prompts and formulas built through the AST. */
import { describe, expect, it } from 'vitest';
import { type Expr, ref } from '../../src/core/formula/ast';
import { unparse } from '../../src/core/formula/unparse';
import type { Lang } from '../../src/core/rules/registry';
import { HANDLERS, handlerFor } from '../../src/core/rules/kinds';
import type { Term } from '../../src/core/rules/types';

const SP = { start: 0, end: 1 };
const per = (amount: number, unit = '人'): Term => ({
  kind: 'perUnit',
  amount,
  unit,
  what: '跟踪随访不到位',
  span: SP,
});

function ded(term: Term, input: number | boolean | null): number {
  return handlerFor(term).evaluate(term as never, input).deductionCents;
}

/** One term of every kind, for the checks that apply to all of them. */
const SAMPLES: Term[] = [
  per(0.5),
  { kind: 'shortfall', amount: 0.5, required: 4, unit: '次', what: '活动记录', span: SP },
  { kind: 'threshold', amount: 1, required: 5, unit: '篇', what: '投稿', span: SP },
  { kind: 'rate', amount: 0.1, step: 1, target: 90, what: '完成人口计划', span: SP },
  { kind: 'rate', amount: 0.5, step: 2, target: null, what: '低于全区平均数', span: SP },
  { kind: 'flag', amount: 0.1, what: '出现过期药和空架现象', span: SP },
  { kind: 'award', amount: 1, what: '成立有协会并开展活动', span: SP },
  { kind: 'fullIf', what: '有活动记录', span: SP },
  { kind: 'zeroIf', what: '没有家健室', span: SP },
  { kind: 'veto', scope: 'assessment', what: '计划外', span: SP },
  { kind: 'veto', scope: 'item', what: '发生重大责任事故', span: SP },
  { kind: 'bonus', amount: 1, max: 3, unit: '次', what: '获表彰', span: SP },
  { kind: 'bonus', amount: 0.5, max: null, unit: '篇', what: '', span: SP },
  { kind: 'discretion', what: '系统运用、维护情况', span: SP },
  {
    kind: 'tier',
    bands: [
      { lo: 90, loOpen: false, hi: null, hiOpen: false, deduct: 0, score: 8, label: '' },
      { lo: null, loOpen: false, hi: 90, hiOpen: true, deduct: 8, score: 0, label: '' },
    ],
    unit: '%',
    what: '完成率',
    span: SP,
  },
  {
    kind: 'tierCount',
    bands: [{ lo: null, loOpen: false, hi: 2, hiOpen: false, deduct: 0, score: 5, label: '' }],
    unit: '次',
    what: '差错',
    span: SP,
  },
  {
    kind: 'choice',
    bands: [{ lo: null, loOpen: false, hi: null, hiOpen: false, deduct: 1, score: null, label: '良' }],
    what: '',
    span: SP,
  },
  { kind: 'range', min: 0.5, max: 2, what: '资料不全', span: SP },
  { kind: 'consequence', effect: '取消评优资格', what: '发生安全事故', span: SP },
  {
    kind: 'rank',
    bands: [
      { lo: 1, loOpen: false, hi: 1, hiOpen: false, deduct: 0, score: 10, label: '' },
      { lo: 2, loOpen: false, hi: null, hiOpen: false, deduct: 4, score: 6, label: '' },
    ],
    what: '综合排名',
    span: SP,
  },
];

describe('registry', () => {
  it('has a sample here of every kind, each handled by its own kind (the formula checks below run over them)', () => {
    expect([...new Set(SAMPLES.map((t) => t.kind))].sort()).toEqual(Object.keys(HANDLERS).sort());
    for (const t of SAMPLES) expect(handlerFor(t).kind).toBe(t.kind);
  });
  it('declares the input each kind needs', () => {
    expect(HANDLERS.perUnit.input).toBe('count');
    expect(HANDLERS.rate.input).toBe('percent');
    expect(HANDLERS.flag.input).toBe('yesNo');
    expect(HANDLERS.fullIf.input).toBe('none');
    expect(HANDLERS.discretion.input).toBe('amount');
  });
});

describe('evaluate (integer cents)', () => {
  it('perUnit: amount × count, exactly', () => {
    expect(ded(per(0.1), 3)).toBe(30);
    expect(ded(per(0.5), 7)).toBe(350);
    expect(ded(per(0.2), 0)).toBe(0);
    expect(ded(per(0.5), null)).toBe(0);
    expect(ded(per(0.5), -2)).toBe(0);
  });
  it('shortfall: amount × max(0, required − done)', () => {
    const t = SAMPLES[1]!;
    expect(ded(t, 1)).toBe(150);
    expect(ded(t, 4)).toBe(0);
    expect(ded(t, 6)).toBe(0);
    expect(ded(t, 0)).toBe(200);
    expect(ded(t, null)).toBe(0);
  });
  it('threshold: amount once when below required', () => {
    const t = SAMPLES[2]!;
    expect(ded(t, 4)).toBe(100);
    expect(ded(t, 0)).toBe(100);
    expect(ded(t, 5)).toBe(0);
    expect(ded(t, null)).toBe(0);
  });
  it('rate with a target: whole steps below it', () => {
    const t = SAMPLES[3]!;
    expect(ded(t, 87)).toBe(30);
    expect(ded(t, 87.5)).toBe(20);
    expect(ded(t, 89.99)).toBe(0);
    expect(ded(t, 90)).toBe(0);
    expect(ded(t, 100)).toBe(0);
    expect(ded(t, 0)).toBe(900);
    const coarse: Term = { kind: 'rate', amount: 0.3, step: 0.5, target: 98, what: '', span: SP };
    expect(ded(coarse, 96.9)).toBe(60);
  });
  it('rate without a target: points below the reference', () => {
    const t = SAMPLES[4]!;
    expect(ded(t, 5)).toBe(100);
    expect(ded(t, 1.9)).toBe(0);
    expect(ded(t, 0)).toBe(0);
  });
  it('flag and award: yes/no', () => {
    expect(ded(SAMPLES[5]!, true)).toBe(10);
    expect(ded(SAMPLES[5]!, false)).toBe(0);
    expect(ded(SAMPLES[5]!, null)).toBe(0);
    expect(ded(SAMPLES[6]!, false)).toBe(100);
    expect(ded(SAMPLES[6]!, true)).toBe(0);
    expect(ded(SAMPLES[6]!, null)).toBe(0);
  });
  it('zeroIf and veto', () => {
    const ev = (t: Term, x: boolean | null) => handlerFor(t).evaluate(t as never, x);
    expect(ev(SAMPLES[8]!, true)).toMatchObject({ zero: true, veto: false });
    expect(ev(SAMPLES[8]!, false)).toMatchObject({ zero: false, veto: false });
    expect(ev(SAMPLES[9]!, true)).toMatchObject({ veto: true });
    expect(ev(SAMPLES[10]!, true)).toMatchObject({ zero: true, veto: false });
    expect(ev(SAMPLES[7]!, true)).toEqual({ deductionCents: 0, bonusCents: 0, zero: false, veto: false });
  });
  it('bonus: amount × count up to max', () => {
    const ev = (t: Term, x: number) => handlerFor(t).evaluate(t as never, x).bonusCents;
    expect(ev(SAMPLES[11]!, 2)).toBe(200);
    expect(ev(SAMPLES[11]!, 5)).toBe(300);
    expect(ev(SAMPLES[12]!, 7)).toBe(350);
  });
  it('discretion: the amount entered', () => {
    expect(ded(SAMPLES[13]!, 1.5)).toBe(150);
    expect(ded(SAMPLES[13]!, 0.3)).toBe(30);
    expect(ded(SAMPLES[13]!, null)).toBe(0);
  });
});

describe('explain / prompt', () => {
  it.each(SAMPLES.flatMap((t) => (['zh', 'en'] as Lang[]).map((lang) => [t.kind, lang, t] as const)))(
    '%s (%s) is non-empty and short',
    (_k, lang, t) => {
      const h = handlerFor(t);
      const e = h.explain(t as never, lang);
      const p = h.prompt(t as never, lang);
      expect(e.length).toBeGreaterThan(0);
      expect(p.length).toBeGreaterThan(0);
      expect(e.length).toBeLessThanOrEqual(200);
      expect(p.length).toBeLessThanOrEqual(200);
    },
  );
  it('says what to count and what it costs', () => {
    expect(HANDLERS.perUnit.explain(per(0.5) as never, 'zh')).toBe('跟踪随访不到位的每人扣0.5分');
    expect(HANDLERS.perUnit.explain(per(0.5) as never, 'en')).toContain('0.5 points off per person');
    expect(HANDLERS.perUnit.prompt(per(0.5) as never, 'zh')).toBe('跟踪随访不到位的人数，每人扣0.5分');
    expect(handlerFor(SAMPLES[1]!).explain(SAMPLES[1] as never, 'zh')).toBe(
      '活动记录应不少于4次，每少一次扣0.5分',
    );
  });
  it('keeps a prompt within 200 characters for a very long what', () => {
    const t: Term = { ...per(0.5), what: '很长的描述'.repeat(100) } as Term;
    expect(handlerFor(t).prompt(t as never, 'zh').length).toBeLessThanOrEqual(200);
  });
});

const FORBIDDEN = /\b(LET|FILTER|XLOOKUP|RANK(\.EQ)?|INT|FLOOR|LAMBDA)\(/;

function pieces(t: Term, input: Expr): string[] {
  const f = handlerFor(t).formula(t as never, input);
  return [f.deduction, f.bonus, f.zero, f.veto].filter((e): e is Expr => e !== undefined).map(unparse);
}

describe('formula', () => {
  it('unparses every kind without forbidden functions', () => {
    for (const t of SAMPLES) {
      for (const text of pieces(t, ref(4, 8))) {
        expect(text.startsWith('=')).toBe(true);
        expect(text).not.toMatch(FORBIDDEN);
      }
    }
  });
  it('builds the expected shapes', () => {
    const x = ref(4, 8); // I5
    expect(pieces(per(0.5), x)).toEqual(['=IF(ISNUMBER(I5),ROUND(0.5*MAX(0,I5),2),0)']);
    expect(pieces(SAMPLES[5]!, x)).toEqual(['=IF(I5="是",0.1,0)']);
    expect(pieces(SAMPLES[6]!, x)).toEqual(['=IF(I5="否",1,0)']);
    expect(pieces(SAMPLES[8]!, x)).toEqual(['=I5="是"']);
    expect(pieces(SAMPLES[7]!, x)).toEqual([]);
    expect(handlerFor(SAMPLES[9]!).formula(SAMPLES[9] as never, x).veto).toBeDefined();
    expect(handlerFor(SAMPLES[10]!).formula(SAMPLES[10] as never, x).zero).toBeDefined();
    expect(handlerFor(SAMPLES[11]!).formula(SAMPLES[11] as never, x).bonus).toBeDefined();
  });
});

/** A tiny evaluator for the formula subset, to check formulas compute what evaluate() does. */
function calc(e: Expr, cell: number | string | null): number | string | boolean | null {
  switch (e.t) {
    case 'num':
    case 'str':
    case 'bool':
      return e.v;
    case 'ref':
      return cell;
    case 'neg':
      return -Number(calc(e.e, cell));
    case 'bin': {
      const l = calc(e.l, cell);
      const r = calc(e.r, cell);
      const n = (v: unknown) => (v === null ? 0 : Number(v));
      switch (e.op) {
        case '+':
          return n(l) + n(r);
        case '-':
          return n(l) - n(r);
        case '*':
          return n(l) * n(r);
        case '/':
          return n(l) / n(r);
        case '=':
          return (l ?? '') === r || (l === null && r === 0);
        case '<':
          return n(l) < n(r);
        default:
          throw new Error(`op ${e.op}`);
      }
    }
    case 'fn': {
      const a = e.args.map((x) => calc(x, cell));
      switch (e.name) {
        case 'IF':
          return a[0] ? a[1]! : a[2]!;
        case 'ISNUMBER':
          return typeof a[0] === 'number';
        case 'MAX':
          return Math.max(...a.map(Number));
        case 'MIN':
          return Math.min(...a.map(Number));
        case 'ROUND': {
          const d = 10 ** Number(a[1]);
          const v = Number(a[0]);
          return (Math.sign(v) * Math.round(Math.abs(v) * d + 1e-9)) / d;
        }
        default:
          throw new Error(`fn ${e.name}`);
      }
    }
    default:
      throw new Error(e.t);
  }
}

describe('formula agrees with evaluate', () => {
  const counts = [0, 1, 2, 3, 4, 5, 7, 10, 12.5];
  const rates = [0, 50, 85.3, 87, 87.5, 89, 89.99, 90, 95.5, 100];
  it.each(
    SAMPLES.filter((t) =>
      ['perUnit', 'shortfall', 'threshold', 'rate', 'bonus', 'discretion'].includes(t.kind),
    ).map((t) => [t.kind, t] as const),
  )('%s', (_k, t) => {
    const f = handlerFor(t).formula(t as never, ref(0, 0));
    const inputs = t.kind === 'rate' ? rates : counts;
    for (const x of [...inputs, null]) {
      const eff = handlerFor(t).evaluate(t as never, x);
      const d = f.deduction ? Math.round(Number(calc(f.deduction, x)) * 100) : 0;
      const b = f.bonus ? Math.round(Number(calc(f.bonus, x)) * 100) : 0;
      expect([d, b, x]).toEqual([eff.deductionCents, eff.bonusCents, x]);
    }
  });
  it('yes/no kinds', () => {
    for (const t of SAMPLES.filter((s) => ['flag', 'award'].includes(s.kind))) {
      const f = handlerFor(t).formula(t as never, ref(0, 0));
      for (const [cell, input] of [
        ['是', true],
        ['否', false],
        [null, null],
      ] as const) {
        const d = Math.round(Number(calc(f.deduction!, cell)) * 100);
        expect(d).toBe(handlerFor(t).evaluate(t as never, input).deductionCents);
      }
    }
  });
});
