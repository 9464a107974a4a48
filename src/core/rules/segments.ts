/**
 * Text handling for the parser: normalised text with its map back to the original, sentences and
 * clauses, and the trimming of conditions. Used by ./parse.ts.
 */
import { normalize } from '../text';
import type { Span } from './types';
import { JUDGE, type Seg, parseNumber } from './vocab';

export interface Text {
  /** Normalised text. */
  t: string;
  /** Normalised offset → original offset (see text.ts). */
  map: number[];
  /** Added to original offsets to give Rule.source offsets. */
  base: number;
}

/**
 * Same-length rewrites of how rubrics really write: the typo 没 for 每 (没人扣0.5分, 没次, 没少一种),
 * 减 as the verb (减1分), a bare minus sign before points (-0.5分). Offsets do not move.
 */
const TYPOS: readonly [RegExp, string][] = [
  [/没(?=(?:一)?[人次项处份个种例条户件宗]|少|缺)/g, '每'],
  [/(?<![扣核])减(?=\s*(?:[\d.]+|[零〇一二两三四五六七八九十半]+)\s*分)/g, '扣'],
  [/(?<![\d.分~—–-])[-−](?=\s*[\d.]+\s*分)/g, '扣'],
];

/** A line that ends a clause or a rule: punctuation, points (扣2分, 得分, 不得分), 为止, 否决. */
const LINE_ENDS = /(?:[。;；!?！？,，:：]|分[)）]?|为止|否决|否優|否优)\s*$/;
/** A line that starts anew: numbering, a bullet, a note (注：), a rule of its own (每…, 凡…, 以上…). */
const LINE_STARTS =
  /^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}[.、．](?!\d)|[\u2460-\u2473\u2776-\u277f]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|[•·●○■□◆◇▪*-]|(?:注|备注|说明)[:：]|每|凡|以上)/;
/**
 * Words that state a rule, its outcome or its limit: a line whose last clause holds one is complete
 * (…扣1分，以5分为上限 ends its rule; so does any clause stating points). Matched on the cell's own
 * text, so traditional forms are listed too.
 */
const RULE_WORD =
  /[扣得加奖獎减減计計]|分值|取消|否决|否決|为止|為止|不合格|见附|見附|上限|为限|為限|封顶|封頂|最多|最高|\d\s*分/;
const BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/**
 * Line breaks as the parser reads them, same length: a break after a line that ends a clause or a
 * rule, or before a numbered line, separates sentences (';'); any other break is where the cell's
 * width wrapped one clause ("…等违法\n犯罪行为进行调查处理，得1分"), and joins it (a space, which the
 * normaliser drops).
 */
function breaks(original: string): string {
  if (!/[\r\n\u2028\u2029\u0085]/.test(original)) return original;
  return original.replace(BREAK, (br, at: number) => {
    const before = original.slice(0, at);
    const after = original.slice(at + br.length);
    const lineBefore = before.slice(Math.max(before.search(/[^\r\n\u2028\u2029\u0085]*$/), 0));
    const lineAfter = /^[^\r\n\u2028\u2029\u0085]*/.exec(after)?.[0] ?? '';
    // The last clause of the line before: when it states a rule itself, the line is complete.
    const lastClause = lineBefore.split(/[,，、;；。]/).pop() ?? '';
    const hard =
      RULE_WORD.test(lastClause) ||
      lineBefore.trim() === '' ||
      lineAfter.trim() === '' ||
      LINE_ENDS.test(lineBefore) ||
      LINE_STARTS.test(lineAfter);
    return (hard ? ';' : ' ').repeat(br.length);
  });
}

export function prepare(original: string, base: number): Text {
  // Line breaks that separate sentences become a same-length separator the normaliser keeps.
  const n = normalize(breaks(original));
  let t = n.text;
  for (const [re, to] of TYPOS) t = t.replace(re, to);
  return { t, map: n.map, base };
}

