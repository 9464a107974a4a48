/**
 * Writes dist/manifest.xml for a deployment: every https://localhost:3000 URL in manifest.xml is
 * replaced by ADDIN_BASE_URL (e.g. https://intranet.example/rubric-scorer). Without the variable the
 * development URLs are kept and a warning says so. Run after `vite build`. It also points
 * dist/taskpane.html's office.js at the source OFFICE_JS names (global, 21vianet or local).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_BASE_URL = 'https://localhost:3000';

/**
 * The manifest with its development base URL replaced.
 * @throws Error when the base URL is not an absolute https URL (Office loads add-ins over https only).
 * @example withBaseUrl(xml, 'https://oa.example.cn/rubric')
 */
export function withBaseUrl(manifestXml: string, baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${baseUrl}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must use https: ${baseUrl}`);
  const base = baseUrl.replace(/\/+$/, '');
  const xml = manifestXml.split(DEV_BASE_URL).join(base);
  // AppDomains holds an origin, not a path.
  return xml.replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${url.origin}</AppDomain>`);
}

/** Where the task pane loads office.js from (OFFICE_JS): Microsoft's CDN, 21Vianet's, or the copy in the build. */
export const OFFICE_JS_SOURCES = {
  global: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  '21vianet': 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
  local: './office-js/office.js',
} as const;
export type OfficeJsSource = keyof typeof OFFICE_JS_SOURCES;

/**
 * The OFFICE_JS setting read: unset means global.
 * @throws Error naming the allowed values when the setting is none of them.
 */
export function officeJsSource(text: string | undefined): OfficeJsSource {
  const v = (text ?? '').trim().toLowerCase() || 'global';
  if (v in OFFICE_JS_SOURCES) return v as OfficeJsSource;
  throw new Error(`OFFICE_JS must be one of ${Object.keys(OFFICE_JS_SOURCES).join(', ')}: ${text}`);
}

const OFFICE_JS_TAG = /<script\b[^>]*\bsrc="[^"]*office\.js"[^>]*><\/script>/g;

/**
 * The task pane page loading office.js from `source`: its one office.js script tag re-pointed.
 * @throws Error when the page has no office.js tag or more than one.
 * @example withOfficeJs(html, '21vianet')
 */
export function withOfficeJs(html: string, source: OfficeJsSource): string {
  const tags = html.match(OFFICE_JS_TAG) ?? [];
  if (tags.length !== 1)
    throw new Error(`taskpane.html: expected one office.js script tag, found ${tags.length}`);
  return html.replace(OFFICE_JS_TAG, `<script src="${OFFICE_JS_SOURCES[source]}"></script>`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  // vite.config.ts writes the global or the local tag; the 21Vianet CDN is chosen here, after it.
  const source = officeJsSource(process.env.OFFICE_JS);
  const pane = join(root, 'dist', 'taskpane.html');
  if (existsSync(pane)) writeFileSync(pane, withOfficeJs(readFileSync(pane, 'utf8'), source));
  console.log(`dist/taskpane.html loads office.js from ${OFFICE_JS_SOURCES[source]}`);
  const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
  const base = process.env.ADDIN_BASE_URL;
  if (!base) console.warn(`ADDIN_BASE_URL is not set: dist/manifest.xml keeps ${DEV_BASE_URL}`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'manifest.xml'), base ? withBaseUrl(xml, base) : xml);
  console.log('wrote dist/manifest.xml');
}
