/**
 * A fake WPS 表格 for tests and the browser playground: the ET members the WPS adapter uses, over
 * the fake Excel's in-memory workbook. Never imported by the add-in bundle.
 */
export { FakeApiEvent, FakeEt, type FakeEtOptions, FakeWpsError } from './et';
