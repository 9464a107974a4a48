/**
 * Header words: which column of a rubric a header cell names. Matching happens on normalised text
 * (see ../text `norm`), after bracketed suffixes such as "(100分)" are taken off.
 */
import type { ColumnRole } from '../rubric';
import { memoized, norm, parseNumber } from '../text';
import { splitNumbering } from './label';

/**
 * Header synonyms per column role, in normalised (simplified, half-width, no spaces) form.
 * A header cell matches a role when its text equals a synonym; failing that, when it contains one and
 * is at most a few characters longer (the longest synonym contained wins, so "扣分标准" is criteria and
 * not deduction, "评分标准" criteria and not score, "扣分原因" reason and not deduction).
 */
export const HEADER_SYNONYMS: Record<ColumnRole, string[]> = {
  project: [
    '考核项目',
    '一级指标',
    '项目',
    '考核类别',
    '类别',
    '考核类目',
    '类目',
    '考评项目',
    '评价项目',
    '考核大项',
  ],
  content: [
    '考核内容',
    '二级指标',
    '考核指标',
    '指标内容',
    '内容',
    '指标',
    '工作内容',
    '考核事项',
    '评价内容',
    '考评内容',
  ],
  requirement: [
    '目标要求',
    '考核要点',
    '考核要求',
    '工作要求',
    '工作目标',
    '三级指标',
    '要求',
    '目标任务',
    '工作任务',
    '标准要求',
    '指标说明',
    '指标解释',
  ],
  points: [
    '标准分值',
    '分值',
    '标准分',
    '分数',
    '权重分',
    '满分',
    '基本分',
    '标准分数',
    '权重',
    '分值权重',
    '各项分值',
    '总分值',
    '赋分',
    '信用赋分',
    '记分',
    '记分分值',
    '应得分',
  ],
  criteria: [
    '评分标准',
    '评分细则',
    '扣分标准',
    '计分方法',
    '评分办法',
    '考核标准',
    '评分方法',
    '计分标准',
    '计分办法',
    '评分依据',
    '考评标准',
    '评分规则',
    '考核细则',
    '评价标准',
    '考评办法',
    '评分细项',
    '扣分办法',
    '考核评分办法',
    '记分标准',
    '记分办法',
    '赋分标准',
  ],
  method: [
    '考核方式',
    '考核方法',
    '检查方式',
    '考核办法',
    '检查方法',
    '考评方式',
    '考评方法',
    '核查方式',
    '评价方式',
  ],
  deduction: ['扣分', '扣分值', '扣减分', '扣分数', '减分', '扣分分值'],
  score: [
    '得分',
    '考核得分',
    '实得分',
    '评分',
    '最后得分',
    '实际得分',
    '考评得分',
    '评定得分',
    '最终得分',
    // The assessor's second pass ("评分" over 自评 | 复评): the score that counts.
    '复评',
    '复评分',
    '复核分',
    '评定分',
    '核定分',
    '打分',
  ],
  reason: [
    '扣分原因',
    '扣分说明',
    '备注',
    '扣分理由',
    '说明',
    '扣分事由',
    '扣分情况说明',
    '自评描述',
    '存在问题',
  ],
  selfScore: ['自评分', '自评得分', '自查得分', '自评', '自查分', '自评分数', '自查自评'],
  veto: ['单项否决', '一票否决', '否决项', '是否否决'],
  notApplicable: ['是否缺项', '缺项', '不适用'],
};

/** How much longer than a contained synonym a header may be and still match it. */
const CONTAINS_SLACK = 4;
/** Longer cells are sentences (titles, notes), never header words. */
const MAX_HEADER_LENGTH = 14;

export interface HeaderMatch {
  role: ColumnRole;
  /** Points declared in a bracket: 100 for "标准分值(100分)". */
  declared: number | null;
}

const BRACKETED = /[([【[]([^)\]】]*)[)\]】]/g;
const TRAILING_POINTS = /(\d+(?:\.\d+)?)分$/;
const PUNCT = /[:：、，,。.;；*＊\-_/\\|"'“”‘’]/g;

const EXACT = new Map<string, ColumnRole>();
for (const [role, words] of Object.entries(HEADER_SYNONYMS) as [ColumnRole, string[]][]) {
  for (const w of words) if (!EXACT.has(w)) EXACT.set(w, role);
}

/**
 * The role a header cell names, or null.
 * @example classifyHeader('标准分值（100分）') → { role: 'points', declared: 100 }
 * @example classifyHeader('評 分 標 準') → { role: 'criteria', declared: null }
 */
export function classifyHeader(raw: string): HeaderMatch | null {
  return classifyCached(raw);
}

/** Every cell of every body row is tried as a header word (repeated headers): each text once. */
const classifyCached = memoized((raw: string): HeaderMatch | null => {
  const hit = classifyOnce(raw);
  return hit ? Object.freeze(hit) : null;
});

function classifyOnce(raw: string): HeaderMatch | null {
  // "三、项目建设（20分）" is a numbered label of the body, never a column's name.
  if (splitNumbering(raw).numbering !== null) return null;
  const whole = classifyWord(raw);
  if (whole) return whole;
  // "考核标准及评分办法", "考核内容和要求": one column named by two words; the first names it.
  const t = norm(raw);
  if (t.length > MAX_HEADER_LENGTH) return null;
  const parts = t.split(COMPOUND_JOINER).filter((x) => x !== '');
  if (parts.length < 2) return null;
  const first = classifyWord(parts[0]!);
  if (!first) return null;
  return {
    role: first.role,
    declared: first.declared ?? classifyWord(parts[parts.length - 1]!)?.declared ?? null,
  };
}

const COMPOUND_JOINER = /[及和与、/]/;

function classifyWord(raw: string): HeaderMatch | null {
  let t = norm(raw);
  if (t === '') return null;
  let declared: number | null = null;
  t = t.replace(BRACKETED, (_all, inner: string) => {
    const m = /(\d+(?:\.\d+)?)分?/.exec(inner);
    if (m && declared === null) declared = parseNumber(m[1]!);
    return '';
  });
  const tail = TRAILING_POINTS.exec(t);
  if (tail) {
    declared ??= parseNumber(tail[1]!);
    t = t.slice(0, tail.index);
  }
  t = t.replace(PUNCT, '');
  if (t === '' || t.length > MAX_HEADER_LENGTH) return null;
  const exact = EXACT.get(t);
  if (exact) return { role: exact, declared };
  let best: { role: ColumnRole; len: number } | null = null;
  for (const [word, role] of EXACT) {
    if (word.length < 2 || !t.includes(word)) continue;
    if (t.length > word.length + CONTAINS_SLACK) continue;
    if (!best || word.length > best.len) best = { role, len: word.length };
  }
  return best ? { role: best.role, declared } : null;
}
