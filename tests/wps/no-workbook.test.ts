/** WPS with no workbook open: a fault of its own, said in the pane's language with what to do. */
import { describe, expect, it } from 'vitest';
import { HostEnvironmentError } from '../../src/host/errors';
import { hostMessage } from '../../src/host/messages';
import { createWpsHost, type WpsHostOptions } from '../../src/host/wps';
import { faultText } from '../../src/taskpane/components/FaultBar';
import { translator } from '../../src/taskpane/i18n';
import { faultFrom } from '../../src/taskpane/state/faults';

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

  it('is shown in the pane under a title of its own, not as an error Excel reported', () => {
    const fault = faultFrom(new HostEnvironmentError('noWorkbook', {}));
    for (const lang of ['zh', 'en'] as const) {
      const t = translator(lang);
      const { title, body } = faultText(fault, lang, t);
      expect(title).toBe(t('fault.title.noWorkbook'));
      expect(title).not.toBe(t('fault.title.host'));
      expect(body).toBe(hostMessage('noWorkbook', {}, lang));
    }
  });
});
