/**
 * A fault the WPS adapter finds itself (WPS answers with something it cannot read) is a host fault
 * with its own code and catalogue text in both languages, not a plain Error that would reach the
 * pane as "Excel reported GeneralException: …" with the adapter's internal wording.
 */
import { describe, expect, it } from 'vitest';
import { HostEnvironmentError } from '../../src/host/errors';
import { createWpsHost } from '../../src/host/wps';
import type { EtApplication } from '../../src/host/wps/et';

/** One visible sheet whose used range WPS describes with an address that is no range. */
function garbledApp(): EtApplication {
  const sheet = {
    Name: 'Sheet1',
    Visible: -1,
    ProtectContents: false,
    UsedRange: {
      Address(): string {
        return '??';
      },
      Value2: null,
      Formula: '',
    },
  };
  return {
    ActiveWorkbook: {
      Worksheets: {
        Count: 1,
        Item(): typeof sheet {
          return sheet;
        },
      },
    },
  } as unknown as EtApplication;
}

describe('the WPS adapter’s own faults', () => {
  it('an address WPS gives that is not a range is a host fault with a catalogue text', async () => {
    const host = createWpsHost({ application: garbledApp(), displayLanguage: () => 'zh-CN' });
    const error = await host.readWorkbook().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostEnvironmentError);
    const fault = error as HostEnvironmentError;
    expect(fault.code).toBe('unreadableAnswer');
    for (const [lang, words] of [
      ['zh', '重新读取'],
      ['en', 'Read again'],
    ] as const) {
      expect(fault.localized(lang)).toContain(words);
      expect(fault.localized(lang)).not.toMatch(/GeneralException|not a range|\?\?/);
    }
  });
});
