/**
 * Chooses the rubric sheet when the workbook has several (one sheet per assessed unit, often).
 * Choosing one also shows it in Excel.
 */
import { Field, Select } from '@fluentui/react-components';
import { rubricSheets } from '../state/flow';
import { tableCell } from '../state/structure';
import type { StepProps } from './types';

export function SheetPicker({
  state,
  dispatch,
  actions,
  t,
  sheets,
}: Pick<StepProps, 'state' | 'dispatch' | 'actions' | 't'> & { sheets: string[] }) {
  if (sheets.length < 2) return null;
  return (
    <Field label={t('sheetPicker')}>
      <Select
        value={state.sheet ?? ''}
        onChange={(_, d) => {
          dispatch({ type: 'selectSheet', sheet: d.value });
          const table = rubricSheets(state.report).find((s) => s.sheet === d.value)?.analysis.table;
          if (table) void actions.selectCell(d.value, tableCell(table));
        }}
      >
        {sheets.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </Field>
  );
}
