/**
 * The rank production: a score per place, read as ONE rank term before the clause grammar (which
 * then skips the span): 第一名得10分，第二名得8分，第三名得6分，其余不得分, and 排名前三的依次得5、4、
 * 3分. Places must run 1, 2, 3 … and scores must not rise. A band's deduction is the item's points less
 * its score; with no points given, the first place's score stands for them. Every place after the
 * last named scores what 其余 says, else 0 (前三名…依次得 leaves the others nothing).
 */
import { okAmount, type Text, toSpan } from './segments';
import type { Term, TierBand } from './types';
import { N, parseNumber, type Seg } from './vocab';

const VERB = '(?:得|计|记|加|给|赋)?';
const ONE = `第(${N})名(?:的)?,?${VERB}(${N})分`;
const REST = `(?:其余|其他|其它)(?:名次|单位|的)*,?(?:不得分|不计分|(?:得|计|记)(?:0|零)分|${VERB}(${N})分)`;
const LADDER = new RegExp(`${ONE}(?:(?:[,;、]\\s*${ONE})+(?:[,;]\\s*${REST})?|[,;]\\s*${REST})`, 'g');
const LIST = new RegExp(
  `(?:排名|名次|排序)?(?:在)?前(${N})(?:名|位)?(?:的)?,?(?:依次|分别)${VERB}((?:${N}分?[、,])+${N})分`,
  'g',
);

export interface RankRead {
  term: Term;
  seg: Seg;
}

/** The subject before a ladder in its clause (考核排名 in 考核排名第一名得10分), without 排名 words. */
function subjectBefore(t: string, at: number): { what: string; s: number } {
  let s = at;
  while (s > 0 && !/[,;。!?]/.test(t[s - 1]!)) s--;
  const what = t
    .slice(s, at)
    .replace(/(?:排名|名次|排序|位列|位居|获得?|的|在)+$/, '')
    .replace(/^\s*(?:\d{1,2}[.、]|\(\d{1,2}\))?/, '')
    .trim();
  return { what, s: what === '' ? at : s };
}

/** Bands for places 1…n scoring `scores`, then every later place scoring `rest`; null when not a ladder. */
function bandsOf(scores: readonly number[], rest: number, points: number | null): TierBand[] | null {
  const p = points ?? scores[0]!;
  const all = [...scores, rest];
  // A stored term holds at most 20 bands, and amounts of two decimals within range.
  if (scores.length > 19 || ![p, ...all].every(okAmount)) return null;
  if (all.some((v, i) => v > p || (i > 0 && v > all[i - 1]!))) return null;
  const bands: TierBand[] = scores.map((v, i) => ({
    lo: i + 1,
    loOpen: false,
    hi: i + 1,
    hiOpen: false,
    deduct: Math.round((p - v) * 100) / 100,
    score: v,
    label: `第${i + 1}名`,
  }));
  const lo = scores.length + 1;
  const r = { deduct: Math.round((p - rest) * 100) / 100, score: rest, label: '其余' };
  return [...bands, { lo, loOpen: false, hi: null, hiOpen: false, ...r }];
}

function term(x: Text, seg: Seg, bands: TierBand[] | null): RankRead | null {
  if (!bands) return null;
  const sub = subjectBefore(x.t, seg.s);
  const s = Math.min(sub.s, seg.s);
  return { term: { kind: 'rank', bands, what: sub.what, span: toSpan(x, s, seg.e) }, seg: { s, e: seg.e } };
}

/** 第一名得10分，第二名得8分…，其余不得分. */
function ladder(x: Text, m: RegExpExecArray, points: number | null): RankRead | null {
  const places = [...m[0].matchAll(new RegExp(ONE, 'g'))].map((o) => [
    parseNumber(o[1]!),
    parseNumber(o[2]!),
  ]);
  if (places.some(([pl, v], i) => pl !== i + 1 || v === null)) return null;
  const restM = new RegExp(`${REST}$`).exec(m[0]);
  const rest = restM?.[1] !== undefined ? parseNumber(restM[1]) : 0;
  if (rest === null) return null;
  const seg = { s: m.index, e: m.index + m[0].length };
  return term(
    x,
    seg,
    bandsOf(
      places.map(([, v]) => v!),
      rest,
      points,
    ),
  );
}

/** 排名前三的依次得5、4、3分. */
function list(x: Text, m: RegExpExecArray, points: number | null): RankRead | null {
  const n = parseNumber(m[1]!);
  const scores = m[2]!.split(/[、,]/).map((v) => parseNumber(v.replace(/分$/, '')));
  if (n === null || scores.length !== n || scores.some((v) => v === null)) return null;
  const seg = { s: m.index, e: m.index + m[0].length };
  return term(x, seg, bandsOf(scores as number[], 0, points));
}

/** Every rank ladder in a text, in order. */
export function readRanks(x: Text, points: number | null): RankRead[] {
  const out: RankRead[] = [];
  for (const m of x.t.matchAll(LADDER)) {
    const r = ladder(x, m as RegExpExecArray, points);
    if (r) out.push(r);
  }
  for (const m of x.t.matchAll(LIST)) {
    const r = list(x, m as RegExpExecArray, points);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.seg.s - b.seg.s);
}
