/**
 * The parser's vocabulary: how rubrics write numbers, units and the scoring phrases ("actions"),
 * and the patterns for conditions (每少一次, 不足5篇, 每减少1%, 每人 …). Used by ./parse.ts.
 */
import { CN_NUM_CHARS, NUM_RE, parseNumber as parseNumberPlain } from '../text';
import { UNIT_RE } from './units';

/** A number as rubrics write it, including Chinese decimals (零点五, 一点五). */
export const N = `(?:${NUM_RE}(?:点[零〇一二两三四五六七八九]+)?)`;
export const CN_DIGITS = '零〇一二两三四五六七八九';

/** parseNumber, plus Chinese decimals: 零点五 = 0.5, 一点二五 = 1.25. */
export function parseNumber(raw: string): number | null {
  const m = new RegExp(`^([${CN_NUM_CHARS}]+)点([${CN_DIGITS}]+)$`).exec(raw.trim());
  if (!m) return parseNumberPlain(raw);
  const whole = parseNumberPlain(m[1]!);
  if (whole === null) return null;
  const frac = [...m[2]!].map((ch) => parseNumberPlain(ch) ?? 0).join('');
  return Number(`${whole}.${frac}`);
}
export const U = UNIT_RE;

/** Normalised offsets [s, e). */
export interface Seg {
  s: number;
  e: number;
}

export type ActionKind =
  | 'statePoints'
  | 'capNone'
  | 'capTotal'
  | 'capExplicit'
  | 'capItem'
  | 'bonusMax'
  | 'limit'
  | 'discretionRange'
  | 'discretionUpTo'
  | 'scoreFormula'
  | 'zeroMethod'
  | 'vetoItem'
  | 'veto'
  | 'fullIf'
  | 'zeroIf'
  | 'consequence'
  | 'bonusDiscretion'
  | 'bonus'
  | 'deduct'
  | 'proportional'
  | 'discretion'
  | 'award'
  | 'pointsEach';

export interface Action extends Seg {
  kind: ActionKind;
  m: RegExpExecArray;
}

/** Words that say the assessor judges the amount: 酌情, 视情况, 视情节轻重. */
export const JUDGE = '酌情|视情况|视情节轻重|视情节|视情|根据情况';

/**
 * One consequence beyond points: loss of eligibility (取消当年评优资格, 否优), a grade moved (降档,
 * 降一档, 晋档), a fail stated as the rating (年度考核不合格, 评为不合格), a reprimand (通报批评).
 */
const CONSEQUENCE_ONE =
  '取消[^,;。、]{0,10}?(?:评优|评先|资格)(?:[^,;。、]{0,4}?资格)?|一票否优|否优|' +
  '(?:一票)?否决(?:评优|评先)(?:评优|评先)?(?:资格)?|' +
  '(?:降|晋|升)(?:一|1|两|二|2)?(?:个)?档(?:次)?|降(?:一|1)?(?:个)?(?:等级|级别|等次|级|等)|晋级|' +
  '(?:(?:年度|年终|本年度|当年|全年)?(?:考核|考评|评定|评价|评比)(?:结果|等次|等级)?(?:为|定为|评为|确定为|直接)?|(?:本项|该项|此项)(?:即|直接)?(?:为|评为|定为|视为)?|评为|定为|认定为|视为|确定为|即为|为|按)不合格(?:等次|等级|档案|单位)?|' +
  '通报批评|诫勉谈话|诫勉|降薪|降职|黄牌警告|黄牌|红牌';

/**
 * A clause that ends in consequences (…的，取消评优资格、降档): read as a consequence term, never as
 * points. Only at a clause's end, so "不合格的" or "不合格扣1分" stay conditions of what follows.
 */
export const CONSEQUENCE_ACTION = new RegExp(
  `(?:并|并且|且)?(?:予以|给予|实行|作|将)?((?:${CONSEQUENCE_ONE})(?:(?:[、和及或]|并(?:予以|给予)?)(?:${CONSEQUENCE_ONE}))*)(?:处理)?(?=\\s*$)`,
  'g',
);

