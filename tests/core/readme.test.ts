import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADER_SYNONYMS } from '../../src/core/detect';
import { ISSUE_CODES } from '../../src/core/issues';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('lists every header word detection accepts', () => {
    const missing = Object.values(HEADER_SYNONYMS)
      .flat()
      .filter((w) => !readme.includes(w));
    expect(missing).toEqual([]);
  });
  it('documents every issue code', () => {
    const missing = Object.keys(ISSUE_CODES).filter((c) => !readme.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });
});
