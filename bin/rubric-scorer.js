#!/usr/bin/env node
// Starts the CLI from its build (dist-cli/main.js, made by `npm ci` through the `prepare` script, or
// by `npm run build:cli`). Where the build is missing or older than a source file (a checkout being
// edited), it runs the TypeScript sources directly instead, so the CLI never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist-cli', 'main.js');

/** Newest modification time of the files under a folder (0 when it does not exist). */
function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// A reader that stops early (`rubric-scorer check … | head`) closes the pipe: not an error to report.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

let main;
if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'src'))) {
  main = await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/cli/main.ts');
}
process.exitCode = await main.run(process.argv.slice(2));
