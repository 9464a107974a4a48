/**
 * The WPS add-in as `npm run build:wps` lays it out: ribbon.xml as WPS parses it, its callbacks
 * present on the entry page's `ribbon` object, the pane page where the callback opens it, and the
 * deployment files naming the intranet URL.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addinUrl, jspluginsXml, publishHtml, rootedAddinPage } from '../../scripts/build-wps';
import { PANE_TITLE, ribbonCallbacks, TASKPANE_PATH, type WpsAddinApi } from '../../src/wps/addin';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist-wps');
const URL_ = 'http://oa.example.gov.cn/addins/rubric-scorer/';

/** A fake of the three WPS globals the callbacks use, recording the panes created. */
function fakeWps() {
  const store = new Map<string, string>();
  const panes: { url: string; title: string; pane: { ID: number; Visible: boolean } }[] = [];
  const api: WpsAddinApi = {
    CreateTaskPane(url, title) {
      const pane = { ID: 100 + panes.length, Visible: false };
      panes.push({ url, title, pane });
      return pane;
    },
    GetTaskPane(id) {
      return panes.find((p) => p.pane.ID === id)?.pane;
    },
    PluginStorage: {
      getItem: (k) => store.get(k) ?? '',
      setItem: (k, v) => void store.set(k, String(v)),
    },
  };
  return { api, panes };
}

describe('npm run build:wps', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build:wps'], {
      cwd: ROOT,
      env: { ...process.env, WPS_ADDIN_URL: URL_ },
      stdio: 'pipe',
    });
  }, 120_000);

  it('ribbon.xml begins with <customUI (no XML declaration) and is well-formed', () => {
    const ribbon = readFileSync(join(DIST, 'ribbon.xml'), 'utf8');
    expect(ribbon.startsWith('<customUI')).toBe(true);
    expect(() =>
      execFileSync('xmllint', ['--noout', join(DIST, 'ribbon.xml')], { stdio: 'pipe' }),
    ).not.toThrow();
    expect(ribbon).toContain('label="评分表助手"');
  });

  it('every callback ribbon.xml names exists on the ribbon object and is not async', () => {
    const ribbon = readFileSync(join(DIST, 'ribbon.xml'), 'utf8');
    const named = [...ribbon.matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getLabel)="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(named.length).toBeGreaterThanOrEqual(2);
    const callbacks = ribbonCallbacks(fakeWps().api, `${URL_}index.html`) as unknown as Record<
      string,
      unknown
    >;
    for (const name of named) {
      const [obj, fn] = name!.split('.');
      expect(obj).toBe('ribbon');
      expect(typeof callbacks[fn!]).toBe('function');
      expect((callbacks[fn!] as { constructor: { name: string } }).constructor.name).toBe('Function');
    }
    // The built entry page assigns the object WPS looks the names up on.
    const page = readFileSync(join(DIST, 'index.html'), 'utf8');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script && existsSync(join(DIST, script))).toBe(true);
    const bundle = readFileSync(join(DIST, script!), 'utf8');
    expect(bundle).toMatch(/window\.ribbon\s*=/);
    for (const name of named) expect(bundle).toContain(name!.split('.')[1]);
  });

  it('the button opens the built pane page at the add-in URL, then shows and hides that one pane', () => {
    const { api, panes } = fakeWps();
    const ribbon = ribbonCallbacks(api, `${URL_}index.html?v=1`);
    ribbon.OnAction({ Id: 'rubricScorerShowPane' });
    expect(panes).toHaveLength(1);
    expect(panes[0]?.url).toBe(`${URL_}${TASKPANE_PATH}`);
    expect(panes[0]?.title).toBe(PANE_TITLE);
    expect(panes[0]?.pane.Visible).toBe(true);
    expect(existsSync(join(DIST, TASKPANE_PATH))).toBe(true);
    ribbon.OnAction({ Id: 'rubricScorerShowPane' });
    expect(panes).toHaveLength(1);
    expect(panes[0]?.pane.Visible).toBe(false);
    expect(existsSync(join(DIST, ribbon.GetImage({}).slice(URL_.length)))).toBe(true);
  });

  it('the pane page carries no office.js and the bundles no crypto.randomUUID', () => {
    expect(readFileSync(join(DIST, TASKPANE_PATH), 'utf8')).not.toMatch(/<script[^>]*office\.js/);
    for (const f of readdirSync(join(DIST, 'assets')).filter((n) => n.endsWith('.js')))
      expect(readFileSync(join(DIST, 'assets', f), 'utf8'), f).not.toContain('randomUUID');
  });

  it('jsplugins.xml (online mode) and publish.html (publish mode) name the add-in URL for WPS 表格', () => {
    const xml = readFileSync(join(DIST, 'jsplugins.xml'), 'utf8');
    expect(() =>
      execFileSync('xmllint', ['--noout', join(DIST, 'jsplugins.xml')], { stdio: 'pipe' }),
    ).not.toThrow();
    expect(xml).toContain(`url="${URL_}"`);
    expect(xml).toContain('type="et"');
    expect(xml).toContain('<jspluginonline ');
    const page = readFileSync(join(DIST, 'publish.html'), 'utf8');
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(page).toContain(
      `/*ADDIN_ENTRY*/ {"name":"rubric-scorer","addonType":"et","online":"true","url":"${URL_}","version":"${version}"}`,
    );
    expect(existsSync(join(DIST, 'publish'))).toBe(false);
  });
});

describe('deployment files', () => {
  it('the add-in URL gains its trailing slash; other schemes and non-URLs are refused', () => {
    expect(addinUrl('https://oa.example.cn/rs')).toBe('https://oa.example.cn/rs/');
    expect(() => addinUrl('file:///C:/addins/rs/')).toThrow(/http or https/);
    expect(() => addinUrl('oa/rs')).toThrow(/not a URL/);
  });

  it('attribute text is escaped', () => {
    expect(jspluginsXml('http://oa.example.cn/a?x=1&y=2')).toContain(
      'url="http://oa.example.cn/a?x=1&amp;y=2/"',
    );
  });

  it('the publish page carries the entry as a script literal that no text in it can end', () => {
    const template = readFileSync(join(ROOT, 'wps', 'publish.html'), 'utf8');
    const page = publishHtml(template, 'http://oa.example.cn/rs/', '1.2.3</script><b>');
    expect(page).not.toContain('</script><b>');
    expect(page).toContain('\\u003c/script>\\u003cb>');
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(() => publishHtml('<html></html>', 'http://oa.example.cn/rs/', '1')).toThrow(/marker/);
  });

  it('the add-in page moved up one folder keeps its asset links', () => {
    expect(rootedAddinPage('<script src="../assets/a.js"></script><link href="../assets/b.js">')).toBe(
      '<script src="./assets/a.js"></script><link href="./assets/b.js">',
    );
  });
});
