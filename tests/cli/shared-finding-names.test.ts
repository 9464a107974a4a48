/**
 * A rubric finding that stands on several sheets is printed once, with the sheets' names joined as
 * the report's language writes a list (、 in Chinese, ", " in English).
 */
import { describe, expect, it } from 'vitest';
import { emptyTotals, type JsonFile, type JsonSheet, renderFile } from '../../src/cli/commands/check';
import { RUBRIC_ISSUE_CODES } from '../../src/core/issues';

const code = [...RUBRIC_ISSUE_CODES][0]!;
const sheet = (name: string): JsonSheet => ({
  name,
  total: 90,
  max: 100,
  vetoed: false,
  columns: [],
  items: [],
  issues: [{ cell: 'B3', severity: 'warning', code, message: 'M' }],
});
const file: JsonFile = { file: 'a.xlsx', sheets: [sheet('东风'), sheet('新华')], skipped: [], issues: [] };

describe('the sheets a shared rubric finding stands on', () => {
  it('are joined with 、 in Chinese and with a comma in English', () => {
    expect(renderFile(file, 'zh', emptyTotals())).toContain('(东风、新华)');
    expect(renderFile(file, 'en', emptyTotals())).toContain('(东风, 新华)');
  });
});
