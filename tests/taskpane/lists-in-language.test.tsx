// @vitest-environment jsdom
/** Lists the pane builds from names (sheets, items) are joined in the pane's language, not always with 、. */
import './jsdom-setup';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/taskpane/App';
import { rubricSheet, stubHost } from './stub-host';

afterEach(cleanup);

/** A rubric whose numbering skips (2): the same rubric finding on every sheet made from it. */
const gapped = (name: string) =>
  rubricSheet(name, [
    {
      label: '一、日常工作（100分）',
      items: [
        { content: '(1)会议记录', points: 50, criteria: '每缺一次会议记录扣0.5分，扣完为止。' },
        { content: '(3)信息报送', points: 50, criteria: '每少报送一篇扣1分。' },
      ],
    },
  ]);

async function checkStep(lang: string, detect: string, check: string) {
  render(<App host={stubHost({ sheets: [gapped('一村'), gapped('二村'), gapped('三村')] }, { lang })} />);
  await screen.findByRole('tab', { name: detect });
  await waitFor(() => expect(screen.queryByRole('tabpanel')).not.toBeNull());
  fireEvent.click(screen.getByRole('tab', { name: check }));
  return screen.findByRole('tabpanel', { name: check });
}

describe('the pane joins names in its language', () => {
  it('names the other sheets of a repeated finding with ", " in English', async () => {
    const panel = await checkStep('en-US', 'Detect', 'Check');
    await waitFor(() => expect(panel.textContent).toContain('also on'));
    expect(panel.textContent).toMatch(/also on 二村, 三村/);
    expect(panel.textContent).not.toContain('二村、三村');
  });

  it('and with 、 in Chinese', async () => {
    const panel = await checkStep('zh-CN', '识别', '检查');
    await waitFor(() => expect(panel.textContent).toContain('二村、三村'));
  });
});
