// @vitest-environment jsdom
/**
 * The pane fetches the traditional → simplified dictionary only for a workbook that needs it
 * (src/taskpane/traditional.ts). Here src/core/text.ts is given that module's converter, as the
 * add-in's build gives it, so the pane reads over the on-demand path.
 */
import './jsdom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import * as ToTraditional from 'opencc-js/cn2t';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SheetGrid } from '../../src/core/grid';
import { App } from '../../src/taskpane/App';
import { converterLoaded, hasTraditional } from '../../src/taskpane/traditional';
import { cleanRubric, stubHost } from './stub-host';

const fetched = vi.hoisted(() => ({ dictionaries: 0, attempts: 0, offline: false }));
const actualT2s = await vi.importActual<typeof import('opencc-js/t2cn')>('opencc-js/t2cn');
const OpenCC = actualT2s;

vi.mock('opencc-js/t2cn', async () => {
  const actual = await vi.importActual<typeof import('opencc-js/t2cn')>('opencc-js/t2cn');
  const onDemand = await import('../../src/taskpane/traditional');
  let first = true;
  return {
    ...actual,
    // The first caller is src/core/text.ts, at its load; the next is traditional.ts's fetch.
    Converter: (o: { from: string; to: string }) => {
      if (first) {
        first = false;
        return onDemand.Converter(o);
      }
      fetched.attempts++;
      // The chunk's fetch failing, as the browser says it (the network dropped).
      if (fetched.offline)
        throw new TypeError(
          'Failed to fetch dynamically imported module: https://localhost/assets/t2cn-x.js',
        );
      fetched.dictionaries++;
      return actual.Converter(o as never);
    },
  };
});

afterEach(cleanup);

const toTraditional = ToTraditional.Converter({ from: 'cn', to: 'tw' });
function traditional(sheet: SheetGrid): SheetGrid {
  return {
    ...sheet,
    name: toTraditional(sheet.name),
    values: sheet.values.map((row) => row.map((v) => (typeof v === 'string' ? toTraditional(v) : v))),
  };
}

describe('traditional characters in the pane', () => {
  it('a workbook in simplified characters is read without fetching the dictionary', async () => {
    render(<App host={stubHost({ sheets: [cleanRubric()] })} />);
    const tree = await screen.findByRole('tree', { name: '表格结构' });
    expect(within(tree).getByText(/会议记录/)).toBeTruthy();
    expect(converterLoaded()).toBe(false);
    expect(fetched.dictionaries).toBe(0);
  });

  it("a dictionary that cannot be fetched is said in zh and en, never the browser's words, and 重新读取 fetches it again", async () => {
    fetched.offline = true;
    const before = fetched.attempts;
    render(<App host={stubHost({ sheets: [traditional(cleanRubric())] })} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('繁体字没能转换');
    expect(alert.textContent).toContain('工作簿未被改动');
    expect(alert.textContent).not.toMatch(/Failed to fetch|t2cn|\.js/);
    expect(screen.queryByRole('tree')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /English/ }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Traditional characters could not be converted',
    );
    expect(screen.getByRole('alert').textContent).toContain('Nothing in the workbook was changed');
    expect(fetched.attempts).toBe(before + 1);
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Read again' }));
    await vi.waitFor(() => expect(fetched.attempts).toBe(before + 2));
    expect((await screen.findByRole('alert')).textContent).toContain('Nothing in the workbook was changed');
    expect(converterLoaded()).toBe(false);
    expect(fetched.dictionaries).toBe(0);
    fetched.offline = false;
  });

  it('a workbook in traditional characters fetches it first, and reads as its simplified twin', async () => {
    const sheet = traditional(cleanRubric());
    expect(JSON.stringify(sheet.values)).toContain('評分標準');
    render(<App host={stubHost({ sheets: [sheet] })} />);
    const tree = await screen.findByRole('tree', { name: '表格结构' });
    expect(within(tree).getByText(/會議記錄/)).toBeTruthy();
    expect(within(tree).getByText('标明 10 分，合计 10 分')).toBeTruthy();
    expect(screen.getByText('各项标准分值合计 100 分，共 3 项')).toBeTruthy();
    expect(fetched.dictionaries).toBe(1);
  });
});

describe('the check for traditional characters', () => {
  // Straight from opencc-js: the mock above hands src/core/text.ts the on-demand one.
  const t2s = actualT2s.Converter({ from: 't', to: 'cn' });

  it('flags every character the converter changes, and every rule of the dictionary that changes text', () => {
    // Each rule of the dictionary, as opencc-js ships it: "source target|source target|…".
    const rules = [OpenCC.Locale.to.cn]
      .flat(3)
      .filter((d): d is string => typeof d === 'string')
      .flatMap((d) => d.split('|').map((e) => e.split(' ')));
    expect(rules.length).toBeGreaterThan(3000);
    const missed = rules.filter(([from, to]) => from !== to && !hasTraditional(from!)).map(([f]) => f);
    expect(missed).toEqual([]);
    const unflagged: string[] = [];
    for (const [lo, hi] of [
      [0x3400, 0xa000],
      [0xf900, 0xfb00],
      [0x20000, 0x2a6e0],
    ] as const) {
      for (let c = lo; c < hi; c++) {
        const ch = String.fromCodePoint(c);
        if (!hasTraditional(ch) && t2s(ch) !== ch) unflagged.push(ch);
      }
    }
    expect(unflagged).toEqual([]);
  });

  it('passes plain simplified rubric text, and flags a traditional word inside it', () => {
    expect(hasTraditional('一、日常工作（10分）每缺一次会议记录扣0.5分，扣完为止。')).toBe(false);
    expect(hasTraditional('每缺一次會議记录扣0.5分')).toBe(true);
  });
});
