/** WPS with no workbook open: a fault of its own, said in the pane's language with what to do. */
import { describe, expect, it } from 'vitest';
import { HostEnvironmentError } from '../../src/host/errors';
import { hostMessage } from '../../src/host/messages';
import { createWpsHost, type WpsHostOptions } from '../../src/host/wps';

const CJK = /[\u4e00-\u9fff]/;

describe('WPS host with no workbook open', () => {
  it('rejects the read with the noWorkbook code, whose English text has no Chinese in it', async () => {
    const application = { ActiveWorkbook: null } as unknown as WpsHostOptions['application'];
    const host = createWpsHost({ application, displayLanguage: () => 'en-US' });
    const error = await host.readWorkbook().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostEnvironmentError);
    const e = error as HostEnvironmentError;
    expect(e.code).toBe('noWorkbook');
    expect(e.localized('en')).not.toMatch(CJK);
    expect(e.localized('en')).toBe(hostMessage('noWorkbook', {}, 'en'));
    expect(hostMessage('noWorkbook', {}, 'zh')).toMatch(CJK);
  });
});
