/**
 * Traditional → simplified conversion for the built CLI (vite.cli.config.ts puts this module where
 * src/core/text.ts imports opencc-js/t2cn). Building opencc-js's dictionary costs a fair part of
 * the CLI's start-up, and most workbooks hold no character it would change: the dictionary is
 * built, once, on the first text one of whose characters starts a conversion rule
 * (hasTraditional, exact for the dictionary's rules: tests/taskpane/traditional.test.tsx). Any
 * other text converts to itself, so the result is opencc-js's on every text.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { hasTraditional } from '../taskpane/traditional-chars';

type Convert = (text: string) => string;

let builds = 0;

/** How many converters have been built from opencc-js's dictionary (for tests). */
export function dictionaryBuilds(): number {
  return builds;
}

/** opencc-js's Converter, building the real one on the first text that needs it. */
export function Converter(options: { from: string; to: string }): Convert {
  let real: Convert | null = null;
  return (text) => {
    if (!hasTraditional(text)) return text;
    if (real === null) {
      real = OpenCC.Converter(options as Parameters<typeof OpenCC.Converter>[0]);
      builds++;
    }
    return real(text);
  };
}
