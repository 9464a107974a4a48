/**
 * A rule is what one item's 评分标准 says, as plain data: a list of terms, a cap, and what could not
 * be read. Each term keeps the span of the source text it came from.
 */

/** [start, end) offsets into Rule.source. */
export interface Span {
  start: number;
  end: number;
}

/** What an assessor counts for a term, and how that turns into points. */
export type Term =
  /** 扣0.5分/人, 每次扣0.1分, 每发现一处扣2分: amount × count. */
  | {
      kind: 'perUnit';
      amount: number;
      unit: string;
      what: string;
      span: Span;
      /** 每次扣0.5分，最多扣2分 said beside other capped terms: this term's own limit. */
      max?: number | undefined;
      /** 第一次扣1分，第二次起每次扣2分: the first `after` units at amount, each further at `later`. */
      after?: number | undefined;
      later?: number | undefined;
      /** 累计扣满3分的，另扣5分: once the term's deduction reaches extraAt, extra more, once. */
      extraAt?: number | undefined;
      extra?: number | undefined;
    }
  /** 每少一次扣0.5分 (不少于4次): amount × max(0, required − done). Input: the count done. */
  | { kind: 'shortfall'; amount: number; required: number; unit: string; what: string; span: Span }
  /** 投稿不足5篇的扣1分: amount once when done < required. Input: the count done. */
  | { kind: 'threshold'; amount: number; required: number; unit: string; what: string; span: Span }
  /**
   * 90%以下每减少1%扣0.1分; 每低1个百分点扣0.5分: amount per `step` percentage points below `target`.
   * Input: the achieved rate in percent. target null = the reference is named but not a number
   * (e.g. 全区平均数): the input is then the number of points below it.
   */
  | { kind: 'rate'; amount: number; step: number; target: number | null; what: string; span: Span }
  /** 出现过期药的扣0.1分; 无方案、小结、信息的各扣1分 (one flag each): amount once when it happened. */
  | { kind: 'flag'; amount: number; what: string; span: Span }
  /** …的得1分: a component of the item's points, earned when met; lost (amount) when not. */
  | { kind: 'award'; amount: number; what: string; span: Span }
  /** …的记满分: the condition for full points (describes; scores nothing by itself). */
  | { kind: 'fullIf'; what: string; span: Span }
  /** …的不得分, 计零分, 否决计分法: the item scores 0 when it happened. */
  | { kind: 'zeroIf'; what: string; span: Span }
  /** 一票否决: scope 'assessment' sets the whole total to 0. */
  | { kind: 'veto'; scope: 'item' | 'assessment'; what: string; span: Span }
  /** 加N分 / 最高加N分: bonus points on top of the item's points. amount per unit; max null = no limit. */
  | { kind: 'bonus'; amount: number; max: number | null; unit: string; what: string; span: Span }
  /** 酌情扣分, 酌情打分, 根据平时工作打分: the assessor decides the deduction. */
  | { kind: 'discretion'; what: string; span: Span }
  /**
   * 完成率≥90%得满分，≥85%得5分，＜80%不得分: bands of a rate, mutually exclusive; the first band the
   * entered percentage falls in applies. Input: the rate in percent, or a sub-score out of 100 (unit
   * 分: ≥90分得满分 on a 评分表).
   */
  | { kind: 'tier'; bands: TierBand[]; unit: '%' | '分'; what: string; span: Span }
  /** 差错2次以内得满分，3至5次得3分，6次以上不得分: bands of a count. Input: the count. */
  | { kind: 'tierCount'; bands: TierBand[]; unit: string; what: string; span: Span }
  /**
   * Alternatives that exclude each other, one chosen (有方案有记录得满分；有记录无方案得2分…; 优-0、良-1、
   * 差-3). Input: the number of the alternative that applies (1, 2, …); bands carry no bounds.
   */
  | { kind: 'choice'; bands: TierBand[]; what: string; span: Span }
  /**
   * 第一名得10分，第二名得8分，其余不得分; 排名前三的依次得5、4、3分: the unit's place decides its score.
   * Input: the place (a whole number ≥ 1). Each band holds one place (lo = hi); the last holds every
   * place after them (hi null).
   */
  | { kind: 'rank'; bands: TierBand[]; what: string; span: Span }
  /** 视情况扣0.5—2分: the assessor chooses a deduction within [min, max]. Input: the deduction. */
  | { kind: 'range'; min: number; max: number; what: string; span: Span }
  /**
   * 取消评优资格, 否优, 降档, 不合格: a consequence beyond points. Carries no points; shown in
   * explanations and reports.
   */
  | { kind: 'consequence'; effect: string; what: string; span: Span };

/** One band of a tier: where it applies and what it gives. */
export interface TierBand {
  /** Lower bound of the input (inclusive unless loOpen); null = none. */
  lo: number | null;
  loOpen: boolean;
  /** Upper bound of the input (inclusive unless hiOpen); null = none. */
  hi: number | null;
  hiOpen: boolean;
  /** Points off the item's points when this band applies. */
  deduct: number;
  /** The score the text states for the band (得5分 → 5, 得满分 → the item's points), null when it states a deduction. */
  score: number | null;
  /** The band's condition in the rubric's words (for alternatives and grades). */
  label: string;
}

export type TermKind = Term['kind'];

/** How far deductions may go. */
export type Cap =
  /** 扣完为止 (and the default): total deduction ≤ the item's points. */
  | { kind: 'item'; span: Span | null }
  /** 最多扣N分 / 扣分不超过N分: total deduction ≤ amount (and ≤ the item's points). */
  | { kind: 'explicit'; amount: number; span: Span }
  /** 扣完倒扣分: the score may go below zero. */
  | { kind: 'none'; span: Span };

export interface Rule {
  /** The text the rule was read from (评分标准, plus 目标要求 where the rule lives there). */
  source: string;
  terms: Term[];
  cap: Cap;
  /** Spans of the source that say something about scoring but could not be read. */
  unread: Span[];
  /**
   * Spans read that add no term: a restated point value (满分5分), a limit folded into a term, a
   * required count or target a term took from elsewhere in the text, a method note (查阅档案).
   */
  neutral?: Span[] | undefined;
  /** True when the rule comes from a user's override rather than the parser. */
  overridden: boolean;
  /**
   * 最高加N分 said after several bonus terms: a limit on their sum (each term keeps its own max).
   * Absent when the rule has no such limit.
   */
  bonusCap?: number | undefined;
}

/** A user's decision about an item's rule, stored in the workbook. */
export interface RuleOverride {
  /** Matches the item by sheet + its 评分标准 text (robust to rows moving). */
  sheet: string;
  itemText: string;
  criteria: string;
  terms: Term[];
  cap: Cap;
  bonusCap?: number | undefined;
}