/** Original-source span of normalised [s, e). */
export function toSpan(x: Text, s: number, e: number): Span {
  if (e <= s) {
    const at = (x.map[s] ?? x.map[x.map.length - 1] ?? 0) + x.base;
    return { start: at, end: at };
  }
  const start = (x.map[s] ?? 0) + x.base;
  const end = (x.map[e - 1] ?? x.map[s] ?? 0) + 1 + x.base;
  return { start, end: Math.max(start, end) };
}

export const SENTENCE_END = new Set(['。', ';', '!', '?', '！', '？']);
export const CLAUSE_END = new Set([',', '，']);
export const OPEN = new Set(['(', '[', '【', '“', '《', '「', '{']);
export const CLOSE = new Set([')', ']', '】', '”', '》', '」', '}']);

/** Sentences, each a list of clauses (normalised segments, trimmed of separators). */
export function split(t: string): Seg[][] {
  const out: Seg[][] = [];
  let sentence: Seg[] = [];
  let start = 0;
  let depth = 0;
  const endClause = (i: number): void => {
    if (i > start) sentence.push({ s: start, e: i });
    start = i + 1;
  };
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_END.has(ch)) endClause(i);
    else if (SENTENCE_END.has(ch)) {
      // A sentence end closes any bracket left open by a typo.
      depth = 0;
      endClause(i);
      if (sentence.length > 0) out.push(sentence);
      sentence = [];
    }
  }
  endClause(t.length);
  if (sentence.length > 0) out.push(sentence);
  return out;
}

/** Sub-clause numbering: 1. 2、 (3) ① 一、 (一). */
export const NUMBERING = `\\(\\d{1,2}\\)|\\d{1,2}[.、](?!\\d)|[\u2460-\u2473\u2776-\u277f]|[一二三四五六七八九十]{1,3}、|\\([一二三四五六七八九十]{1,3}\\)`;
export const LEAD = new RegExp(
  `^(?:[,、:;.\\s“”"'「」『』]|${NUMBERING}|(?:评分|扣分|考核|计分)(?:标准|办法|方法|细则|说明):|如果|如|凡是|凡|对于|对|若|其中|则|且|并且|并|另外|另|以及|和|或|同时|否则)+`,
);
export const TRAIL = new RegExp(
  `(?:[,、:;\\s“”"'「」『』]|的|者|各|均|分别|则|即|将|予以|给予|采用|实行|实施|采取|一律|的话|本项|该项|此项|${JUDGE})+$`,
);

/** Trim connectors and 的 off a condition, in normalised offsets. */
export function trimSeg(t: string, s: number, e: number): Seg {
  let text = t.slice(s, e);
  const lead = LEAD.exec(text);
  if (lead) {
    s += lead[0].length;
    text = text.slice(lead[0].length);
  }
  const trail = TRAIL.exec(text);
  if (trail) e -= trail[0].length;
  return { s, e: Math.max(s, e) };
}

/** The readable `what` of a condition segment. */
export function whatOf(t: string, g: Seg): string {
  return t.slice(g.s, g.e).replace(/的(\([^)]*\))$/, '$1');
}

/** Remove one regex match from a string and re-trim. */
export function without(text: string, m: RegExpExecArray | null, keep = ''): string {
  if (!m) return text;
  const s = `${text.slice(0, m.index)}${keep}${text.slice(m.index + m[0].length)}`;
  const g = trimSeg(s, 0, s.length);
  return s.slice(g.s, g.e);
}

export function numOf(m: RegExpExecArray, ...groups: number[]): number | null {
  for (const g of groups) {
    const raw = m[g];
    if (raw !== undefined) {
      const v = parseNumber(raw);
      if (v !== null && Number.isFinite(v)) return v;
    }
  }
  return null;
}

/** Whether a value is a usable amount of points (two decimals at most, within the schema's range). */
export function okAmount(v: number | null): v is number {
  return v !== null && v >= 0 && v <= 10000 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
}
