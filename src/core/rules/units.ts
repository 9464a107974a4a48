/**
 * Counting units that rubric prose uses after a number (扣0.5分/人, 每次, 不足5篇) and how they read
 * in English. The parser's regular expressions are built from this one list.
 */

/** Chinese unit → English singular and plural. */
const EN: Record<string, [string, string]> = {
  人次: ['person-time', 'person-times'],
  人: ['person', 'persons'],
  名: ['person', 'persons'],
  次: ['time', 'times'],
  处: ['instance', 'instances'],
  项: ['item', 'items'],
  例: ['case', 'cases'],
  篇: ['article', 'articles'],
  条: ['entry', 'entries'],
  户: ['household', 'households'],
  件: ['case', 'cases'],
  份: ['copy', 'copies'],
  起: ['incident', 'incidents'],
  宗: ['case', 'cases'],
  种: ['kind', 'kinds'],
  类: ['category', 'categories'],
  天: ['day', 'days'],
  日: ['day', 'days'],
  周: ['week', 'weeks'],
  月: ['month', 'months'],
  季度: ['quarter', 'quarters'],
  家: ['unit', 'units'],
  对: ['couple', 'couples'],
  本: ['volume', 'volumes'],
  张: ['sheet', 'sheets'],
  套: ['set', 'sets'],
  期: ['issue', 'issues'],
  场: ['session', 'sessions'],
  百分点: ['percentage point', 'percentage points'],
  名次: ['place', 'places'],
  小时: ['hour', 'hours'],
  批次: ['batch', 'batches'],
  户次: ['household visit', 'household visits'],
  村: ['village', 'villages'],
  社区: ['community', 'communities'],
  企业: ['enterprise', 'enterprises'],
  单位: ['unit', 'units'],
  辆: ['vehicle', 'vehicles'],
  栋: ['building', 'buildings'],
  个: ['one', 'ones'],
};

/** Units, longest first so that 人次 wins over 人 in an alternation. */
export const UNITS: readonly string[] = Object.keys(EN).sort((a, b) => b.length - a.length);

/** Regular-expression source matching one unit (an optional classifier 个 before it is the caller's). */
export const UNIT_RE = `(?:${UNITS.join('|')})`;

/** English name of a unit, singular or plural; unknown units stay as written. */
export function unitEn(unit: string, plural: boolean): string {
  const e = EN[unit];
  if (!e) return unit === '' ? (plural ? 'units' : 'unit') : unit;
  return plural ? e[1] : e[0];
}
