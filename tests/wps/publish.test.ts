/**
 * The publish-mode page in Debian's Chromium, with WPS's local add-in service (127.0.0.1:58890)
 * played by request routing: the page reports what the service says, and 安装 / 卸载 send the
 * add-in's entry as the service reads it (base64 of the JSON's UTF-8 bytes).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishHtml } from '../../scripts/build-wps';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from '../e2e/harness';

const URL_ = 'http://oa.example.gov.cn/addins/rubric-scorer/';
const SERVICE = 'http://127.0.0.1:58890';

let browser: Browser;
let dir: string;
let file: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  dir = mkdtempSync(join(tmpdir(), 'rs-publish-'));
  file = join(dir, 'publish.html');
  writeFileSync(file, publishHtml(readFileSync(join(ROOT, 'wps', 'publish.html'), 'utf8'), URL_, '1.4.0'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Service {
  /** Decoded bodies sent to /deployaddons/runParams. */
  deployed: Record<string, string>[];
  /** Navigations to WPS's start-up protocol. */
  starts: number;
}

/** Opens the page with the service answering `list` for /publishlist (null: nothing listens). */
async function open(list: unknown[] | null, deployAnswer = 'OK'): Promise<{ page: Page; svc: Service }> {
  const page = await browser.newPage();
  const svc: Service = { deployed: [], starts: 0 };
  const cors = { 'access-control-allow-origin': '*' };
  await page.route(`${SERVICE}/**`, async (route) => {
    if (list === null) return route.abort('connectionrefused');
    const path = new URL(route.request().url()).pathname;
    if (path === '/publishlist')
      return route.fulfill({ status: 200, headers: cors, body: JSON.stringify(list) });
    if (path === '/deployaddons/runParams') {
      const body = route.request().postData() ?? '';
      svc.deployed.push(JSON.parse(Buffer.from(body, 'base64').toString('utf8')));
      return route.fulfill({ status: 200, headers: cors, body: deployAnswer });
    }
    return route.fulfill({ status: 404, headers: cors, body: '{}' });
  });
  page.on('framenavigated', (f) => {
    if (f.url().startsWith('ksowpscloudsvr:')) svc.starts++;
  });
  page.on('request', (r) => {
    if (r.url().toLowerCase().startsWith('ksowpscloudsvr:')) svc.starts++;
  });
  await page.goto(`file://${file}`);
  return { page, svc };
}

const status = (page: Page) => page.locator('#status');

describe('publish.html (WPS publish mode)', () => {
  it('installs: sends the add-in entry with cmd enable, and says to restart WPS', async () => {
    const { page, svc } = await open([]);
    await expect.poll(() => status(page).textContent()).toContain('尚未安装');
    await page.click('#install');
    await expect.poll(() => status(page).textContent()).toContain('已安装');
    expect(svc.deployed).toEqual([
      { cmd: 'enable', name: 'rubric-scorer', url: URL_, addonType: 'et', online: 'true', version: '1.4.0' },
    ]);
    expect(await status(page).textContent()).toContain('重启 WPS');
    await page.close();
  }, 30_000);

  it('shows the installed version, and 卸载 sends cmd disable', async () => {
    const { page, svc } = await open([{ name: 'rubric-scorer', version: '1.3.0', enable: 'true' }]);
    await expect.poll(() => status(page).textContent()).toContain('已安装（版本 1.3.0）');
    await page.click('#remove');
    await expect.poll(() => status(page).textContent()).toContain('已卸载');
    expect(svc.deployed.map((d) => d.cmd)).toEqual(['disable']);
    await page.close();
  }, 30_000);

  it('a refused request is said, not reported as installed', async () => {
    const { page } = await open([], 'FAILED');
    await expect.poll(() => status(page).textContent()).toContain('尚未安装');
    await page.click('#install');
    await expect.poll(() => status(page).textContent()).toContain('没有接受');
    expect(await status(page).getAttribute('data-state')).toBe('error');
    await page.close();
  }, 30_000);

  it('with no WPS service it tries to start WPS once, then says what to do; buttons stay off', async () => {
    const { page, svc } = await open(null);
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toContain('无法连接本机 WPS');
    expect(svc.starts).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#install').isDisabled()).toBe(true);
    await page.close();
  }, 30_000);
});
