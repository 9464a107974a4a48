import { describe, expect, it } from 'vitest';
import { PlanStaleError, type StaleCell } from '../../src/host/errors';
import { hostLang, langTag } from '../../src/host/messages';
import { en } from '../../src/taskpane/i18n/en';
import { translate, type UiKey } from '../../src/taskpane/i18n/index';
import { zhCN } from '../../src/taskpane/i18n/zh-CN';

describe('UI strings', () => {
  it('follows Office display language: any Chinese → zh, anything else → en', () => {
    expect(['zh-CN', 'zh-TW', 'ZH-hk', 'zh', ' zh-Hans'].map(hostLang)).toEqual([
      'zh',
      'zh',
      'zh',
      'zh',
      'zh',
    ]);
    expect(['en-US', 'fr-FR', ''].map(hostLang)).toEqual(['en', 'en', 'en']);
  });

  it('gives HTML the BCP 47 tag of a language, back at the edge', () => {
    expect(langTag('zh')).toBe('zh-CN');
    expect(langTag('en')).toBe('en');
  });

  it('every key has text in both languages, and parameters reach the text', () => {
    const params = {
      count: 7,
      sheet: 'S7',
      name: 'N7',
      where: 'S7!F3',
      existing: 'x7',
      planned: 'y7',
      done: 7,
      total: 8,
      ops: 7,
      syncs: 7,
    };
    for (const key of Object.keys(zhCN) as UiKey[]) {
      expect(Object.keys(en)).toContain(key);
      for (const lang of ['zh', 'en'] as const) {
        const text = translate(lang, key, params);
        expect(text.length, `${lang} ${key}`).toBeGreaterThan(0);
        expect(text).not.toContain('undefined');
      }
    }
    expect(translate('zh', 'writeDone')).toBe('写入完成。');
    expect(translate('en', 'writeDone')).toBe('Written.');
    // English counts take the word's number, never "unit(s)".
    expect(translate('en', 'summary.units', { count: 1 })).toBe('1 unit');
    expect(translate('en', 'summary.units', { count: 3 })).toBe('3 units');
    expect(translate('en', 'summary.notReadyTitle', { count: 1 })).toMatch(/^1 unit not ready/);
    expect(translate('en', 'summary.missingTitle', { count: 2 })).toMatch(/^2 units on the roster/);
    for (const text of Object.values(en)) {
      if (typeof text === 'string') expect(text).not.toMatch(/\w\(s\)/);
    }
    for (const make of Object.values(en)) {
      if (typeof make === 'function')
        expect((make as (p: object) => string)({ count: 2 })).not.toMatch(/\w\(s\)/);
    }
    expect(translate('en', 'conflictLabel', { where: 'S!F3', existing: '4', planned: '=C3-E3' })).toBe(
      'S!F3: now "4" → write "=C3-E3"',
    );
  });
});

describe('host messages', () => {
  const stale = (cell: string): StaleCell => ({
    sheet: 'S',
    cell,
    expected: { kind: 'value', value: 1 },
    found: 2,
  });

  it('name the changed cells as a list in the message language, five at most', () => {
    const two = [stale('A1'), stale('B2')];
    expect(new PlanStaleError(two, 'zh').message).toContain('（S!A1、S!B2）');
    expect(new PlanStaleError(two, 'en').message).toContain('(S!A1, S!B2)');
    const six = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map(stale);
    expect(new PlanStaleError(six, 'en').localized('en')).toContain('S!A4, S!A5…');
    expect(new PlanStaleError(six, 'en').message).not.toContain('S!A6');
  });

  it('join the cells in the language asked for, not the one the error was raised in', () => {
    // The pane shows a host fault in its own language, which the assessor may have switched.
    const raised = new PlanStaleError([stale('A1'), stale('B2')], 'zh');
    expect(raised.localized('en')).toContain('(S!A1, S!B2)');
    expect(raised.localized('zh')).toContain('（S!A1、S!B2）');
  });
});
