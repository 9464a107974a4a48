/**
 * The tier production: runs of clauses that each end in an outcome (得满分, 得5分, 不得分, 扣1分) and
 * exclude each other, read as ONE term — bands of a rate (完成率≥90%，得满分；≥85%，得5分), of a
 * count (差错2次以内得满分，3至5次得3分), or alternatives (有方案有记录得满分；有记录无方案得2分).
 * Read before the clause grammar, which then skips the spans taken here.
 *
 * A band's deduction is the item's points less the score it states, so tiers stated as scores need
 * the item's points; without them (or when a band would score above them) the run is left to the
 * clause grammar.
 */
import { okAmount, split, toSpan, trimSeg, type Text } from './segments';
import type { Term, TierBand } from './types';
import { N, parseNumber, type Seg, U, VOCAB } from './vocab';

/** A clause's outcome at its end: 得满分 / 得N分 / 不得分 / 扣N分. */
const OUTCOME = new RegExp(
  `(?:的)?\\s*(?:(?:记|计|得|给|即得|可得)(满分|全分)|(?:记|计|得|给)(${N})分|(不得分|不计分|(?:记|计|得)(?:零|0)分)|扣(?:除|减)?(${N})分)\\s*[.。]?$`,
);

/** A band read from the text: its condition, its outcome and where it lies. */
interface RawBand {
  cond: string;
  /** Score stated (null = a deduction stated, 'full' = 满分). */
  score: number | 'full' | null;
  deduct: number | null;
  seg: Seg;
}

/** Bounds found in a condition, with the basis they measure. */
interface Bounds {
  basis: 'percent' | 'score' | 'count';
  lo: number | null;
  loOpen: boolean;
  hi: number | null;
  hiOpen: boolean;
  /** Whether a qualifier (以上, 以内, ≥, 至 …) was written, not only a bare number. */
  qualified: boolean;
  unit: string;
  /** Where the number starts: the subject is the text before. */
  at: number;
}

const LO_INCL = '≥|>=|大于等于|不低于|不少于|达到|达|在';
const LO_OPEN = '>|大于|高于|超过|多于';
const HI_OPEN = '<|小于|低于|不足|少于|未达到|未达|不到';
const HI_INCL = '≤|<=|小于等于|不超过|不高于|不多于';

/** The bounds of a condition on a measured basis, or null. */
export function boundsOf(cond: string): Bounds | null {
  const unitRe = `(%|个百分点|分(?![钟之])|(?:个|名)?${U})`;
  const num = `(${N})`;
  const pre = `(${LO_INCL}|${LO_OPEN}|${HI_OPEN}|${HI_INCL})?`;
  const post = '(及以上|以上|或以上|及以下|以下|以内|及以内|或以下)?';
  const between = new RegExp(`${num}\\s*(?:%|${U})?\\s*(?:[-—–~]|至|到)\\s*${num}\\s*${unitRe}`);
  const one = new RegExp(`${pre}[^\\d<>≥≤]{0,8}?${num}\\s*${unitRe}${post}`);
  const basisOf = (u: string): Bounds['basis'] =>
    u === '%' || u === '个百分点' ? 'percent' : u === '分' ? 'score' : 'count';
  const cleanUnit = (u: string): string => u.replace(/^(?:个|名)/, '');
  const b = between.exec(cond);
  if (b) {
    const lo = parseNumber(b[1]!);
    const hi = parseNumber(b[2]!);
    if (lo === null || hi === null) return null;
    const basis = basisOf(b[3]!);
    // 85%-90%: [85, 90) where the next band up starts at 90; counts are whole: 3至5次 is [3, 5].
    return {
      basis,
      lo,
      loOpen: false,
      hi,
      hiOpen: basis !== 'count' && hi < 100,
      qualified: true,
      unit: cleanUnit(b[3]!),
      at: b.index,
    };
  }
  const m = one.exec(cond);
  if (!m) return null;
  const v = parseNumber(m[2]!);
  if (v === null) return null;
  const basis = basisOf(m[3]!);
  const p = m[1] ?? '';
  const q = m[4] ?? '';
  // The subject ends where the qualifier or the number starts (差错|2次以内, 完成率|≥90%).
  const at = m.index + (p !== '' ? m[0].indexOf(p) : m[0].indexOf(m[2]!));
  const base = { basis, qualified: p !== '' || q !== '', unit: cleanUnit(m[3]!), at };
  const has = (alts: string): boolean => p !== '' && new RegExp(`^(?:${alts})$`).test(p);
  if (has(HI_OPEN) || q === '以下' || q === '或以下') {
    // 80%以下 beside 80%以上: below; counts: 2次以下 is at most 2.
    const open = has(HI_OPEN) || basis !== 'count';
    return { ...base, lo: null, loOpen: false, hi: v, hiOpen: open };
  }
  if (has(HI_INCL) || q === '及以下' || q === '以内' || q === '及以内')
    return { ...base, lo: null, loOpen: false, hi: v, hiOpen: false };
  if (has(LO_OPEN)) return { ...base, lo: v, loOpen: true, hi: null, hiOpen: false };
  if (q !== '' || has(LO_INCL) || basis !== 'count')
    return { ...base, lo: v, loOpen: false, hi: null, hiOpen: false };
  // A bare count (1项满足) is that count exactly.
  return { ...base, lo: v, loOpen: false, hi: v, hiOpen: false };
}

