/**
 * An error nobody foresaw is said in the catalogue's words (something went wrong, read again and
 * retry); its own text goes to the console only, never into the pane.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { faultText } from '../../src/taskpane/components/FaultBar';
import { translator } from '../../src/taskpane/i18n';
import { HostEnvironmentError } from '../../src/host/errors';
import { faultFrom, startFailureText } from '../../src/taskpane/state/faults';

afterEach(() => vi.restoreAllMocks());

describe('an unexpected fault', () => {
  it('carries no error text, and the error goes to the console', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = new TypeError('Cannot read properties of undefined (reading x)');
    expect(faultFrom(error)).toEqual({ kind: 'unexpected' });
    expect(log).toHaveBeenCalledWith(error);
    expect(faultFrom('text')).toEqual({ kind: 'unexpected' });
  });

  it('is worded by the catalogue in both languages, with what to do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fault = faultFrom(new Error('internal words'));
    const zh = faultText(fault, 'zh', translator('zh'));
    const en = faultText(fault, 'en', translator('en'));
    expect(zh.body).toContain('重新读取');
    expect(en.body).toContain('Read again');
    for (const text of [zh.title, zh.body, en.title, en.body]) expect(text).not.toContain('internal words');
  });
});

describe('a pane that could not start', () => {
  it('says a host fault in its own words and anything else in the catalogue’s', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(startFailureText(new HostEnvironmentError('noWorkbook', {}), 'en')).toContain(
      'No workbook is open',
    );
    const zh = startFailureText(new Error('internal words'), 'zh');
    expect(zh).toContain('没能启动');
    expect(zh).not.toContain('internal words');
    expect(startFailureText('x', 'en')).toContain('could not start');
    expect(log).toHaveBeenCalledTimes(2);
  });
});
