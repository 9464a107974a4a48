import { describe, expect, it } from 'vitest';
import type { RuleOverride } from '../../src/core/rules/types';
import { groupSums, itemsTotal, keyedIssues, mergeRepeated } from '../../src/taskpane/state/structure';
import { describeOp, previewPage } from '../../src/taskpane/state/preview';
import { PREVIEW_PAGE_SIZE } from '../../src/taskpane/state/flow';
import { parseRule } from '../../src/core/rules/parse';
import {
  capOfKind,
  draftOf,
  editDraft,
  mergeOverrides,
  type RuleDraft,
  ruleKey,
  ruleOfDraft,
  termOfKind,
} from '../../src/taskpane/state/rule-edit';
import { issue } from '../../src/core/issues';
import { makeTable, SPAN } from '../fixtures/table';
import { planOf } from './fixtures';

const draft: RuleDraft = {
  terms: [{ kind: 'perUnit', amount: 0.5, unit: '人', what: '计划外生育', span: SPAN }],
  cap: { kind: 'item', span: null },
};

describe('rule drafts', () => {
  it('a kind change keeps the fields both kinds share and fills the rest', () => {
    const t = termOfKind('shortfall', draft.terms[0]!);
    expect(t).toEqual({
      kind: 'shortfall',
      amount: 0.5,
      required: 1,
      unit: '人',
      what: '计划外生育',
      span: SPAN,
    });
    expect(termOfKind('veto', t)).toEqual({ kind: 'veto', scope: 'item', what: '计划外生育', span: SPAN });
    expect(termOfKind('rate', t)).toMatchObject({ kind: 'rate', amount: 0.5, step: 1, target: null });
  });

  it('patches only fields the term has, adds and removes terms, sets the cap', () => {
    let d = editDraft(draft, { type: 'patch', index: 0, patch: { amount: 1, required: 5 } });
    expect(d.terms[0]).toEqual({ ...draft.terms[0], amount: 1 });
    d = editDraft(d, { type: 'add', kind: 'flag' });
    expect(d.terms.map((t) => t.kind)).toEqual(['perUnit', 'flag']);
    d = editDraft(d, { type: 'remove', index: 0 });
    expect(d.terms.map((t) => t.kind)).toEqual(['flag']);
    d = editDraft(d, { type: 'cap', cap: capOfKind('explicit', 2, d.cap) });
    expect(d.cap).toEqual({ kind: 'explicit', amount: 2, span: SPAN });
    expect(draft.terms).toHaveLength(1);
  });

  it('merges drafts into saved overrides: replaces the same item, adds new ones, removes reset ones', () => {
    const saved: RuleOverride[] = [
      {
        sheet: 'S',
        itemText: '会议记录',
        criteria: '每缺一次扣0.5分',
        terms: [],
        cap: { kind: 'item', span: null },
      },
      {
        sheet: 'S',
        itemText: '信息报送',
        criteria: '酌情扣分',
        terms: [],
        cap: { kind: 'item', span: null },
      },
    ];
    const out = mergeOverrides(
      saved,
      { [ruleKey('S', '会议记录', '每缺一次扣0.5分')]: draft, [ruleKey('S', '档案', '缺一份扣1分')]: draft },
      [ruleKey('S', '信息报送', '酌情扣分')],
    );
    expect(out.map((o) => [o.itemText, o.terms.length])).toEqual([
      ['会议记录', 1],
      ['档案', 1],
    ]);
  });
});

describe('structure and preview views', () => {
  it('sums points per group including sub-groups, exactly', () => {
    const { table } = makeTable(
      'S',
      [
        { id: 'c', text: '日常', declared: 1 },
        { id: 's', text: '会议', declared: null, parent: 'c' },
      ],
      [
        { text: 'a', points: 0.1, group: 's' },
        { text: 'b', points: 0.2, group: 's' },
        { text: 'c', points: 0.7, group: 'c' },
      ],
    );
    expect(groupSums(table)).toEqual({ c: 1, s: 0.3 });
    expect(itemsTotal(table)).toBe(1);
  });

  it('keys repeated issues apart', () => {
    const i = issue('numberingGap', 'S', 'B4', {});
    expect(new Set(keyedIssues([i, i, issue('totalNot100', 'S', null, {})]).map((k) => k.key)).size).toBe(3);
  });

  it('describes operations and pages long plans', () => {
    expect(describeOp({ op: 'formula', sheet: '一村', cell: 'F3', formula: 'C3-E3' })).toEqual({
      op: 'formula',
      where: '一村!F3',
      content: '=C3-E3',
    });
    expect(
      describeOp({
        op: 'validation',
        sheet: 'S',
        range: 'E2:E9',
        rule: { kind: 'decimal', min: 0, max: 5 },
        prompt: null,
        error: null,
      }).content,
    ).toBe('0 – 5');
    const plan = planOf(PREVIEW_PAGE_SIZE + 3);
    const last = previewPage(plan.ops, 5);
    expect(last.pages).toBe(2);
    expect(last.page).toBe(1);
    expect(last.rows).toHaveLength(3);
    expect(last.rows[0]?.where).toBe(`S!F${PREVIEW_PAGE_SIZE + 2}`);
  });
});

describe('repeated rubric findings', () => {
  it('are shown once with the other sheets named, while entry findings stay one per sheet', () => {
    const gap = (sheet: string) =>
      issue('numberingGap', sheet, 'C17', { before: '(2)', after: '(4)', missing: '3' });
    const nan = (sheet: string) => issue('notANumber', sheet, 'G14', { found: '1分', column: '扣分' });
    const shown = mergeRepeated([gap('东风'), gap('新华'), nan('东风'), nan('新华'), gap('铁西')]);
    expect(shown.map((s) => [s.issue.code, s.issue.sheet, s.alsoOn])).toEqual([
      ['numberingGap', '东风', ['新华', '铁西']],
      ['notANumber', '东风', []],
      ['notANumber', '新华', []],
    ]);
  });
});

describe('a rule with a limit on the sum of its bonuses', () => {
  it('keeps the limit through a draft and a saved override', () => {
    const rule = parseRule('被区级推广的加1分，市级以上推广的加2分，最高加2分。', { points: 0 });
    const draft = draftOf(rule);
    expect(ruleOfDraft(rule.source, draft).bonusCap).toBe(2);
    const saved = mergeOverrides([], { [ruleKey('S', '创新', rule.source)]: draft });
    expect(saved[0]?.bonusCap).toBe(2);
  });
});
