import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1, colIndex, colLetters, parseA1, sheetRef } from '../../src/core/a1';
import { fn, num, range, ref, bin, str } from '../../src/core/formula/ast';
import { unparse } from '../../src/core/formula/unparse';
import { mul2, sum2, toCents } from '../../src/core/num';
import { normalize, parseNumber } from '../../src/core/text';

describe('A1 addresses', () => {
  it('round-trips columns and cells', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 0, max: 1048575 }), (c, r) => {
        expect(colIndex(colLetters(c))).toBe(c);
        expect(parseA1(a1(r, c))).toEqual({ row: r, col: c });
      }),
    );
  });
  it('quotes sheet names that need it', () => {
    expect(sheetRef('Sheet1')).toBe('Sheet1');
    expect(sheetRef('东风社区')).toBe("'东风社区'");
    expect(sheetRef("北站 (二)'s")).toBe("'北站 (二)''s'");
    expect(sheetRef('A1')).toBe("'A1'");
  });
});

describe('formula text', () => {
  it('is produced with English names, precedence and quoting', () => {
    const e = fn('ROUND', fn('MAX', num(0), bin('-', num(5), fn('MIN', num(5), ref(3, 4)))), num(2));
    expect(unparse(e)).toBe('=ROUND(MAX(0,5-MIN(5,E4)),2)');
    expect(unparse(bin('-', num(1), bin('-', num(2), num(3))))).toBe('=1-(2-3)');
    expect(unparse(fn('SUM', range(1, 5, 9, 5, '北站 (二)')))).toBe("=SUM('北站 (二)'!F2:F10)");
    expect(unparse(bin('=', ref(0, 0), str('是"')))).toBe('=A1="是"""');
  });
});

describe('exact decimals', () => {
  it('sums and multiplies in hundredths', () => {
    expect(sum2([0.1, 0.2])).toBe(0.3);
    expect(mul2(0.1, 3)).toBe(0.3);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10000, max: 10000 })), (cs) => {
        expect(toCents(sum2(cs.map((c) => c / 100)))).toBe(cs.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe('text normalisation', () => {
  it('simplifies, narrows and strips spaces and pinyin glosses while mapping back', () => {
    const src = '評 分 標 準（１００分）社區(qū)';
    const n = normalize(src);
    expect(n.text).toBe('评分标准(100分)社区');
    const i = n.text.indexOf('社区');
    expect(src.slice(n.map[i]!, n.map[i + 1]! + 1)).toBe('社區');
  });
  it('reads numbers in every form', () => {
    expect(['0.5', '０.５', '两', '十', '十二', '二十', '四', 'abc', ''].map(parseNumber)).toEqual([
      0.5,
      0.5,
      2,
      10,
      12,
      20,
      4,
      null,
      null,
    ]);
  });
});
