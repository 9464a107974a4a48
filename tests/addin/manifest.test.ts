import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_BASE_URL, withBaseUrl } from '../../scripts/build-manifest';
import { drawIcon, encodePng, ICON_SIZES } from '../../scripts/make-icons';

const ROOT = resolve(import.meta.dirname, '../..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

/** The schema set sits in shared/office-schemas beside the checkout. */
const XSD = [resolve(ROOT, '../shared/office-schemas')]
  .map((d) => join(d, 'OfficeAppManifestV1_1.xsd'))
  .find((f) => existsSync(f));

function xmllint(xml: string): { status: number | null; output: string } {
  if (!XSD)
    throw new Error('OfficeAppManifestV1_1.xsd not found beside the checkout (../shared/office-schemas)');
  const file = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'manifest.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const all = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => m[1]!);
const resources = MANIFEST.slice(MANIFEST.indexOf('<Resources>'), MANIFEST.indexOf('</Resources>'));
const CJK = /[\u4e00-\u9fff]/;

describe('manifest.xml', () => {
  it('validates against the OfficeApp 1.1 schema set, and the check catches a broken manifest', () => {
    const ok = xmllint(MANIFEST);
    expect(ok.output).toContain('validates');
    expect(ok.status).toBe(0);
    const broken = xmllint(MANIFEST.replace(/<Id>[^<]*<\/Id>/, ''));
    expect(broken.status).toBe(3);
  });

  it('is an Excel task pane add-in that can write to the document, opened from the Home tab', () => {
    expect(MANIFEST).toMatch(/xsi:type="TaskPaneApp"/);
    expect(all(/<Host Name="([^"]+)"/g, MANIFEST)).toEqual(['Workbook']);
    expect(MANIFEST).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(MANIFEST).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(MANIFEST).toMatch(/<OfficeTab id="TabHome">/);
    expect(MANIFEST).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(MANIFEST).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
    expect(all(/<SourceLocation DefaultValue="([^"]+)"/g, MANIFEST)).toEqual([
      `${DEV_BASE_URL}/taskpane.html`,
    ]);
  });

  it('resolves every resid to exactly one resource of the right kind', () => {
    const ids = all(/\bid="([^"]+)"/g, resources);
    expect(new Set(ids).size).toBe(ids.length);
    const resids = all(/resid="([^"]+)"/g, MANIFEST);
    expect(resids.length).toBeGreaterThan(5);
    for (const id of resids) expect(ids, id).toContain(id);
    const images = all(/<bt:Image id="([^"]+)"/g, resources);
    for (const id of all(/<bt:Image size="\d+" resid="([^"]+)"/g, MANIFEST)) expect(images).toContain(id);
  });

  it('gives every user-visible string a Chinese default and an en-US override', () => {
    for (const tag of ['DisplayName', 'Description']) {
      const m = new RegExp(
        `<${tag} DefaultValue="([^"]+)">\\s*<Override Locale="en-US" Value="([^"]+)"/>`,
      ).exec(MANIFEST);
      expect(m, tag).not.toBeNull();
      expect(m![1]).toMatch(CJK);
      expect(m![2]).not.toMatch(CJK);
    }
    const strings = [
      ...resources.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]+)">([\s\S]*?)<\/bt:String>/g),
    ];
    const declared = all(/<bt:String id="([^"]+)"/g, resources);
    expect(strings.map((m) => m[1])).toEqual(declared);
    for (const [, id, zh, body] of strings) {
      expect(zh, id).toMatch(CJK);
      const en = /<bt:Override Locale="en-US" Value="([^"]+)"\/>/.exec(body!);
      expect(en, id).not.toBeNull();
      expect(en![1]).not.toMatch(CJK);
    }
  });

  it('points every image at a committed icon of the size it names', () => {
    const urls = all(/(?:DefaultValue)="(https:\/\/localhost:3000\/assets\/[^"]+\.png)"/g, MANIFEST);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      const file = join(ROOT, url.slice(`${DEV_BASE_URL}/`.length));
      const size = Number(/icon-(\d+)\.png$/.exec(url)![1]);
      expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
    }
  });
});

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('icons', () => {
  it.each(ICON_SIZES)(
    'assets/icon-%i.png exists at its size and is what scripts/make-icons.ts draws',
    (size) => {
      const png = readFileSync(join(ROOT, 'assets', `icon-${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
      expect(png.equals(encodePng(size, drawIcon(size)))).toBe(true);
    },
  );

  it('draws an opaque glyph on a transparent ground', () => {
    const px = drawIcon(32);
    const alpha = (x: number, y: number) => px[(y * 32 + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(10, 8)).toBe(255);
    expect(alpha(23, 23)).toBe(255);
  });
});

describe('release manifest', () => {
  it('replaces the development URL with ADDIN_BASE_URL and still validates', () => {
    const out = withBaseUrl(MANIFEST, 'https://oa.example.cn/rubric-scorer/');
    expect(out).not.toContain('localhost');
    expect(out).toContain(
      '<SourceLocation DefaultValue="https://oa.example.cn/rubric-scorer/taskpane.html"/>',
    );
    expect(out).toContain('<AppDomain>https://oa.example.cn</AppDomain>');
    expect(xmllint(out).status).toBe(0);
  });

  it('refuses a base URL that is not https', () => {
    expect(() => withBaseUrl(MANIFEST, 'http://oa.example.cn')).toThrow(/https/);
    expect(() => withBaseUrl(MANIFEST, 'oa.example.cn')).toThrow(/not a URL/);
  });
});

const isFile = (f: string) => existsSync(f) && statSync(f).isFile();

describe('production bundle boundary', () => {
  /** Every module reachable from the task pane entry through relative imports. */
  function reachable(entry: string): Map<string, string[]> {
    const seen = new Map<string, string[]>();
    const stack = [entry];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      const text = readFileSync(file, 'utf8');
      // Static imports and exports, and modules loaded on demand (import('./x')).
      const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
        (m) => (m[1] ?? m[2])!,
      );
      seen.set(file, specs);
      for (const spec of specs.filter((s) => s.startsWith('.'))) {
        const base = resolve(dirname(file), spec);
        const hit = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''].map((e) => base + e).find(isFile);
        if (hit) stack.push(hit);
      }
    }
    return seen;
  }

  it('never reaches src/fake-excel or HyperFormula from src/taskpane/main.tsx or src/host', () => {
    const graph = reachable(join(ROOT, 'src/taskpane/main.tsx'));
    for (const f of ['src/host/office.ts', 'src/host/types.ts', 'src/host/errors.ts']) {
      for (const [k, v] of reachable(join(ROOT, f))) graph.set(k, v);
    }
    expect(graph.has(join(ROOT, 'src/host/office.ts'))).toBe(true);
    expect(graph.has(join(ROOT, 'src/core/a1.ts'))).toBe(true);
    for (const [file, specs] of graph) {
      expect(file).not.toContain('fake-excel');
      for (const s of specs) expect(`${file} → ${s}`).not.toMatch(/hyperformula|fake-excel/);
    }
  });
});
