/**
 * Finishes the WPS add-in after `vite build --config vite.wps.config.ts`: moves the add-in page to
 * dist-wps/index.html (WPS loads index.html and ribbon.xml from the add-in's URL), copies
 * ribbon.xml and the icons, and writes the deployment files for WPS_ADDIN_URL (the intranet URL
 * of the dist-wps/ folder):
 * - jsplugins.xml, online mode: WPS reads it from the URL in oem.ini's JSPluginsServer.
 * - publish.html, publish mode: a page each user opens once in a browser; it registers the add-in
 *   with WPS through WPS's local add-in service (127.0.0.1:58890), which writes the entry WPS keeps
 *   in its jsaddons folder.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADDIN_NAME = 'rubric-scorer';
export const DEV_WPS_URL = 'http://127.0.0.1:3889/rubric-scorer/';

/** XML attribute text. */
function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * The add-in's URL as WPS wants it: absolute http(s), ending in '/'.
 * @throws Error when the text is not an http or https URL.
 */
export function addinUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`WPS_ADDIN_URL is not a URL: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`WPS_ADDIN_URL must use http or https: ${text}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * jsplugins.xml for online mode: WPS 表格 (type et) loads the add-in from `url` on every start.
 * @example jspluginsXml('http://oa.example.cn/rubric-scorer/')
 */
export function jspluginsXml(url: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<jsplugins>',
    `  <jspluginonline name="${ADDIN_NAME}" type="et" url="${attr(addinUrl(url))}"/>`,
    '</jsplugins>',
    '',
  ].join('\n');
}

/** What the publish page sends to WPS's add-in service for this add-in. */
export interface PublishEntry {
  name: string;
  /** WPS 表格. */
  addonType: 'et';
  /** Online mode: WPS loads the add-in from `url` (no packed copy). */
  online: 'true';
  url: string;
  version: string;
}

/** The marker in wps/publish.html that the add-in's entry replaces, with the placeholder after it. */
const ENTRY_MARK = /\/\*ADDIN_ENTRY\*\/ \{[^}]*\}/;

/**
 * The publish-mode page (wps/publish.html) for the add-in served at `url`: the entry is written as
 * a script literal, with `<` escaped so that no text in it can end the script.
 * @throws Error when the template lacks its entry marker.
 */
export function publishHtml(template: string, url: string, version: string): string {
  if (!ENTRY_MARK.test(template)) throw new Error('wps/publish.html lacks its /*ADDIN_ENTRY*/ marker');
  const entry: PublishEntry = {
    name: ADDIN_NAME,
    addonType: 'et',
    online: 'true',
    url: addinUrl(url),
    version,
  };
  const literal = JSON.stringify(entry).replace(/</g, '\\u003c');
  return template.replace(ENTRY_MARK, () => `/*ADDIN_ENTRY*/ ${literal}`);
}

/** The add-in page moved from dist-wps/wps/ to dist-wps/: its ../ asset links become ./ ones. */
export function rootedAddinPage(html: string): string {
  return html.replace(/(src|href)="\.\.\//g, '$1="./');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dist = join(root, 'dist-wps');
  const page = join(dist, 'wps', 'index.html');
  if (!existsSync(page))
    throw new Error('dist-wps/wps/index.html missing: run vite build --config vite.wps.config.ts first');
  writeFileSync(join(dist, 'index.html'), rootedAddinPage(readFileSync(page, 'utf8')));
  rmSync(join(dist, 'wps'), { recursive: true });
  copyFileSync(join(root, 'wps', 'ribbon.xml'), join(dist, 'ribbon.xml'));
  mkdirSync(join(dist, 'assets'), { recursive: true });
  for (const f of readdirSync(join(root, 'assets')).filter((n) => /^icon-\d+\.png$/.test(n)))
    copyFileSync(join(root, 'assets', f), join(dist, 'assets', f));
  const url = process.env.WPS_ADDIN_URL;
  if (!url) console.warn(`WPS_ADDIN_URL is not set: the deployment files name ${DEV_WPS_URL}`);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  writeFileSync(join(dist, 'jsplugins.xml'), jspluginsXml(url ?? DEV_WPS_URL));
  const template = readFileSync(join(root, 'wps', 'publish.html'), 'utf8');
  writeFileSync(join(dist, 'publish.html'), publishHtml(template, url ?? DEV_WPS_URL, version));
  console.log('wrote dist-wps/ (index.html, ribbon.xml, taskpane/, assets/, jsplugins.xml, publish.html)');
}
