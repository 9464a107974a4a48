/**
 * A fake Excel for tests and the browser playground: the Office.js surface the add-in uses, over an
 * in-memory workbook that computes formulas with HyperFormula. Never imported by the add-in bundle.
 */
export {
  FakeExcel,
  type FakeExcelOptions,
  FakeOfficeError,
  FakeRequestContext,
  type InjectedFault,
  type SyncRecord,
  WEB_PAYLOAD_LIMIT,
} from './excel';
export {
  type FakeChart,
  type FakePrint,
  type FakeSheet,
  type FakeValidation,
  FakeWorkbook,
  type RawInput,
  type Rect,
  type Visibility,
} from './workbook';
