/**
 * Writes dist/manifest.xml for a deployment: every https://localhost:3000 URL in manifest.xml is
 * replaced by ADDIN_BASE_URL (e.g. https://intranet.example/rubric-scorer). Without the variable the
 * development URLs are kept and a warning says so. Run after `vite build`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
  const base = process.env.ADDIN_BASE_URL;
  if (!base) console.warn(`ADDIN_BASE_URL is not set: dist/manifest.xml keeps ${DEV_BASE_URL}`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'manifest.xml'), base ? withBaseUrl(xml, base) : xml);
  console.log('wrote dist/manifest.xml');
}
