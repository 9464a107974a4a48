import { describe, expect, it } from 'vitest';
import { HostError } from '../../src/host/errors';
import { ExcelTooOldError, PlanNotApplicableError } from '../../src/host/errors';
import { faultFrom } from '../../src/taskpane/state/faults';
import {
  PREVIEW_PAGE_SIZE,
  type FlowAction,
  type FlowState,
  flowReducer,
  initialState,
  writeSheets,
} from '../../src/taskpane/state/flow';
import { analysedSheet, planOf, report, skippedSheet } from './fixtures';

const run = (actions: FlowAction[], from: FlowState = initialState('zh')) =>
  actions.reduce(flowReducer, from);
const wb = { sheets: [] };

describe('flow reducer', () => {
  it('starts in the first step with nothing loaded', () => {
    const s = initialState('en');
    expect(s).toMatchObject({ lang: 'en', step: 'detect', busy: null, report: null, fault: null });
  });

  it('loading marks busy and clears a fault; loaded selects the first rubric sheet', () => {
    const busy = run([{ type: 'failed', fault: { kind: 'unexpected' } }, { type: 'loadStart' }]);
    expect(busy.busy).toBe('loading');
    expect(busy.fault).toBeNull();
    const s = flowReducer(busy, {
      type: 'loaded',
      workbook: wb,
      report: report([skippedSheet('说明'), analysedSheet('一村'), analysedSheet('二村')]),
      syncs: 2,
    });
    expect(s.busy).toBeNull();
    expect(s.sheet).toBe('一村');
    expect(s.readSyncs).toBe(2);
    expect(writeSheets(s)).toEqual(['一村', '二村']);
  });

  it('keeps the chosen sheet across a re-read, and falls back when it disappeared', () => {
    const r = report([analysedSheet('一村'), analysedSheet('二村')]);
    const s = run([
      { type: 'loaded', workbook: wb, report: r, syncs: 2 },
      { type: 'selectSheet', sheet: '二村' },
    ]);
    expect(flowReducer(s, { type: 'loaded', workbook: wb, report: r, syncs: 2 }).sheet).toBe('二村');
    expect(
      flowReducer(s, { type: 'loaded', workbook: wb, report: report([analysedSheet('一村')]), syncs: 2 })
        .sheet,
    ).toBe('一村');
  });

  it('a workbook without a rubric sheet is the noTable fault', () => {
    const s = run([
      { type: 'loadStart' },
      { type: 'loaded', workbook: wb, report: report([skippedSheet('Sheet1')]), syncs: 2 },
    ]);
    expect(s.fault).toEqual({ kind: 'noTable' });
    expect(s.sheet).toBeNull();
  });

  it('drafts are kept per rule, reset removes a draft and marks the override for removal, save clears both', () => {
    const draft = { terms: [], cap: { kind: 'item' as const, span: null } };
    let s = run([
      { type: 'editRule', key: 'a', draft },
      { type: 'editRule', key: 'b', draft },
      { type: 'resetRule', key: 'b' },
    ]);
    expect(Object.keys(s.drafts)).toEqual(['a']);
    expect(s.resets).toEqual(['b']);
    s = flowReducer(s, { type: 'editRule', key: 'b', draft });
    expect(s.resets).toEqual([]);
    s = run([{ type: 'saveStart' }], s);
    expect(s.busy).toBe('saving');
    s = flowReducer(s, { type: 'saved' });
    expect(s).toMatchObject({ busy: null, drafts: {}, resets: [], notice: 'rulesSaved' });
  });

  it('changing write options makes the plan stale; planned stores plan and conflicts', () => {
    const r = report([analysedSheet('一村'), analysedSheet('二村')]);
    let s = run([
      { type: 'loaded', workbook: wb, report: r, syncs: 2 },
      { type: 'planned', plan: planOf(3), conflicts: [] },
    ]);
    expect(s.write.plan?.ops).toHaveLength(3);
    s = flowReducer(s, { type: 'setEntryColumns', on: true });
    expect(s.write.plan).toBeNull();
    expect(s.write.entryColumns).toBe(true);
    s = flowReducer(s, { type: 'toggleWriteSheet', sheet: '一村', on: false });
    expect(writeSheets(s)).toEqual(['二村']);
    s = flowReducer(s, { type: 'toggleWriteSheet', sheet: '一村', on: true });
    expect(writeSheets(s)).toEqual(['一村', '二村']);
  });

  it('overwrite confirmations follow the conflicts and drop cells that no longer conflict', () => {
    const c = (cell: string) => ({ sheet: 'S', cell, existing: '3', planned: '=C2-E2' });
    let s = run([
      { type: 'planned', plan: planOf(2), conflicts: [c('F2'), c('F3')] },
      { type: 'toggleOverwrite', cell: 'S!F2', on: true },
    ]);
    expect(s.write.overwrite).toEqual(['S!F2']);
    expect(s.write.plan).toBeNull();
    s = flowReducer(s, { type: 'overwriteAll', on: true });
    expect(s.write.overwrite).toEqual(['S!F2', 'S!F3']);
    s = flowReducer(s, { type: 'planned', plan: planOf(2), conflicts: [c('F3')] });
    expect(s.write.overwrite).toEqual(['S!F3']);
    s = flowReducer(s, { type: 'overwriteAll', on: false });
    expect(s.write.overwrite).toEqual([]);
  });

  it('pages are clamped to the plan', () => {
    const ops = PREVIEW_PAGE_SIZE * 2 + 1;
    let s = run([
      { type: 'planned', plan: planOf(ops), conflicts: [] },
      { type: 'setPage', page: 9 },
    ]);
    expect(s.write.page).toBe(2);
    s = flowReducer(s, { type: 'setPage', page: -1 });
    expect(s.write.page).toBe(0);
  });

  it('writing reports progress, then the result; a failure ends the progress and shows the fault', () => {
    let s = run([
      { type: 'writeStart', total: 40 },
      { type: 'writeProgress', done: 10, total: 40 },
    ]);
    expect(s.busy).toBe('writing');
    expect(s.write.progress).toEqual({ done: 10, total: 40 });
    const done = flowReducer(s, { type: 'written', result: { ops: 40, syncs: 3, skipped: [] } });
    expect(done).toMatchObject({ busy: null, write: { progress: null, result: { ops: 40, syncs: 3 } } });
    s = flowReducer(s, { type: 'failed', fault: { kind: 'protected', sheet: 'S' } });
    expect(s).toMatchObject({
      busy: null,
      fault: { kind: 'protected', sheet: 'S' },
      write: { progress: null },
    });
  });

  it('switches language and step', () => {
    const s = run([
      { type: 'setLang', lang: 'en' },
      { type: 'setStep', step: 'check' },
    ]);
    expect(s.lang).toBe('en');
    expect(s.step).toBe('check');
  });
});

describe('faults from errors', () => {
  it('maps the host errors to their codes and anything else to unexpected', () => {
    expect(faultFrom(new ExcelTooOldError('数据验证', 'ExcelApi 1.8'))).toEqual({
      kind: 'host',
      code: 'excelTooOld',
      params: { feature: '数据验证', requiredSet: 'ExcelApi 1.8' },
    });
    expect(faultFrom(new HostError({ code: 'InvalidArgument', message: 'bad' }))).toMatchObject({
      kind: 'host',
      code: 'officeError',
      params: { code: 'InvalidArgument' },
    });
    expect(faultFrom(new PlanNotApplicableError('sheetProtected', '一村'))).toEqual({
      kind: 'protected',
      sheet: '一村',
    });
    expect(faultFrom(new TypeError('boom'))).toEqual({ kind: 'unexpected' });
    expect(faultFrom('text')).toEqual({ kind: 'unexpected' });
  });
});