/** Patterns in priority order: an earlier pattern's match wins over a later overlapping one. */
export const ACTIONS: readonly [ActionKind, RegExp][] = [
  // 满分5分, 本项3分, 分值为2分: the item's points restated; scores nothing by itself.
  [
    'statePoints',
    new RegExp(
      `(?:本项|该项|此项)?(?:满分|总分|基础分|标准分值?|分值)(?:为|是|:)?(${N})分(?![值数钟])|(?:本项|该项|此项)(?:共|计)?(${N})分(?![/每值数钟])`,
      'g',
    ),
  ],
  [
    'capNone',
    /扣完(?:后)?(?:可)?倒扣分?|(?<!不(?:实行|予|再|得|能|可)?)(?:可)?倒扣分?|可扣至负分|扣分不封顶|扣分(?:不设|无)上限|不设扣分上限/g,
  ],
  [
    'bonusMax',
    new RegExp(
      `(?:最高|最多|至多|累计)(?:可)?(?:加|奖励?)(${N})分|(?:加分|奖分|奖励分)(?:累计|总计|合计)?(?:(?:最高|最多|至多)(?:不超过|不得超过|不超)?|不超过|不得超过|不超|上限为?|以)(${N})分(?:为限|封顶)?`,
      'g',
    ),
  ],
  // 本项共扣4分 in a clause of its own after the deductions: their total (grammar/limits.ts).
  [
    'capTotal',
    new RegExp(`(?:本项|该项|此项)(?:共|共计|合计|累计|总计)扣(?:除|减)?(${N})分(?:为限|为止|封顶)?`, 'g'),
  ],
  [
    'capExplicit',
    new RegExp(
      `(?:累计|本项|该项|此项)?(?:最多|最高|至多)(?:可)?扣(?:除|减)?(${N})分(?:为止|为限|封顶)?|(?:累计|本项|该项|此项)?扣分(?:累计|总计|合计|总数|总额)?(?:(?:最多|最高|至多)(?:不超过|不得超过|不超)?|不超过|不得超过|不超|不高于|上限为?|以)(${N})分(?:为限|为止|封顶)?|扣满(${N})分(?:为止|封顶)?|扣完(${N})分为止|扣(${N})分(?:为止|封顶)`,
      'g',
    ),
  ],
  [
    'capItem',
    /(?:扣分)?扣(?:满|光)(?:为止|即止)|(?:本项|该项|此项)?(?:分值|分数|扣分)?扣完(?:本项|该项|此项)?(?:分值|分数|分)?(?:为止|即止)|扣(?:分)?至(?:0|零)分(?:为止)?|不(?:实行|予|再|得|能|可)?倒扣分?|(?:本项|该项|此项)?(?:最低|最少)(?:为|得|记|计)?(?:0|零)分|扣分(?:累计)?(?:最多)?(?:不超过|不得超过|不超|不高于|以)(?:本项|该项|此项)(?:的)?(?:标准)?(?:分值|分数|总分)(?:为限|为止)?/g,
  ],
  // 累计不超过2分, 最高3分, 以2分为限: a limit on whatever the sentence gave before it.
  [
    'limit',
    new RegExp(
      `(?:累计|合计|总计|最多|最高|至多)(?:不超过|不得超过|不超|不高于)?(${N})分(?![钟之点])(?:为限|封顶)?|(?:不超过|不得超过)(${N})分(?![钟之点])|以(${N})分为限|(${N})分封顶`,
      'g',
    ),
  ],
  [
    'discretionRange',
    new RegExp(`(?:${JUDGE})?扣(?:除|减)?(${N})分?\\s*[-—–~至到]\\s*(${N})分(?:/(?:个)?(${U}))?`, 'g'),
  ],
  ['discretionUpTo', new RegExp(`酌情扣(?:除|减)?(${N})分`, 'g')],
  ['scoreFormula', /(?:实际|本项|该项)?得分\s*=[^,;。]*/g],
  ['zeroMethod', /否决(?:制)?计分(?:法)?/g],
  // 一票否决评优 takes away eligibility for awards, not the assessment: a consequence.
  ['veto', /(?:实行|实施|予以|采取)?一票否决(?:制)?(?!评优|评先)/g],
  ['vetoItem', /(?:本项|该项|此项)(?:工作)?(?:分值)?(?:实行|予以)?否决/g],
  ['fullIf', /(?:记|计|得|给|给予|评为?|即得|可得)(?:满分|全分)/g],
  [
    'zeroIf',
    /不得分|不计分|不给分|(?:记|计|得|给|评)(?:零|0|〇)分|按(?:零|0|〇)分(?:计算|计|算|处理)?|(?:本项|该项|此项)(?:分值)?(?:全扣|全部扣除)|扣(?:除|减|去)?(?:本项|该项|此项)?(?:的)?(?:全部|所有|全)(?:分值|分数|分)(?![的之])|扣(?:除|减|去)?(?:本项|该项|此项)(?:的)?(?:分值|分数)(?![的之\d])/g,
  ],
  ['consequence', CONSEQUENCE_ACTION],
  ['bonusDiscretion', /酌情(?:给予)?(?:加分|奖分|奖励)/g],
  ['bonus', new RegExp(`(?:加|奖励?)(${N})分(?:/(?:个)?(${U}))?`, 'g')],
  ['deduct', new RegExp(`扣(?:除|减)?(${N})分(?:/(?:个)?(${U}))?`, 'g')],
  // 按实际完成比例计分, 根据完成比例打分(15分): scored in proportion, which no term holds (before
  // discretion, whose 根据…打分 would take it). The points said after it belong to it.
  [
    'proportional',
    /(?:按照?|根据|依据|视|以)[^,;。]{0,16}?(?:比例|比率|占比)[^,;。]{0,8}?(?:计分|得分|打分|评分|给分|赋分|扣分|加分|折算|计算)(?:分值|分数)?(?:\(\d+(?:\.\d+)?分\))?/g,
  ],
  [
    'discretion',
    /酌情(?:给予|予以)?(?:扣分|打分|给分|评分|计分|扣减|赋分|处理|扣除)?|视情况(?:给予|予以)?(?:扣分|打分|给分|评分|赋分)?|(?:根据|依据|按照|结合|视)[^,;。]{0,24}?(?:打分|评分|给分|扣分|计分|评定|赋分)|按[^,;。扣]{0,24}?(?:打分|评分|给分|赋分)|综合(?:评定|打分|评分)/g,
  ],
  ['award', new RegExp(`得(${N})分`, 'g')],
  ['pointsEach', new RegExp(`每(?:个)?(${U})(${N})分(?![钟之点])`, 'g')],
];

