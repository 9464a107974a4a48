/**
 * The CLI runs from its build: `npm ci` builds dist-cli/main.js (the `prepare` script), and the built
 * module says exactly what the sources say. Under CI=true a missing build fails, never skips.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { capture } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const INSTALLED = join(ROOT, 'dist-cli', 'main.js');

describe('the built CLI', () => {
  let built: string;
  beforeAll(() => {
    if (process.env.CI === 'true') {
      // npm ci ran the prepare script: the build must be there.
      expect(existsSync(INSTALLED), 'dist-cli/main.js (npm ci runs `npm run build:cli`)').toBe(true);
    }
    // Build afresh into a folder of its own, so the comparison is with today's sources.
    const out = mkdtempSync(join(tmpdir(), 'cli-build-'));
    execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--outDir', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    built = join(out, 'main.js');
  }, 120_000);

  for (const args of [
    ['check', 'samples/', '--lang', 'zh'],
    ['check', 'samples/', '--json', '--lang', 'en'],
    ['check', 'no-such-file.xlsx'],
  ]) {
    it(`says what the sources say: ${args.join(' ')}`, async () => {
      const { run: runBuilt } = (await import(pathToFileURL(built).href)) as { run: typeof run };
      const a = capture();
      const b = capture();
      const codeSrc = await run(args, a.io);
      const codeBuilt = await runBuilt(args, b.io);
      expect(codeBuilt).toBe(codeSrc);
      expect(b.out()).toBe(a.out());
      expect(b.err()).toBe(a.err());
      expect(a.out().length + a.err().length).toBeGreaterThan(0);
    });
  }

  it('bin/ starts the build when it is fresh, and the sources when the build is missing or older', () => {
    // A copy of bin/ over a stand-in build and stand-in sources that say which one ran.
    const root = mkdtempSync(join(tmpdir(), 'cli-bin-'));
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    copyFileSync(join(ROOT, 'bin', 'rubric-scorer.js'), join(root, 'bin', 'rubric-scorer.js'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'package.json'), '{"type":"module"}');
    const stand = (who: string) =>
      `export async function run(args: string[]): Promise<number> { process.stdout.write('${who} ' + args.join(' ')); return 3; }\n`;
    writeFileSync(join(root, 'src', 'cli', 'main.ts'), stand('sources'));
    const start = () => {
      const r = spawnSync('node', [join(root, 'bin', 'rubric-scorer.js'), 'check', 'x'], {
        encoding: 'utf8',
      });
      return { code: r.status, out: r.stdout };
    };
    expect(start()).toEqual({ code: 3, out: 'sources check x' });
    mkdirSync(join(root, 'dist-cli'));
    writeFileSync(
      join(root, 'dist-cli', 'main.js'),
      stand('build').replace(/: string\[\]|: Promise<number>/g, ''),
    );
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'src', 'cli', 'main.ts'), old, old);
    expect(start()).toEqual({ code: 3, out: 'build check x' });
    // A source edited after the build: the build is stale, the sources run.
    utimesSync(join(root, 'src', 'cli', 'main.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(start()).toEqual({ code: 3, out: 'sources check x' });
  }, 60_000);
});
