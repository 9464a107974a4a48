/**
 * An error nobody foresaw is said in the catalogue's words (something went wrong, read again and
 * retry); its own text goes to the console only, never into the pane.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { faultText } from '../../src/taskpane/components/FaultBar';
import { translator } from '../../src/taskpane/i18n';
import { faultFrom } from '../../src/taskpane/state/faults';

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
