/**
 * The built CLI's traditional → simplified converter (src/cli/opencc.ts, put in place of opencc-js
 * by vite.cli.config.ts): it builds opencc-js's dictionary only for a text that needs it, and
 * converts every text as opencc-js does.
 */
import fc from 'fast-check';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { Converter, dictionaryBuilds } from '../../src/cli/opencc';

const real = OpenCC.Converter({ from: 't', to: 'cn' });

describe("the CLI's converter", () => {
  it('leaves simplified text as it is without building the dictionary, and builds it once for traditional text', () => {
    const lazy = Converter({ from: 't', to: 'cn' });
    const before = dictionaryBuilds();
    expect(lazy('一、日常工作（10分）每缺一次会议记录扣0.5分，扣完为止。')).toBe(
      '一、日常工作（10分）每缺一次会议记录扣0.5分，扣完为止。',
    );
    expect(dictionaryBuilds()).toBe(before);
    expect(lazy('評分標準：每缺一次會議記錄扣0.5分')).toBe('评分标准：每缺一次会议记录扣0.5分');
    expect(dictionaryBuilds()).toBe(before + 1);
    expect(lazy('臺灣')).toBe(real('臺灣'));
    expect(dictionaryBuilds()).toBe(before + 1);
  });

  it('converts every text as opencc-js does', () => {
    const lazy = Converter({ from: 't', to: 'cn' });
    // Rubric wording in both scripts, phrases the dictionary rewrites, and the odd compatibility form.
    const pool = [
      ...'评分标準標准考核項目项目扣分為为止會议議記录錄臺台灣湾乾干隆發发髮頭头裏里於于 0.5分（）%𠁞豈更',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        expect(lazy(text)).toBe(real(text));
      }),
      { numRuns: 500 },
    );
  });
});
