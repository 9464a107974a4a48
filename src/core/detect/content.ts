/**
 * What a cell's text holds, read for table detection: a scoring rule, points stated in the text, a
 * 是/否 flag, a non-point sanction. These are small, detection-only classifiers: the rule parser
 * (../rules) reads rules in full; here it is enough to know whether a column holds them.
 */
import { memoized, NUM_RE, norm, parseNumber } from '../text';

const N = NUM_RE;

/** Scoring verbs with an amount, or a fixed outcome: 扣2分, 得1分, 加0.5分, 不得分, 一票否决, 酌情扣分. */
const RULE_WORDS = new RegExp(
  [
    `(?:扣|减|加|奖|奖励|得|计|记|给|赋)(?:${N})分`,
    `(?:扣|减|加|奖|得|计)分`,
    '不得分|不给分|计零分|记零分|零分|得满分|记满分|计满分|满分',
    '酌情',
    '一票否决|一票否优|单项否决|扣完为止',
    `[+-](?:${N})分?`,
  ].join('|'),
);

/** Whether a text reads as a scoring rule (a verb with an amount, or a fixed outcome). */
export const looksLikeRule: (text: string) => boolean = memoized((text) => RULE_WORDS.test(norm(text)));

/** Sanctions that are not points: 降职, 降薪两级, 通报批评, 警告, 记过, 辞退. */
const SANCTION = /^(?:降职|降级|降薪|撤职|免职|辞退|解聘|开除|通报批评|通报|警告|记过|记大过|诫勉|约谈|罚款)/;

/** Whether a cell names a sanction other than points. */
export const looksLikeSanction: (text: string) => boolean = memoized((text) => SANCTION.test(norm(text)));

const YES_NO = /^(?:是|否|有|无|√|×|✓|✗|y|n|yes|no|true|false)$/i;

/** 是/否 and its look-alikes. */
export function isYesNo(text: string): boolean {
  return YES_NO.test(norm(text));
}

/** Signed points "+5", "+0.5分", and ranges "+1至+10", "+0.1~+0.9": the largest value added. */
const SIGNED = new RegExp(`^\\+(${N})分?(?:(?:至|到|~|-|—|～)\\+?(${N})分?)?$`);

/** The bonus a cell states ("+5" → 5, "+1至+10" → 10), or null. */
export const signedBonus: (text: string) => number | null = memoized((text) => {
  const m = SIGNED.exec(norm(text));
  if (!m) return null;
  const hi = parseNumber(m[2] ?? m[1]!);
  return hi === null || hi <= 0 ? null : hi;
});

export interface TextPoints {
  points: number;
  /** Bonus the text adds on top ("（2分，3分奖分）" → 3; "（2分，为奖励分）" → the 2 itself). */
  bonus: number;
  /** How the points were stated: a trailing bracket, or 得N分 as the item's whole value. */
  how: 'bracket' | 'award';
}

/** "(2分)", "(1.5分)", "(2分,3分奖分)", "(2分,为奖励分)", "(10分 )" at the end of a text. */
const TRAILING_BRACKET = new RegExp(`\\((${N})分([^()]{0,12})\\)[。.;；,，\\s]*$`);
const BONUS_TAIL = new RegExp(`(${N})分?(?:奖分|奖励分|加分)`);
const IS_BONUS = /^为?(?:奖励分|奖分|加分)$/;
/** "得2分", as a whole value: the points an item gives when met. */
const AWARD = new RegExp(`(?:得|计|记)(${N})分`, 'g');
/** A bracketed "(N分)" anywhere in the text. */
const ANY_BRACKET = new RegExp(`\\((${N})分\\)`, 'g');
const PART = /(?:^|\n|[。;；])\s*\d+[.、．]/g;

/**
 * The points a text states for its item, or null: a trailing "（N分）" (the points of a 工作要求), or,
 * failing that, "得N分" as the item's whole value (summed over numbered parts "1.…得2分 2.…得3分").
 * @example textPoints('在门诊大厅公示项目。（0.5分）') → { points: 0.5, bonus: 0, how: 'bracket' }
 */
export const textPoints: (raw: string) => TextPoints | null = memoized((raw) => {
  const found = textPointsOnce(raw);
  return found ? Object.freeze(found) : null;
});

function textPointsOnce(raw: string): TextPoints | null {
  const t = norm(raw);
  if (t === '') return null;
  const b = TRAILING_BRACKET.exec(t);
  if (b) {
    const n = parseNumber(b[1]!);
    if (n === null) return null;
    const tail = b[2] ?? '';
    if (IS_BONUS.test(tail.replace(/[,，\s]/g, ''))) return { points: 0, bonus: n, how: 'bracket' };
    const extra = BONUS_TAIL.exec(tail);
    const bonus = extra ? (parseNumber(extra[1]!) ?? 0) : 0;
    return { points: n, bonus, how: 'bracket' };
  }
  // "原则（1.5分）。是否…扣0.5分": the points in brackets inside the text; several parts add up.
  const inner = [...t.matchAll(ANY_BRACKET)].map((m) => parseNumber(m[1]!));
  if (inner.length > 0 && inner.every((n) => n !== null)) {
    const sum = inner.reduce((a: number, n) => a + (n ?? 0), 0);
    return { points: Math.round(sum * 100) / 100, bonus: 0, how: 'bracket' };
  }
  const parts = raw.split(PART).filter((p) => p.trim() !== '');
  let total = 0;
  let any = false;
  for (const part of parts.length > 0 ? parts : [raw]) {
    let best: number | null = null;
    for (const m of norm(part).matchAll(AWARD)) {
      const n = parseNumber(m[1]!);
      if (n !== null && (best === null || n > best)) best = n;
    }
    if (best !== null) {
      total += best;
      any = true;
    }
  }
  return any ? { points: Math.round(total * 100) / 100, bonus: 0, how: 'award' } : null;
}

/** Numbering at the start of a label ("1.", "（一）", "1.1.2", "一、", "①"), after stray quotes. */
const NUMBERED = /^["'“”‘’`]*(?:\(?[一二三四五六七八九十]+[)、.]|\(?\d+(?:\.\d+)*[)、.]?|[①-⑳])/;

export const looksNumbered: (text: string) => boolean = memoized((text) => NUMBERED.test(norm(text)));

/** 基本分为70分, 基础分70分, 基本分：70: the base score a table states anywhere in its text. */
const BASE = new RegExp(`(?:基本分|基础分|基准分|底分)(?:数)?(?:为|是|:)?(${N})分?`);
/** 最高分数为100分, 满分100分, 最高100分. */
const CEILING = new RegExp(`(?:最高分数|最高分|最高得分|满分|上限)(?:为|是|:)?(${N})分`);

/** The base score stated in one of the texts, with the ceiling stated beside it (same text). */
export function baseScoreIn(texts: readonly string[]): { base: number; max: number | null } | null {
  for (const text of texts) {
    const t = norm(text);
    const b = BASE.exec(t);
    if (!b) continue;
    const base = parseNumber(b[1]!);
    if (base === null) continue;
    const c = CEILING.exec(t.slice(b.index));
    return { base, max: c ? parseNumber(c[1]!) : null };
  }
  return null;
}

/** A total stated in a title or header: "(满分1000分)", "总分1000分", "共100分". */
const STATED_TOTAL = new RegExp(`(?:满分|总分|总分值|合计|共计|共|计)(?:为|是|:)?(${N})分`);

export function statedTotal(text: string): number | null {
  const m = STATED_TOTAL.exec(norm(text));
  return m ? parseNumber(m[1]!) : null;
}
