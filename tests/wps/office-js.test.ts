/** OFFICE_JS: which CDN (or the local copy) the Excel task pane loads office.js from. */
import { describe, expect, it } from 'vitest';
import { OFFICE_JS_SOURCES, officeJsSource, withOfficeJs } from '../../scripts/build-manifest';

const BUILT =
  '<!doctype html><html><head><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' +
  '<script type="module" crossorigin src="./assets/taskpane-x.js"></script></head><body></body></html>';

describe('office.js source', () => {
  it('unset is the global CDN; the three names are read case-insensitively; others are refused', () => {
    expect(officeJsSource(undefined)).toBe('global');
    expect(officeJsSource('')).toBe('global');
    expect(officeJsSource('21Vianet')).toBe('21vianet');
    expect(officeJsSource('local')).toBe('local');
    expect(() => officeJsSource('china')).toThrow(/global, 21vianet, local/);
  });

  it('re-points the one office.js tag and leaves the pane script alone', () => {
    const html = withOfficeJs(BUILT, '21vianet');
    expect(html).toContain(
      '<script src="https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js"></script>',
    );
    expect(html).not.toContain('appsforoffice.microsoft.com');
    expect(html).toContain('src="./assets/taskpane-x.js"');
    expect(withOfficeJs(html, 'global')).toBe(BUILT);
    expect(withOfficeJs(BUILT, 'local')).toContain(`<script src="${OFFICE_JS_SOURCES.local}"></script>`);
  });

  it('a page without an office.js tag, or with two, is refused rather than left pointing elsewhere', () => {
    expect(() => withOfficeJs('<html><head></head></html>', 'global')).toThrow(/found 0/);
    const two = BUILT.replace('</head>', '<script src="./office-js/office.js"></script></head>');
    expect(() => withOfficeJs(two, 'global')).toThrow(/found 2/);
  });
});

describe('the pane page as vite serves and builds it', () => {
  it('names the office.js source OFFICE_JS gives, in the dev server as in the build', async () => {
    const { addinShell } = await import('../../vite.config');
    for (const source of ['global', '21vianet', 'local'] as const) {
      const plugin = addinShell(source);
      const hook = plugin.transformIndexHtml as () => { tag: string; attrs: { src: string } }[];
      const tags = hook();
      expect(tags).toHaveLength(1);
      expect(tags[0]?.tag).toBe('script');
      expect(tags[0]?.attrs.src).toBe(OFFICE_JS_SOURCES[source]);
    }
  });
});
