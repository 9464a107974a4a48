/** zeroIf: the item scores 0 when it happened (是). */
import { describe, expect, it } from 'vitest';
import { explainRule } from '../../../src/core/rules/explain';
import { parseRuleStrict } from '../../../src/core/rules/parse';
import type { Entry } from './engines';
import { effect, hfPairs, only } from './engines';

const ENTRIES: Entry[] = ['是', '否', null, '', 1];

describe('zeroIf', () => {
  it('采用否决计分法，计零分 restates one zeroing, with the condition before it', () => {
    const r = parseRuleStrict('未完成指标的，采用否决计分法，计零分', { points: 2 });
    const t = only(r, 'zeroIf');
    expect(r.terms).toHaveLength(1);
    expect(t.what).toBe('未完成指标');
    expect(ENTRIES.map((e) => effect(t, e).zero)).toEqual([true, false, false, false, false]);
    expect(explainRule(r, 2, 'zh')).toBe('未完成指标的本项不得分');
    expect(explainRule(r, 2, 'en')).toBe('No points for this item if "未完成指标"');
  });

  it('each of several zeroings keeps its own condition', () => {
    const r = parseRuleStrict('未设置或配备的，不得分；未以文件形式进行设置或任命的，不得分', { points: 4 });
    expect(r.terms.map((t) => (t.kind === 'zeroIf' ? t.what : null))).toEqual([
      '未设置或配备',
      '未以文件形式进行设置或任命',
    ]);
  });

  it('its formula agrees with the core for every entry', () => {
    const t = only(parseRuleStrict('未完成指标的，计零分', { points: 2 }), 'zeroIf');
    const z = hfPairs(t, ENTRIES).zero;
    expect(z).toHaveLength(ENTRIES.length);
    for (const [engine, core] of z) expect(engine).toBe(core);
  });
});
