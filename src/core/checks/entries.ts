/** Checks of what assessors typed, against the rubric's limits. */
import { a1, parseA1 } from '../a1';
import { cellAt, formulaAt, type SheetGrid, textOf } from '../grid';
import { readEntryValue, unreadInput } from '../entries';
import { type Issue, issue } from '../issues';
import { schemeIssue } from './integrity';
import type { SheetState } from '../meta';
import type { ItemEntry, RawEntry, SheetScore } from '../model';
import { fmt, fromCents, toCents } from '../num';
import type { DetectedTable, RubricItem } from '../rubric';
import { handlerFor } from '../rules/kinds';
import type { Rule, Term } from '../rules/types';
import {
  bonusMaxCents,
  capCents,
  entryNumber,
  hasAssessmentVeto,
  openCapCents,
  typedScoreLimitCents,
} from '../score';

function cellOf(e: RawEntry): string {
  return a1(e.cell.row, e.cell.col);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The step a deduction must be a whole multiple of, in cents; null when the rule has none: where a
 * term can take all the item's points, or deducts an amount of the assessor's choosing (the kinds'
 * declared flags say which).
 */
export function stepCents(rule: Rule): number | null {
  for (const t of rule.terms) {
    const f = handlerFor(t).flags;
    if (f.allOrNothing || (f.deducting && !f.hasStep)) return null;
  }
  let step: number | null = null;
  for (const t of rule.terms) {
    if (!handlerFor(t).flags.hasStep || !('amount' in t)) continue;
    const c = toCents((t as Extract<Term, { amount: number }>).amount);
    if (c > 0) step = step === null ? c : gcd(step, c);
  }
  return step;
}

/** The bounds a term's typed deduction must lie within, in cents, when its kind declares them. */
function boundsOf(term: Term): { min: number; max: number } | null {
  const h = handlerFor(term);
  return h.deductionBoundsCents ? h.deductionBoundsCents(term as never) : null;
}

/** The bounds of the rule's only deducting term, when it has them (视情况扣0.5—2分: a typed 扣分 must lie within). */
function soleBounds(rule: Rule): { min: number; max: number } | null {
  const deducting = rule.terms.filter((t) => handlerFor(t).flags.deducting);
  return deducting.length === 1 ? boundsOf(deducting[0]!) : null;
}

/** Text for a not-a-number entry, with the suggestion when there is one. */
function notANumber(sheet: string, e: RawEntry, itemId: string, column: string): Issue | null {
  const v = readEntryValue(e.value);
  if (v.kind === 'text') {
    const params: Record<string, string | number> = { found: v.text, column };
    if (v.suggestion !== null) params.suggestion = fmt(v.suggestion);
    return issue('notANumber', sheet, cellOf(e), params, itemId);
  }
  if (v.kind === 'error') return issue('notANumber', sheet, cellOf(e), { found: v.text, column }, itemId);
  return null;
}

function unpointed(sheet: string, e: RawEntry, value: number, column: string, item: RubricItem): Issue {
  return issue(
    'entryWithoutPoints',
    sheet,
    cellOf(e),
    { value: fmt(value), column, item: item.label },
    item.id,
  );
}

interface Ctx {
  sheet: string;
  item: RubricItem;
  rule: Rule;
  entry: ItemEntry;
  hasReasonColumn: boolean;
  /**
   * Whether an empty row counts as missing: a blank 扣分 means "nothing deducted" by custom, so a
   * row is missing only where assessors type 得分 for every row and this one has neither.
   */
  blankIsMissing: boolean;
  /**
   * A base-score or bonus-only table: an item has no points of its own, and a typed 得分 is the
   * signed amount it adds to the base (+4, −6), so it is not held against the item's points.
   */
  signed: boolean;
}

/**
 * A deduction entered for a 视情况扣0.5—2分 term outside its range: the evaluation and the formula
 * hold it within the range, so the assessor is told what it counts as (0 or less: did not happen).
 */
function outsideRange(
  sheet: string,
  item: RubricItem,
  bounds: { min: number; max: number },
  cell: RawEntry,
  column: string,
  out: Issue[],
  /** A typed 扣分 counts as typed (within the cap: cents, null = none), not held within the range. */
  typed?: { cap: number | null },
): void {
  const v = readEntryValue(cell.value);
  if (v.kind !== 'number') return;
  const c = toCents(v.value);
  const { min: lo, max: hi } = bounds;
  if (c <= 0 || (c >= lo && c <= hi)) return;
  const held = c > hi ? hi : lo;
  const counted = typed ? (typed.cap === null ? c : Math.min(c, typed.cap)) : held;
  const params = {
    value: fmt(v.value),
    min: fmt(fromCents(lo)),
    max: fmt(fromCents(hi)),
    counted: fmt(fromCents(counted)),
    column,
    item: item.label,
  };
  out.push(issue('entryOutsideRange', sheet, cellOf(cell), params, item.id));
}

/** Entry-column cells holding something the written formulas cannot read. */
function checkInputs(sheet: string, item: RubricItem, rule: Rule, entry: ItemEntry, out: Issue[]): void {
  entry.inputs?.forEach((cell, j) => {
    const term = rule.terms[j];
    if (!cell || !term || cell.formula) return;
    const bounds = boundsOf(term);
    if (bounds) outsideRange(sheet, item, bounds, cell, `录入${j + 1}`, out);
    if (!unreadInput(cell.value)) return;
    const kind = handlerFor(term).input;
    if (kind === 'none') return;
    const v = readEntryValue(cell.value);
    const params: Record<string, string | number> = {
      found: textOf(cell.value),
      column: `录入${j + 1}`,
      expected: kind === 'yesNo' ? 'yesNo' : 'number',
    };
    if (kind !== 'yesNo' && v.kind === 'text' && v.suggestion !== null) params.suggestion = fmt(v.suggestion);
    out.push(issue('inputNotRead', sheet, cellOf(cell), params, item.id));
  });
}

function checkItem(c: Ctx, out: Issue[]): void {
  const { sheet, item, rule, entry } = c;
  checkInputs(sheet, item, rule, entry, out);
  const points = item.points;
  // Deductions from the sheet's total are bounded only by a cap the rule states, as scoreItem bounds them.
  const cap = rule.fromTotal ? openCapCents(rule.cap) : capCents(rule.cap, points);
  const bonusMax = bonusMaxCents(rule);
  const ded = entry.deduction;
  const sc = entry.score;
  const dNum = entryNumber(ded);
  const sNum = entryNumber(sc);

  if (ded) {
    const bad = notANumber(sheet, ded, item.id, '扣分');
    if (bad) out.push(bad);
  }
  if (sc && !sc.formula) {
    const bad = notANumber(sheet, sc, item.id, '得分');
    if (bad) out.push(bad);
  }

  // An item that states no points scores nothing (see scoreItem): a number typed there is not counted.
  if (points === null && !c.signed) {
    if (sc && sNum !== null && !sc.formula && toCents(sNum) !== 0)
      out.push(unpointed(sheet, sc, sNum, '得分', item));
    else if (ded && dNum !== null && !ded.formula && toCents(dNum) !== 0)
      out.push(unpointed(sheet, ded, dNum, '扣分', item));
  }

  if (ded && dNum !== null && points !== null) {
    const dc = toCents(dNum);
    const bounds = dc >= 0 && !(cap !== null && dc > cap) ? soleBounds(rule) : null;
    if (dc < 0) {
      out.push(issue('negativeDeduction', sheet, cellOf(ded), { value: fmt(dNum) }, item.id));
    } else if (cap !== null && dc > cap) {
      out.push(
        issue(
          'deductionAboveCap',
          sheet,
          cellOf(ded),
          {
            value: fmt(dNum),
            cap: fmt(fromCents(cap)),
            points: fmt(points),
            capKind: rule.cap.kind,
          },
          item.id,
        ),
      );
    } else if (bounds !== null) {
      // One mistake, one finding: a deduction above the cap is said above, not again here.
      outsideRange(sheet, item, bounds, ded, '扣分', out, { cap });
    } else {
      const step = stepCents(rule);
      if (step !== null && dc % step !== 0 && dc !== cap) {
        out.push(
          issue(
            'notStepMultiple',
            sheet,
            cellOf(ded),
            { value: fmt(dNum), step: fmt(fromCents(step)) },
            item.id,
          ),
        );
      }
    }
  }

  // A signed table's 得分 is the amount added to the base: only a stated bonus bounds it.
  const limit = typedScoreLimitCents(item, rule, c.signed);
  if (sc && sNum !== null && points !== null && !sc.formula && (!c.signed || limit !== null)) {
    const s = toCents(sNum);
    const max = toCents(points) + (bonusMax === Number.POSITIVE_INFINITY ? 0 : bonusMax);
    if (s > max && bonusMax !== Number.POSITIVE_INFINITY) {
      out.push(
        issue(
          bonusMax > 0 ? 'bonusAboveMax' : 'scoreAbovePoints',
          sheet,
          cellOf(sc),
          {
            value: fmt(sNum),
            points: fmt(points),
            max: fmt(fromCents(max)),
            item: item.label,
          },
          item.id,
        ),
      );
    }
  }
  if (sc && sNum !== null && points !== null && !sc.formula && !c.signed) {
    const s = toCents(sNum);
    if (s < 0 && cap !== null)
      out.push(issue('belowZero', sheet, cellOf(sc), { value: fmt(sNum), points: fmt(points) }, item.id));
  }

  // 得分 and 扣分 both typed (or a stale cached formula result): they must agree.
  if (ded && sc && dNum !== null && sNum !== null && points !== null && !ded.formula && !c.signed) {
    const dc = Math.max(0, toCents(dNum));
    const capped = cap === null ? dc : Math.min(dc, cap);
    let expected = toCents(points) - capped;
    if (cap !== null) expected = Math.max(0, expected);
    const vetoZero = hasAssessmentVeto(rule) && dc > 0;
    if (toCents(sNum) !== expected && !(vetoZero && toCents(sNum) === 0)) {
      out.push(
        issue(
          'scoreDeductionMismatch',
          sheet,
          cellOf(sc),
          {
            deduction: fmt(dNum),
            score: fmt(sNum),
            expected: fmt(fromCents(expected)),
            points: fmt(points),
          },
          item.id,
        ),
      );
    }
  }

  const lost =
    (dNum !== null && dNum > 0) || (sNum !== null && points !== null && toCents(sNum) < toCents(points));
  if (lost && c.hasReasonColumn && entry.reason === '') {
    const at = ded ?? sc;
    if (at) out.push(issue('reasonMissing', sheet, cellOf(at), { item: item.label }, item.id));
  }

  const entered =
    (ded !== null && readEntryValue(ded.value).kind !== 'empty') ||
    (sc !== null && readEntryValue(sc.value).kind !== 'empty');
  const countsEntered = entry.counts?.some((v) => v !== null) ?? false;
  if (!entered && !countsEntered && c.blankIsMissing && !sc?.formula) {
    const at = ded ?? sc;
    if (at) out.push(issue('entryMissing', sheet, cellOf(at), { item: item.label }, item.id));
  }
}

/** How much more the typed 得分 add up to than they count for, where a bonus was typed above its limit. */
function typedExcessCents(
  table: DetectedTable,
  rules: Record<string, Rule>,
  byId: ReadonlyMap<string, ItemEntry>,
  itemById: ReadonlyMap<string, RubricItem>,
  score: SheetScore,
): number {
  const signed = table.scheme === 'base' || table.scheme === 'bonus';
  let excess = 0;
  for (const s of score.items) {
    const item = itemById.get(s.itemId);
    const rule = rules[s.itemId];
    const typed = entryNumber(byId.get(s.itemId)?.score ?? null);
    if (!item || !rule || typed === null || s.source !== 'score') continue;
    const limit = typedScoreLimitCents(item, rule, signed);
    if (limit !== null && toCents(typed) > limit) excess += toCents(typed) - limit;
  }
  return excess;
}

/** Checks of every entry of a sheet, plus the veto, typed-over formulas and a typed total. */
export function checkEntries(
  sheet: SheetGrid,
  table: DetectedTable,
  rules: Record<string, Rule>,
  entries: readonly ItemEntry[],
  score: SheetScore,
  state?: SheetState,
): Issue[] {
  const out: Issue[] = [];
  const byId = new Map(entries.map((e) => [e.itemId, e]));
  // The first item of each id, as a search from the start finds it.
  const itemById = new Map<string, RubricItem>();
  for (const i of table.items) if (!itemById.has(i.id)) itemById.set(i.id, i);
  const typed = (e: RawEntry | null) => e !== null && !e.formula && readEntryValue(e.value).kind !== 'empty';
  const anyScoreTyped = entries.some((e) => typed(e.score));
  const anyEntered = entries.some(
    (e) => typed(e.deduction) || typed(e.score) || (e.counts?.some((v) => v !== null) ?? false),
  );
  const blankIsMissing = table.columns.deduction === undefined ? anyEntered : anyScoreTyped;
  for (const item of table.items) {
    const entry = byId.get(item.id);
    const rule = rules[item.id];
    if (!entry || !rule) continue;
    checkItem(
      {
        sheet: table.sheet,
        item,
        rule,
        entry,
        hasReasonColumn: table.columns.reason !== undefined,
        blankIsMissing,
        signed: table.scheme === 'base' || table.scheme === 'bonus',
      },
      out,
    );
  }
  for (const s of score.items) {
    if (!s.veto) continue;
    const item = itemById.get(s.itemId);
    if (!item) continue;
    const entry = byId.get(item.id);
    const at = entry?.deduction ?? entry?.score;
    out.push(
      issue(
        'vetoFired',
        table.sheet,
        at ? cellOf(at) : a1(item.row, 0),
        { item: item.label, reason: entry?.reason ?? '' },
        item.id,
      ),
    );
  }
  // A rubric finding, said here because where the scheme was read is found in the sheet's cells.
  const scheme = schemeIssue(sheet, table);
  if (scheme) out.push(scheme);
  const rowsNow = table.lastRow - table.firstRow + 1;
  if (state && state.rows > 0 && state.rows !== rowsNow) {
    // Rows were inserted or deleted since the last write: the recorded formula addresses no longer
    // line up, so one finding says so instead of a false "typed over" per moved formula.
    out.push(issue('tableChanged', table.sheet, null, { before: state.rows, now: rowsNow }));
  } else if (state) {
    for (const [cell, formula] of Object.entries(state.formulas)) {
      const pos = parseA1(cell);
      if (!pos) continue;
      const { row, col } = pos;
      if (formulaAt(sheet, row, col) === null) {
        out.push(
          issue('formulaOverwritten', table.sheet, cell, { formula, found: textOf(cellAt(sheet, row, col)) }),
        );
      }
    }
  }
  const scoreCol = table.columns.score;
  if (table.totalRow !== null && scoreCol !== undefined) {
    const v = readEntryValue(cellAt(sheet, table.totalRow, scoreCol));
    // A typed total that adds up the bonuses as typed is off only by the excess already reported
    // at its cell (bonusAboveMax): one mistake, one finding.
    const asTyped = score.vetoed
      ? null
      : toCents(score.total) + typedExcessCents(table, rules, byId, itemById, score);
    if (v.kind === 'number' && toCents(v.value) !== toCents(score.total) && toCents(v.value) !== asTyped) {
      out.push(
        issue('totalMismatch', table.sheet, a1(table.totalRow, scoreCol), {
          found: fmt(v.value),
          expected: fmt(score.total),
        }),
      );
    }
  }
  return out;
}
