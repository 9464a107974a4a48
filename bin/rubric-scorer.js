#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step), so `npx rubric-scorer` works right after install.
import { register } from 'tsx/esm/api';

// A reader that stops early (`rubric-scorer check … | head`) closes the pipe: not an error to report.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
