// @vitest-environment jsdom
import './jsdom-setup';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Term } from '../../src/core/rules/types';
import { RuleEditor } from '../../src/taskpane/components/RuleEditor';
import { translator } from '../../src/taskpane/i18n';
import { editDraft, type RuleDraft, termOfKind, termProblems } from '../../src/taskpane/state/rule-edit';

afterEach(cleanup);

const SP = { start: 3, end: 9 };
const escalated: Term = {
  kind: 'perUnit',
  amount: 1,
  unit: '次',
  what: '迟报',
  span: SP,
  after: 1,
  later: 2,
  extraAt: 3,
  extra: 5,
  max: 8,
};
const ranged: Term = { kind: 'range', min: 0.5, max: 2, what: '视情况', span: SP };

/** The editor over one draft, handing back each draft it produces. */
function editor(terms: Term[], lang: 'zh' | 'en' = 'zh') {
  const seen: RuleDraft[] = [];
  let draft: RuleDraft = { terms, cap: { kind: 'item', span: null } };
  const onChange = (d: RuleDraft) => {
    seen.push(d);
    draft = d;
    view.rerender(<RuleEditor draft={draft} onChange={onChange} t={translator(lang)} />);
  };
  const view = render(<RuleEditor draft={draft} onChange={onChange} t={translator(lang)} />);
  return { seen, last: () => draft };
}

describe('the rule editor', () => {
  it("edits a range term's least and most deduction", () => {
    const { last } = editor([ranged]);
    fireEvent.change(screen.getByLabelText('最少扣'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('最多扣'), { target: { value: '3' } });
    expect(last().terms[0]).toEqual({ ...ranged, min: 1, max: 3 });
  });

  it('says so, in Chinese and in English, when a range starts above where it ends', () => {
    editor([{ ...ranged, min: 3, max: 2 }]);
    expect(screen.getByText('最少扣的分数（3）大于最多扣的分数（2），请改正。')).toBeTruthy();
    cleanup();
    editor([{ ...ranged, min: 3, max: 2 }], 'en');
    expect(
      screen.getByText('The least deduction (3) is more than the most (2): correct one of them.'),
    ).toBeTruthy();
  });

  it("edits a consequence's effect", () => {
    const c: Term = { kind: 'consequence', effect: '取消评优资格', what: '发生事故', span: SP };
    const { last } = editor([c]);
    fireEvent.change(screen.getByLabelText('后果'), { target: { value: '降一档' } });
    expect(last().terms[0]).toEqual({ ...c, effect: '降一档' });
  });

  it("edits a per-unit term's limit and escalation and keeps the rest", () => {
    const { last } = editor([escalated]);
    fireEvent.change(screen.getByLabelText('之后每次扣'), { target: { value: '3' } });
    expect(last().terms[0]).toEqual({ ...escalated, later: 3 });
    fireEvent.change(screen.getByLabelText('此项最多扣'), { target: { value: '' } });
    const { max: _, ...noLimit } = { ...escalated, later: 3 };
    expect(last().terms[0]).toEqual(noLimit);
    fireEvent.change(screen.getByLabelText('分数'), { target: { value: '0.5' } });
    expect(last().terms[0]).toEqual({ ...noLimit, amount: 0.5 });
  });
});

describe('rebuilding a term', () => {
  it('keeps the escalation and limit of a per-unit term', () => {
    expect(termOfKind('perUnit', escalated)).toEqual(escalated);
    const d = editDraft(
      { terms: [escalated], cap: { kind: 'item', span: null } },
      { type: 'kind', index: 0, kind: 'perUnit' },
    );
    expect(d.terms[0]).toEqual(escalated);
  });

  it("keeps a range term's bounds", () => {
    expect(termOfKind('range', ranged)).toEqual(ranged);
  });

  it('reports a range whose least deduction is above its most, and an escalation half filled', () => {
    expect(termProblems({ ...ranged, min: 3, max: 2 })).toEqual([
      { code: 'rangeMinAboveMax', min: 3, max: 2 },
    ]);
    expect(termProblems(ranged)).toEqual([]);
    const { later: _, ...half } = escalated;
    expect(termProblems(half as Term)).toEqual([{ code: 'groupIncomplete', group: 'steps' }]);
  });
});
