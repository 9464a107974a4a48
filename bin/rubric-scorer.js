#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step), so `npx rubric-scorer` works right after install.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