/** Clauses that end in an outcome, grouped in runs not broken by other scoring clauses. */
function runsOf(x: Text): RawBand[][] {
  const t = x.t;
  const runs: RawBand[][] = [];
  let run: RawBand[] = [];
  const flush = (): void => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const sentence of split(t)) {
    let pending: Seg | null = null;
    for (const clause of sentence) {
      const g = trimSeg(t, clause.s, clause.e);
      const text = t.slice(g.s, g.e);
      const m = OUTCOME.exec(text);
      if (m) {
        const start = pending ? pending.s : g.s;
        const cond = t.slice(start, g.s + m.index).replace(/[,，\s]+$/, '');
        const score = m[1] !== undefined ? 'full' : m[2] !== undefined ? parseNumber(m[2]) : m[3] ? 0 : null;
        const deduct = m[4] !== undefined ? parseNumber(m[4]) : null;
        if ((m[2] !== undefined && score === null) || (m[4] !== undefined && deduct === null)) {
          flush();
        } else run.push({ cond, score, deduct, seg: { s: start, e: g.e } });
        pending = null;
      } else if (VOCAB.test(text)) {
        flush();
        pending = null;
      } else if (text !== '') {
        pending = pending ? { s: pending.s, e: g.e } : g;
      }
    }
  }
  flush();
  return runs;
}

/** The band's deduction from the item's points, or null when it cannot be one. */
function deductionOf(b: RawBand, points: number | null): { deduct: number; score: number | null } | null {
  if (b.score === null) return okAmount(b.deduct) ? { deduct: b.deduct, score: null } : null;
  if (points === null) return null;
  const score = b.score === 'full' ? points : b.score;
  if (!okAmount(score) || score > points) return null;
  return { deduct: Math.round((points - score) * 100) / 100, score };
}

/** The subject a measured tier counts: the words before the first band's number (完成率, 差错). */
function subjectOf(cond: string, at: number): string {
  return cond
    .slice(0, at)
    .replace(/(?:≥|>=|<=|≤|[<>]|大于等于|不低于|不少于|达到|达|在|高于|超过|低于|不足|少于|的)+$/, '')
    .replace(/^(?:有|出现|发生|全年|\d+[.、])+/, '')
    .trim();
}

interface TierRead {
  term: Term;
  /** Normalised segment the term took. */
  seg: Seg;
}