/**
 * A penalty in money (罚款500元, 扣发绩效工资1000元): beyond points, reported, never read as points. An
 * amount of money alone (拾金不昧金额100元以下的) is a condition, not a penalty.
 */
export const MONEY = '罚款|罚金|扣发|扣(?:除|减)?(?:绩效|工资|奖金|津贴)';

/** Words that show a span is about scoring (a span with none of them is a plain expectation). */
export const VOCAB = new RegExp(
  `扣|${N}分(?![钟之点])|得分|满分|零分|否决|酌情|打分|评分|计分|给分|加分|赋分|分值|分数|${MONEY}`,
);

// 每降低1%, 每低于标准1个百分点, 低1个百分点 (a step stated with a fall and no 每).
export const RATE_STEP = new RegExp(
  `(?:每(?:(?![超高增多升提])[^,;。\\d%每]){0,6}?|减少|降低|下降|低|少|差)(${N})(?:%|个百分点|百分点)`,
);
export const RATE_TARGET_NEAR = new RegExp(`(${N})%(?:以下|以内)|(?:低于|不足|未达到?|达不到)(${N})%`);
export const RATE_TARGET_FAR = new RegExp(
  `(?:达到|达|不低于|不得低于|保持在?|高于)(${N})%|(${N})%(?:及|或)?以上`,
);
export const REFERENCE = /平均|全区|全市|全县|全省|全镇|全街|上年|同期|标准值/;
// 少一次, 缺1项, 少开一次, 少报了一次 (but not 不少于一次, 缺席一次).
export const SHORT_ONE = new RegExp(
  `(?:每)?(?<![不至最多])(?:少|缺少|缺|差|减少|欠)(?!于)(?:(?![于席勤陷失])[\\u4e00-\\u9fff]){0,2}?(?:了)?(?:一|1)(?:个)?(${U})`,
);
export const BELOW_N = new RegExp(`(?:不足|少于|低于|未达到?|不到|达不到|未满|不够)(${N})(?:个)?(${U})`);
export const EACH_UNIT = new RegExp(`每([^每,;。\\d]{0,10}?)(?:${N})?(?:个|名)?(${U})(?!性)`);
/** 每逾期一天: a unit after a number is the counted one (not the 期 of 逾期). */
/** A condition about problems found (巡查发现问题每宗0.3分): 每宗 counts them, not items to do. */
export const FOUND_EVENT = /发现|问题|违规|违纪|差错|错误|投诉|事故|隐患|不合格|不符合|未按|未及时/;
export const EACH_N_UNIT = new RegExp(`每([^每,;。\\d]{0,10}?)(?:${N})(?:个|名)?(${U})(?!性)`);
/** A requirement stated per period (每月不少于1次) is not the count for the whole assessment. */
export const PER_PERIOD = /每(?:[两二三四五六\d]+)?(?:个)?(?:月|季度?|周|星期|旬|半年|日|天)/;

