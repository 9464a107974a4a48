// @vitest-environment jsdom
import './jsdom-setup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/taskpane/App';
import { OnDemandStep, onDemand, STEPS } from '../../src/taskpane/components/steps';
import type { StepDef, StepProps } from '../../src/taskpane/components/types';
import { cleanRubric, stubHost } from './stub-host';

afterEach(cleanup);

function Fetched({ state }: StepProps) {
  return <p>fetched step, {state.report?.sheets.length} sheet</p>;
}

/** A step whose chunk fails to fetch the first `failures` times, as a dropped network does. */
function flakyStep(failures: number) {
  let calls = 0;
  const chunk = onDemand<StepProps>(async () => {
    calls++;
    await new Promise((r) => setTimeout(r, 5));
    if (calls <= failures)
      throw new TypeError('Failed to fetch dynamically imported module: https://x/assets/RulesStep-3f.js');
    return Fetched;
  });
  const step: StepDef = {
    id: 'later',
    label: () => '规则',
    render: (p) => <OnDemandStep chunk={chunk} props={p} t={p.t} />,
  };
  return { step, calls: () => calls };
}

describe('steps fetched on demand', () => {
  it('come when their tab is opened, with a line saying so meanwhile', async () => {
    const { step, calls } = flakyStep(0);
    render(<App host={stubHost({ sheets: [cleanRubric()] })} steps={[STEPS[0]!, step]} />);
    await screen.findByRole('tree', { name: '表格结构' });
    expect(calls()).toBe(0);
    fireEvent.click(screen.getByRole('tab', { name: '规则' }));
    expect(within(screen.getByRole('tabpanel')).getByRole('status').textContent).toBe('正在打开这一步…');
    expect(await screen.findByText('fetched step, 1 sheet')).toBeTruthy();
    expect(calls()).toBe(1);
  });

  it('a chunk that cannot be fetched is said in zh and en, never a blank pane, and 重新读取 fetches it again', async () => {
    const { step, calls } = flakyStep(1);
    render(<App host={stubHost({ sheets: [cleanRubric()] })} steps={[STEPS[0]!, step]} />);
    await screen.findByRole('tree', { name: '表格结构' });
    fireEvent.click(screen.getByRole('tab', { name: '规则' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('这一步没能打开');
    expect(alert.textContent).toContain('工作簿未被改动');
    // The browser's own words and the chunk's file name are not the assessor's business.
    expect(alert.textContent).not.toMatch(/Failed to fetch|RulesStep|\.js/);
    fireEvent.click(screen.getByRole('button', { name: /English/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('This step could not be opened');
    expect(screen.getByRole('alert').textContent).toContain('Nothing in the workbook was changed');
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Read again' }));
    expect(await screen.findByText('fetched step, 1 sheet')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls()).toBe(2);
  });
});
