import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/adapters/xlsx/read';
import { analyzeWorkbook, type SheetReport } from '../../src/core/analyze';
import type { Term } from '../../src/core/rules/types';
import { draftOf, ruleKey } from '../../src/taskpane/state/rule-edit';
import { blockedDrafts, type RulesInput, rulesView } from '../../src/taskpane/state/rules-view';

let sheet: SheetReport;

beforeAll(async () => {
  const report = analyzeWorkbook(await readXlsx('samples/communities.xlsx'));
  const found = report.sheets.find((s) => s.sheet === '东风社区');
  if (!found?.analysis) throw new Error('东风社区 not analysed');
  sheet = found;
});

const input = (over: Partial<RulesInput> = {}): RulesInput => {
  const a = sheet.analysis!;
  return { sheet: sheet.sheet, table: a.table, rules: a.rules, drafts: {}, resets: [], ...over };
};
const keyOf = (id: string) => {
  const item = sheet.analysis!.table.items.find((i) => i.id === id)!;
  return ruleKey(sheet.sheet, item.text, item.criteria);
};
const ids = (v: ReturnType<typeof rulesView>) => v.sections.flatMap((s) => s.rows.map((r) => r.item.id));
/** Items the checks say are scored at discretion or not read (from the sheet's findings). */
const flagged = () =>
  sheet.issues.filter((i) => i.code === 'ruleUnknown' || i.code === 'ruleUnread').map((i) => i.itemId!);

describe('rulesView on samples/communities.xlsx', () => {
  it('lists every item once, in the sections of the table, with the flagged items first', () => {
    const v = rulesView(input());
    const table = sheet.analysis!.table;
    expect([...ids(v)].sort()).toEqual(table.items.map((i) => i.id).sort());
    for (const s of v.sections) {
      for (const r of s.rows) expect(r.item.groupIds.join('/')).toBe(s.id);
      expect(s.titles.length).toBe(s.id.split('/').length);
    }
    expect(new Set(v.sections.map((s) => s.id)).size).toBe(v.sections.length);
    // The findings name items to decide; their sections come first, and they lead their sections.
    const asked = flagged();
    expect(asked.length).toBeGreaterThan(0);
    const firstPlain = v.sections.findIndex((s) => s.rows.every((r) => r.status !== 'decide'));
    for (const id of asked) {
      const at = v.sections.findIndex((s) => s.rows.some((r) => r.item.id === id));
      expect(firstPlain === -1 || at < firstPlain).toBe(true);
      const rows = v.sections[at]!.rows;
      const pos = rows.findIndex((r) => r.item.id === id);
      expect(rows.slice(0, pos).every((r) => r.status === 'decide')).toBe(true);
      expect(rows[pos]!.needs).toContain('unknown');
    }
    // Sections after the first plain one hold nothing to decide, and keep the table's order.
    const rest = v.sections.slice(firstPlain).map((s) => s.rows[0]!.item.row);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
  });

  it('counts: nothing confirmed before any edit, every item to decide is listed under the filter', () => {
    const v = rulesView(input());
    expect(v.counts.total).toBe(sheet.analysis!.table.items.length);
    expect(v.counts.confirmed).toBe(0);
    expect(v.counts.open).toBe(v.counts.total);
    const decide = rulesView(input(), 'decide');
    expect(decide.listed).toBe(v.counts.decide);
    expect(new Set(ids(decide))).toEqual(
      new Set(v.sections.flatMap((s) => s.rows.filter((r) => r.needs.length > 0).map((r) => r.item.id))),
    );
    for (const id of flagged()) expect(ids(decide)).toContain(id);
    expect(rulesView(input(), 'edited').listed).toBe(0);
    expect(v.listed).toBe(v.counts.total);
  });

  it('a decision confirms the item without moving it; a draft with a problem asks again and blocks saving', () => {
    const [id] = flagged();
    const before = rulesView(input());
    const discretion: Term[] = [{ kind: 'discretion', what: '', span: { start: 0, end: 0 } }];
    const decided = rulesView(
      input({ drafts: { [keyOf(id!)]: { terms: discretion, cap: { kind: 'item', span: null } } } }),
    );
    expect(ids(decided)).toEqual(ids(before));
    expect(decided.counts.confirmed).toBe(1);
    expect(decided.counts.decide).toBe(before.counts.decide - 1);
    expect(decided.counts.open + decided.counts.confirmed).toBe(decided.counts.total);

    // A plain item edited into a range whose least is above its most.
    const plain = before.sections.flatMap((s) => s.rows).find((r) => r.status === 'open')!;
    const bad = {
      ...draftOf(plain.rule),
      terms: [{ kind: 'range', min: 3, max: 1, what: '', span: { start: 0, end: 0 } } as Term],
    };
    const drafts = { [plain.key]: bad };
    const v = rulesView(input({ drafts }));
    const row = v.sections.flatMap((s) => s.rows).find((r) => r.key === plain.key)!;
    expect(row.status).toBe('decide');
    expect(row.needs).toEqual(['problem']);
    expect(row.problems).toEqual([{ code: 'rangeMinAboveMax', min: 3, max: 1 }]);
    expect(v.counts.decide).toBe(before.counts.decide + 1);
    expect(blockedDrafts(drafts)).toEqual([plain.key]);
    expect(ids(rulesView(input({ drafts }), 'edited'))).toEqual([plain.item.id]);
    expect(blockedDrafts({ [plain.key]: draftOf(plain.rule) })).toEqual([]);
  });

  it('a saved override counts as confirmed, and back to open when its reset is pending', () => {
    const a = sheet.analysis!;
    const item = a.table.items[0]!;
    const rules = { ...a.rules, [item.id]: { ...a.rules[item.id]!, overridden: true } };
    const v = rulesView(input({ rules }));
    expect(v.counts.confirmed).toBe(1);
    expect(ids(rulesView(input({ rules }), 'edited'))).toEqual([item.id]);
    const reset = rulesView(input({ rules, resets: [keyOf(item.id)] }));
    expect(reset.counts.confirmed).toBe(0);
    expect(ids(rulesView(input({ rules, resets: [keyOf(item.id)] }), 'edited'))).toEqual([item.id]);
  });
});