/**
 * How many of a 每… period an assessment year holds (每季度 4, 每月 12, 每两周 26), or null where the
 * year does not fix it (每日, 每天: working days vary). The assessment's period is its year.
 */
export function periodsPerYear(phrase: string): number | null {
  const m = /每([两二三四五六\d]+)?(?:个)?(月|季度?|周|星期|旬|半年|日|天)/.exec(phrase);
  if (!m) return null;
  const n = m[1] ? parseNumber(m[1]) : 1;
  const per: Record<string, number> = { 月: 12, 季: 4, 季度: 4, 周: 52, 星期: 52, 旬: 36, 半年: 2 };
  const base = per[m[2]!];
  if (base === undefined || n === null || n <= 0 || base % n !== 0) return null;
  return base / n;
}

/** 每…(N)unit: the counted unit and the words between 每 and it. */
export function eachUnit(text: string): RegExpExecArray | null {
  return EACH_N_UNIT.exec(text) ?? EACH_UNIT.exec(text);
}

/**
 * How many units one step of a 每… phrase counts: 1 for 每次 / 每发现一处, 5 for 每5人. A term counts
 * single units, so a step of several (每5人扣1分, 每超0.1个百分点) cannot be one and is reported.
 */
export function eachStep(each: RegExpExecArray): number | null {
  const m = new RegExp(`(${N})(?:个|名)?${each[2]!}$`).exec(each[0]);
  return m ? parseNumber(m[1]!) : 1;
}
// 1天内, 一次性 are time limits and manners, not counts.
export const ONE_UNIT = new RegExp(
  `(?<![\\d.第每])(?:有|发现|出现|存在)?(?:一|1)(?:个|名)?(${U})(?![性内以之前后])`,
);
export const COUNT_ONLY = new RegExp(`^(${N})(?:个|名)?(${U})(?:及其?以上|以上)?$`);
/** Words before 一票否决 that name what is vetoed, not what triggers it. */
export const VETO_SCOPE =
  /^(?:本单位|该单位|单位|年度|全年|本年度|当年|年终|综合|目标|绩效|考核|考评|评比|评先评优|总分|工作|本项|该项|此项|实行|实施|予以|采取|并|中)+$/;
export const LIST_NEGATION = /^(?:没有|无|未|缺少|缺|不)/;

/** Required-count phrases: 不少于4次, 四次以上, 至少N次, 全年N次, 有4次. */
export function countPatterns(unit: string): RegExp[] {
  const u = unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    new RegExp(`(?:不少于|不低于|不得少于|至少|最少|达到|满)[^,;。\\d]{0,8}?(${N})(?:个|名)?${u}`, 'g'),
    new RegExp(`(${N})(?:个|名)?${u}(?:及|或)?以上`, 'g'),
    new RegExp(`(?:有|全年|每年|共)[^,;。\\d]{0,8}?(${N})(?:个|名)?${u}`, 'g'),
    new RegExp(`(?<!不)(?:少于|不足|低于|不到|未达到?|达不到|未满)(${N})(?:个|名)?${u}`, 'g'),
    // 每季度召开一次: a frequency, counted over the assessment's year.
    new RegExp(
      `每(?:[两二三四五六\\d]+)?(?:个)?(?:月|季度?|周|星期|旬|半年)[^,;。\\d每]{0,10}?(${N})(?:个|名)?${u}`,
      'g',
    ),
  ];
}
