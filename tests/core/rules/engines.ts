/** Shared by the per-kind tests: a term's written formula pieces computed by HyperFormula. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { a1 } from '../../../src/core/a1';
import { ref } from '../../../src/core/formula/ast';
import { unparse } from '../../../src/core/formula/unparse';
import { handlerFor } from '../../../src/core/rules/kinds';
import type { TermEffect } from '../../../src/core/rules/registry';
import type { Rule, Term } from '../../../src/core/rules/types';
import { buildEngine, hfValue } from '../../helpers/hf';
import { recalcWithLibreOffice } from '../../helpers/libreoffice';

/** What an assessor types in the entry cell: a number, 是/否, other text, or nothing. */
export type Entry = number | string | null;

/** The input the core's evaluate takes for an entry, as the engine reads the cell. */
export function asInput(e: Entry): number | boolean | null {
  if (e === '是') return true;
  if (e === '否') return false;
  return typeof e === 'number' ? e : null;
}

export function effect(term: Term, e: Entry): TermEffect {
  return handlerFor(term).evaluate(term as never, asInput(e));
}

/** The single term of `kind` in the rule (fails the test otherwise). */
export function only<K extends Term['kind']>(rule: Rule, kind: K): Extract<Term, { kind: K }> {
  const t = rule.terms.filter((x) => x.kind === kind);
  if (t.length !== 1) throw new Error(`expected one ${kind} term, got ${JSON.stringify(rule.terms)}`);
  return t[0] as Extract<Term, { kind: K }>;
}

/**
 * For every entry, what HyperFormula computes from each written formula piece next to what the
 * core's evaluation says, as [engine, core] pairs per piece.
 */
export function hfPairs(
  term: Term,
  entries: Entry[],
): {
  deduction: [unknown, number][];
  zero: [unknown, boolean][];
  veto: [unknown, boolean][];
  bonus: [unknown, number][];
} {
  const pieces = handlerFor(term).formula(term as never, ref(0, 0));
  const row = (i: number) => {
    const p = handlerFor(term).formula(term as never, ref(i, 0));
    return [null, p.deduction, p.zero, p.veto, p.bonus].map((x) => (x ? unparse(x) : null));
  };
  const hf = buildEngine({
    sheets: [
      {
        name: 'S',
        merges: [],
        values: entries.map((e) => [e]),
        formulas: entries.map((_, i) => row(i)),
      },
    ],
  });
  const out = {
    deduction: [] as [unknown, number][],
    zero: [] as [unknown, boolean][],
    veto: [] as [unknown, boolean][],
    bonus: [] as [unknown, number][],
  };
  entries.forEach((e, i) => {
    const want = effect(term, e);
    if (pieces.deduction) out.deduction.push([hfValue(hf, 'S', a1(i, 1)), want.deductionCents / 100]);
    if (pieces.zero) out.zero.push([hfValue(hf, 'S', a1(i, 2)), want.zero]);
    if (pieces.veto) out.veto.push([hfValue(hf, 'S', a1(i, 3)), want.veto]);
    if (pieces.bonus) out.bonus.push([hfValue(hf, 'S', a1(i, 4)), want.bonusCents / 100]);
  });
  return out;
}

/** Counts 0, 0.5, 1 … max, with a blank, text and a negative entry. */
export function counts(max: number): Entry[] {
  const xs: Entry[] = [null, '', '无', -1];
  for (let v = 0; v <= max * 2; v++) xs.push(v / 2);
  return xs;
}

/**
 * Each term's written deduction for each input, recalculated by LibreOffice Calc in one run, beside
 * the core's deduction for the same input (in points). The workbook has no cached results, so the
 * engine's figures can only come from LibreOffice.
 */
export async function loDeductions(
  terms: readonly Term[],
  inputs: readonly number[],
): Promise<{ engine: number[]; core: number[] }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  const core: number[] = [];
  let row = 0;
  for (const t of terms)
    for (const n of inputs) {
      ws.getCell(row + 1, 1).value = n;
      const f = handlerFor(t).formula(t as never, ref(row, 0)).deduction!;
      ws.getCell(row + 1, 2).value = { formula: unparse(f) } as ExcelJS.CellFormulaValue;
      core.push(effect(t, n).deductionCents / 100);
      row++;
    }
  const file = join(mkdtempSync(join(tmpdir(), 'rule-lo-')), 'terms.xlsx');
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  const out = recalcWithLibreOffice([file], { [file]: ['S'] })[file]!.S!;
  return { engine: core.map((_, i) => Number(out[i]?.[1])), core };
}
