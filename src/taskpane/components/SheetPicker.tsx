/** Chooses the rubric sheet when the workbook has several (one sheet per assessed unit, often). */
import { Field, Select } from '@fluentui/react-components';
import type { StepProps } from './types';

export function SheetPicker({
  state,
  dispatch,
  t,
  sheets,
}: Pick<StepProps, 'state' | 'dispatch' | 't'> & { sheets: string[] }) {
  if (sheets.length < 2) return null;
  return (
    <Field label={t('sheetPicker')}>
      <Select
        value={state.sheet ?? ''}
        onChange={(_, d) => dispatch({ type: 'selectSheet', sheet: d.value })}
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
