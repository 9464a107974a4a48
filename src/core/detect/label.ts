/**
 * Reading rubric labels: the numbering in front ("(一)", "1、", "(1)", "①"), the points declared in
 * brackets ("(65分)"), and the bare label left over. Matching runs on normalised text; the pieces
 * returned are cut from the original text through the offset map, so labels keep the user's characters.
 */
import { CN_NUM_CHARS, memoized, NUM_RE, type Normalized, normalize, parseNumber } from '../text';

/**
 * Numbering styles, outermost first. The rank orders group header rows: 一、 above (一) above 1、/1.
 * above (1)/1) above ①. Chinese documents use them in this order, even when a table skips levels.
 */
const STYLES: { re: RegExp; rank: number }[] = [
  { re: new RegExp(`^第[${CN_NUM_CHARS}\\d]+(?:部分|大项|项|条|章|节|类)[、.,:]?`), rank: 0 },
  { re: new RegExp(`^[${CN_NUM_CHARS}]+[、.,](?!\\d)`), rank: 0 },
  { re: new RegExp(`^\\([${CN_NUM_CHARS}]+\\)[、.,]?`), rank: 1 },
  { re: /^\d+[、.,](?!\d)/, rank: 2 },
  { re: /^[\u2488-\u249b]/, rank: 2 }, // ⒈ ⒉ …
  { re: /^\(\d+\)[、.,]?/, rank: 3 },
  { re: /^\d+\)[、.,]?/, rank: 3 },
  { re: /^[\u2474-\u2487]/, rank: 3 }, // ⑴ ⑵ …
  { re: /^[\u2460-\u2473]/, rank: 4 }, // ① ② …
];

/** Rank given to labels without numbering. */
export const UNNUMBERED_RANK = 0;

// "(65分)", and "(23分+10分)" / "(4分+5分)": the points, then bonus points outside them.
const DECLARED_BRACKET = new RegExp(
  `\\((?:满分|共|计|合计|总分)?(${NUM_RE})分(?:\\+(?:${NUM_RE})分?(?:奖励分|奖分|加分)?)?\\)`,
  'g',
);
const DECLARED_TAIL = new RegExp(`(?<![\\d.])(${NUM_RE})分$`);

export interface ParsedLabel {
  /** The numbering as written, or null. */
  numbering: string | null;
  /** Numbering style rank (see STYLES), or null when unnumbered. */
  rank: number | null;
  /** Points declared in the label, or null. */
  declaredPoints: number | null;
  /** The text without numbering and declared points, as written. */
  label: string;
}

const EDGE_PUNCT = /^[\s、,，.。:：;；]+|[\s、,，.。:：;；]+$/g;

/**
 * Split a label into numbering, declared points and the bare label.
 * @example parseLabel('(一)日常工作(65分)') → { numbering: '(一)', rank: 1, declaredPoints: 65, label: '日常工作' }
 */
export function parseLabel(original: string): ParsedLabel {
  return labelCached(original);
}

/** Labels recur on every sheet of a workbook: each is split once, the result shared (frozen). */
const labelCached = memoized((original: string): ParsedLabel => Object.freeze(parseLabelOnce(original)));

function parseLabelOnce(original: string): ParsedLabel {
  const n = normalize(original);
  const cut: [number, number][] = [];
  const num = numberingOf(original, n);
  const { numbering, rank } = num;
  if (numbering !== null) cut.push([0, num.end]);
  let declaredPoints: number | null = null;
  const bracketed = [...n.text.matchAll(DECLARED_BRACKET)];
  const last = bracketed[bracketed.length - 1];
  const tail = last ? null : DECLARED_TAIL.exec(n.text);
  const hit = last ?? tail;
  if (hit && hit.index !== undefined && (rank === null || hit.index > 0)) {
    declaredPoints = parseNumber(hit[1]!);
    const start = n.map[hit.index] ?? original.length;
    const end = n.map[hit.index + hit[0].length] ?? original.length;
    cut.push([start, end]);
  }
  let label = '';
  let pos = 0;
  for (const [a, b] of cut.sort((x, y) => x[0] - y[0])) {
    if (a > pos) label += original.slice(pos, a);
    pos = Math.max(pos, b);
  }
  label += original.slice(pos);
  return { numbering, rank, declaredPoints, label: label.replace(EDGE_PUNCT, '') };
}

// "一、组织机构(5)": a number in digits alone in brackets closing a numbered group label ("(一)" is not).
const BARE_BRACKET_TAIL = /[(（]\s*(\d+(?:\.\d+)?)\s*[)）]\s*$/;

/**
 * A group's label: as parseLabel, and, when it states no points in words, a number alone in brackets at
 * the end of a numbered label ("一、组织机构(5)") is read as its points. Only on group labels: an item's
 * text can end in "(2)" meaning something else, and a year ("(2018)") is never points.
 * @example parseGroupLabel('一、组织机构(5)') → { numbering: '一、', declaredPoints: 5, label: '组织机构', … }
 */
export function parseGroupLabel(original: string): ParsedLabel {
  const p = parseLabel(original);
  if (p.declaredPoints !== null || p.rank === null) return p;
  const m = BARE_BRACKET_TAIL.exec(p.label);
  if (!m || m.index === 0) return p;
  const points = parseNumber(m[1]!);
  if (points === null || points <= 0 || points >= 1000) return p;
  return { ...p, declaredPoints: points, label: p.label.slice(0, m.index).replace(EDGE_PUNCT, '') };
}

/** The numbering at the start of a text and the text after it. */
export function splitNumbering(original: string): {
  numbering: string | null;
  rank: number | null;
  rest: string;
} {
  return splitCached(original);
}

const splitCached = memoized((original: string) => Object.freeze(splitNumberingOnce(original)));

function splitNumberingOnce(original: string): {
  numbering: string | null;
  rank: number | null;
  rest: string;
} {
  const num = numberingOf(original, normalize(original));
  return { numbering: num.numbering, rank: num.rank, rest: original.slice(num.end).trim() };
}

/** Stray quotes before a numbering ("“14.记录薄" pasted from a quoted source): not part of it. */
const STRAY_LEAD = /^["'“”‘’`]+/;

function numberingOf(
  original: string,
  n: Normalized,
): { numbering: string | null; rank: number | null; end: number } {
  const lead = STRAY_LEAD.exec(n.text)?.[0].length ?? 0;
  const text = n.text.slice(lead);
  for (const s of STYLES) {
    const m = s.re.exec(text);
    if (!m) continue;
    const start = n.map[lead] ?? 0;
    const end = n.map[lead + m[0].length] ?? original.length;
    return { numbering: original.slice(start, end).trim(), rank: s.rank, end };
  }
  return { numbering: null, rank: null, end: 0 };
}

/** Text cut to a readable length for lists. */
export function shorten(text: string, max = 30): string {
  return max === 30 ? shortCached(text) : shortenOnce(text, max);
}

const shortCached = memoized((text: string) => shortenOnce(text, 30));

function shortenOnce(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}
