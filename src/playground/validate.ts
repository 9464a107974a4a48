/**
 * Excel's data validation at the moment of typing: after 写入 sets entry rules on the assessor's
 * cells, the grid refuses what Excel would refuse and shows the error alert the plan wrote.
 * Only the rule shapes the Office adapter writes are judged; anything else is let through.
 */
import type { FakeValidation } from '../fake-excel';

/** Why Excel would refuse the typed text: the alert's title and message, or null to accept it. */
export function refusal(
  v: FakeValidation | undefined,
  typed: string,
): { title: string; message: string } | null {
  if (!v?.rule || typed.trim() === '') return null;
  const alert = v.errorAlert;
  // An alert that is off, or of the Warning/Information style, lets the entry in (Excel asks, then allows).
  if (alert && (alert.showAlert === false || (alert.style !== undefined && alert.style !== 'Stop')))
    return null;
  return accepts(v.rule, typed.trim()) ? null : { title: alert?.title ?? '', message: alert?.message ?? '' };
}

function num(x: unknown): number | null {
  const n = typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

function compare(value: number, basic: Excel.BasicDataValidation): boolean {
  const a = num(basic.formula1);
  const b = num(basic.formula2);
  if (a === null) return true;
  switch (basic.operator) {
    case 'Between':
      return b === null || (value >= a && value <= b);
    case 'NotBetween':
      return b === null || value < a || value > b;
    case 'EqualTo':
      return value === a;
    case 'NotEqualTo':
      return value !== a;
    case 'GreaterThan':
      return value > a;
    case 'LessThan':
      return value < a;
    case 'GreaterThanOrEqualTo':
      return value >= a;
    case 'LessThanOrEqualTo':
      return value <= a;
    default:
      return true;
  }
}

function accepts(rule: Excel.DataValidationRule, typed: string): boolean {
  if (rule.decimal || rule.wholeNumber) {
    const value = num(typed);
    if (value === null) return false;
    if (rule.wholeNumber && !Number.isInteger(value)) return false;
    return compare(value, (rule.decimal ?? rule.wholeNumber) as Excel.BasicDataValidation);
  }
  if (rule.list) {
    const source = String(rule.list.source ?? '');
    // A list drawn from a range cannot be judged here; a literal list can.
    if (source.startsWith('=')) return true;
    return source.split(',').some((s) => s.trim() === typed);
  }
  if (rule.custom) return String(rule.custom.formula).trim().toUpperCase() !== '=FALSE';
  return true;
}