/** Bands of one run as a measured tier, or null when the run is not one. */
function measured(run: RawBand[], points: number | null, x: Text): TierRead | null {
  const bounds = run.map((b) => boundsOf(b.cond));
  const first = bounds.find((b) => b !== null);
  if (!first) return null;
  // A leading full-points band in words (符合要求，得满分) above a percentage ladder is 100%.
  const lead = bounds[0] === null && run[0]!.score === 'full' && first.basis === 'percent' ? 1 : 0;
  const body = bounds.slice(lead);
  if (body.length < 2 || body.some((b) => b === null || b.basis !== first.basis)) return null;
  if (first.basis === 'count' && !body.some((b) => b!.qualified)) return null;
  if (run.some((b) => b.score === null)) return null;
  const bands: TierBand[] = [];
  for (let i = 0; i < run.length; i++) {
    const d = deductionOf(run[i]!, points);
    if (!d) return null;
    const b = bounds[i] ?? { lo: 100, loOpen: false, hi: null, hiOpen: false };
    const label = run[i]!.cond;
    bands.push({ lo: b.lo, loOpen: b.loOpen, hi: b.hi, hiOpen: b.hiOpen, ...d, label });
  }
  addOtherwise(bands, points);
  const firstBand = run[lead]!;
  const what = subjectOf(firstBand.cond, bounds[lead]!.at);
  const seg = { s: run[0]!.seg.s, e: run[run.length - 1]!.seg.e };
  const span = toSpan(x, seg.s, seg.e);
  if (first.basis === 'count')
    return { term: { kind: 'tierCount', bands, unit: first.unit, what, span }, seg };
  return { term: { kind: 'tier', bands, unit: first.basis === 'percent' ? '%' : '分', what, span }, seg };
}

/** Score ladders without a zero band score 0 below the last band (其余情形不得分). */
function addOtherwise(bands: TierBand[], points: number | null): void {
  if (points === null || bands.some((b) => b.score === 0 || b.score === null)) return;
  if (bands.some((b) => b.lo === null && b.hi === null && b.label === '')) return;
  bands.push({ lo: null, loOpen: false, hi: null, hiOpen: false, deduct: points, score: 0, label: '' });
}

/**
 * Bands of one run as alternatives, one chosen: when a full-points band stands beside a partial one,
 * or the scores stated add up to more than the item's points (they cannot all be earned).
 */
function alternatives(run: RawBand[], points: number | null, x: Text): TierRead | null {
  if (run.length < 2 || points === null || run.some((b) => b.score === null)) return null;
  const full = run.some((b) => b.score === 'full');
  const partial = run.some((b) => typeof b.score === 'number' && b.score > 0 && b.score < points);
  const sum = run.reduce((a, b) => a + (b.score === 'full' ? points : (b.score ?? 0)), 0);
  if (!(full && partial) && !(sum > points && partial)) return null;
  const bands: TierBand[] = [];
  for (const b of run) {
    const d = deductionOf(b, points);
    if (!d) return null;
    bands.push({ lo: null, loOpen: false, hi: null, hiOpen: false, ...d, label: b.cond || '其他' });
  }
  if (!bands.some((b) => b.score === 0))
    bands.push({
      lo: null,
      loOpen: false,
      hi: null,
      hiOpen: false,
      deduct: points,
      score: 0,
      label: '其余情形',
    });
  const seg = { s: run[0]!.seg.s, e: run[run.length - 1]!.seg.e };
  return { term: { kind: 'choice', bands, what: '', span: toSpan(x, seg.s, seg.e) }, seg };
}

/**
 * Trailing bands in words that score 0 after a measured ladder (无学员，不得分) are exceptions, not
 * bands: they are left to the clause grammar.
 */
function withoutTrailingExceptions(run: RawBand[]): RawBand[] {
  let end = run.length;
  while (end > 2 && run[end - 1]!.score === 0 && boundsOf(run[end - 1]!.cond) === null) end--;
  return run.slice(0, end);
}

/**
 * Every tier in a text (normalised offsets of what each took).
 * @example readTiers(prepare('完成率≥90%，得满分；≥80%，得3分', 0), 6)[0].term.kind === 'tier'
 */
export function readTiers(x: Text, points: number | null): TierRead[] {
  const out: TierRead[] = [];
  for (const run0 of runsOf(x)) {
    const run = withoutTrailingExceptions(run0);
    if (run.length < 2) continue;
    const read = measured(run, points, x) ?? alternatives(run, points, x);
    if (read) out.push(read);
  }
  return out;
}

/** The text with the segments taken blanked (same length, so offsets hold). */
export function blank(x: Text, segs: readonly Seg[]): Text {
  if (segs.length === 0) return x;
  let t = x.t;
  for (const g of segs) t = `${t.slice(0, g.s)}${' '.repeat(g.e - g.s)}${t.slice(g.e)}`;
  return { ...x, t };
}
