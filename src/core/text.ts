/**
 * Text normalisation shared by table detection and rule parsing: traditional → simplified,
 * full-width → half-width, spaces inside words removed, scraped pinyin artefacts dropped.
 * Every normalised string keeps a map back to the original offsets, so a rule term can point at
 * the exact span of the user's own text.
 */
import * as OpenCC from 'opencc-js/t2cn';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

export interface Normalized {
  /** The normalised text. */
  readonly text: string;
  /**
   * map[i] is the offset in the original text of normalised character i; map[text.length] is the
   * original length. A normalised span [s, e) is the original span [map[s], map[e - 1] + 1).
   * Shared between callers and frozen: never change it.
   */
  map: number[];
}

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

/** Full-width ASCII (０-９, Ａ, （ ） ％ ／ …) and the ideographic space to their half-width forms. */
function halfWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= FULLWIDTH_START && c <= FULLWIDTH_END) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000) return ' ';
  return ch;
}

/** Simplified form of one character (length-preserving). */
function simplifyChars(s: string): string {
  const out = t2s(s);
  if (out.length === s.length) return out;
  // Phrase rules that change length are rare; fall back to character by character.
  return [...s]
    .map((ch) => {
      const o = t2s(ch);
      return o.length === ch.length ? o : ch;
    })
    .join('');
}

const PINYIN_ARTEFACT = /\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\)/g;
const HAS_TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

/**
 * Normalise text for matching, keeping a map to the original offsets.
 * @example normalize('評 分 標 準').text === '评分标准'
 */
export function normalize(original: string): Normalized {
  // The same texts recur across sheets (one rubric, a sheet per unit) and across the detector and the
  // rule reader: each is normalised once. The result is frozen, since it is shared.
  const known = NORMALIZED.get(original);
  if (known !== undefined) return known;
  const n = normalizeOnce(original);
  Object.freeze(n.map);
  Object.freeze(n);
  if (NORMALIZED.size >= NORMALIZED_MAX) NORMALIZED.clear();
  NORMALIZED.set(original, n);
  return n;
}

/** Normalised texts by original, bounded: emptied when full, so memory stays flat on huge sheets. */
const NORMALIZED = new Map<string, Normalized>();
const NORMALIZED_MAX = 50_000;

function normalizeOnce(original: string): Normalized {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    chars.push(halfWidth(original[i]!));
    map.push(i);
  }
  let text = simplifyChars(chars.join(''));
  // Drop pinyin glosses like 區(qū) that scraped documents carry (only with a tone mark, so "(a)" stays).
  const keep: boolean[] = new Array(text.length).fill(true);
  for (const m of text.matchAll(PINYIN_ARTEFACT)) {
    if (!HAS_TONE.test(m[1]!)) continue;
    const prev = text[m.index - 1] ?? '';
    if (!/[\u3400-\u9fff]/.test(prev)) continue;
    for (let k = m.index; k < m.index + m[0].length; k++) keep[k] = false;
  }
  // Spaces between CJK characters are typographic ("评 分 标 准"); spaces elsewhere collapse away too.
  const outChars: string[] = [];
  const outMap: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!keep[i]) continue;
    if (/\s/.test(ch)) continue;
    outChars.push(ch);
    outMap.push(map[i]!);
  }
  outMap.push(original.length);
  text = outChars.join('');
  return { text, map: outMap };
}

/**
 * A pure function of one string, remembered per string: the same texts recur across the rows of a
 * sheet and across sheets (one rubric, a sheet per unit). Bounded: emptied when full. Object results
 * are shared between callers, so `f` must return values nobody changes (freeze them).
 */
export function memoized<T>(f: (s: string) => T, max = 50_000): (s: string) => T {
  const known = new Map<string, T>();
  return (s: string): T => {
    const hit = known.get(s);
    if (hit !== undefined || known.has(s)) return hit as T;
    const v = f(s);
    if (known.size >= max) known.clear();
    known.set(s, v);
    return v;
  };
}

/** Normalised text only. */
export function norm(s: string): string {
  return normalize(s).text;
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters that can make up a Chinese numeral, for use inside regular expressions. */
export const CN_NUM_CHARS = '零〇一二两兩三四五六七八九十百半';

/**
 * Read a number written in Arabic digits (half- or full-width) or Chinese numerals (一…九十, 两, 半).
 * Returns null when the text is not a number.
 * @example parseNumber('十二') === 12; parseNumber('0.5') === 0.5; parseNumber('两') === 2
 */
export function parseNumber(raw: string): number | null {
  return numberCached(raw);
}

const CN_NUMBER = new RegExp(`^[${CN_NUM_CHARS}]+$`);
const numberCached = memoized(parseNumberOnce);

function parseNumberOnce(raw: string): number | null {
  const s = [...raw.trim()].map(halfWidth).join('').replace(/,/g, '');
  if (s === '') return null;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return Number(s);
  if (s === '半') return 0.5;
  if (!CN_NUMBER.test(s)) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const ch of s) {
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
      seen = true;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
      seen = true;
    } else if (ch in DIGITS) {
      current = current * 10 + DIGITS[ch]!;
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

/** Regular-expression source matching one number in any of the forms parseNumber reads. */
export const NUM_RE = `(?:\\d+(?:\\.\\d+)?|\\.\\d+|[${CN_NUM_CHARS}]+)`;
