/**
 * The pane's side effects: every call to the Host and every core computation the UI triggers.
 * Each is caught here and turned into a `failed` action, so nothing throws at the user.
 */
import { type Dispatch, type RefObject, useMemo } from 'react';
import type { WorkbookGrid } from '../../core/grid';
import type { WriteOp, WritePlan } from '../../core/plan';
import { planUndo, type UndoPlan } from '../../core/writeback/undo';
import { PlanStaleError, WriteInterruptedError } from '../../host/errors';
import type { Host } from '../../host/types';
import { faultFrom } from '../state/faults';
import { type FlowAction, type FlowState, writeSheets } from '../state/flow';
import { mergeOverrides } from '../state/rule-edit';
import type { Engine } from './engine';

export interface PaneActions {
  /** Read the workbook and analyse it (also the re-check). */
  reload(): Promise<void>;
  /** Show an issue's cell in Excel. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Store the edited rules in the workbook, then read it again. */
  saveRules(): Promise<void>;
  /** Compute the write plan for the current options (pure, but may fault on a programming error). */
  preparePlan(): void;
  /** Apply the previewed plan, then read the workbook again. */
  write(): Promise<void>;
  /** Write the rest after an interrupted write: plan again from the fresh read, then write. */
  finish(): Promise<void>;
  /** 撤销写入: put back what the last write changed, leaving cells edited since as they are. */
  undo(): Promise<void>;
}

/** An op as the preview shows it: a formula's cached result is not shown, and may move with any entry. */
function shown(op: WriteOp): WriteOp {
  if (op.op !== 'formula') return op;
  const { result: _result, ...rest } = op;
  return rest;
}

/** Whether two plans write the same things and leave the same conflicts unconfirmed. */
function samePlan(a: WritePlan, b: WritePlan): boolean {
  return JSON.stringify([a.ops.map(shown), a.conflicts]) === JSON.stringify([b.ops.map(shown), b.conflicts]);
}

export function usePaneActions(
  host: Host,
  engine: Engine,
  stateRef: RefObject<FlowState>,
  dispatch: Dispatch<FlowAction>,
): PaneActions {
  return useMemo(() => {
    const reload = async () => {
      dispatch({ type: 'loadStart' });
      try {
        const read = await host.readWorkbook();
        const report = engine.analyze(read.workbook);
        dispatch({ type: 'loaded', workbook: read.workbook, report, syncs: read.syncs });
      } catch (e) {
        dispatch({ type: 'failed', fault: faultFrom(e) });
      }
    };

    const selectCell = async (sheet: string, cell: string) => {
      try {
        await host.selectCell(sheet, cell);
      } catch (e) {
        dispatch({ type: 'failed', fault: faultFrom(e) });
      }
    };

    const saveRules = async () => {
      const s = stateRef.current;
      if (!s.report || !s.workbook) return;
      if (Object.keys(s.drafts).length === 0 && s.resets.length === 0) return;
      dispatch({ type: 'saveStart' });
      try {
        const overrides = mergeOverrides(s.report.meta.overrides, s.drafts, s.resets);
        const ops = engine.saveMeta(s.workbook, { ...s.report.meta, overrides });
        await host.applyPlan({ ops, owned: [], conflicts: [] });
        dispatch({ type: 'saved' });
      } catch (e) {
        dispatch({ type: 'failed', fault: faultFrom(e) });
        return;
      }
      await reload();
    };

    const preparePlan = () => {
      const s = stateRef.current;
      if (!s.report || !s.workbook) return;
      const base = { entryColumns: s.write.entryColumns, sheets: writeSheets(s), lang: s.lang };
      try {
        const bare = engine.plan(s.workbook, s.report, { ...base, overwrite: [] });
        const plan =
          s.write.overwrite.length > 0
            ? engine.plan(s.workbook, s.report, { ...base, overwrite: s.write.overwrite })
            : bare;
        dispatch({ type: 'planned', plan, conflicts: bare.conflicts });
      } catch (e) {
        dispatch({ type: 'failed', fault: faultFrom(e) });
      }
    };

    const write = () => writeWith(stateRef.current.write.plan);

    // After an interrupted write the pane has read the workbook again; the rest is the plan made
    // from that read with the assessor's choices, written as any plan is (fresh read, compare, write).
    const finish = async () => {
      const s = stateRef.current;
      if (!s.report || !s.workbook) return;
      let plan: WritePlan;
      try {
        plan = engine.plan(s.workbook, s.report, {
          entryColumns: s.write.entryColumns,
          sheets: writeSheets(s),
          lang: s.lang,
          overwrite: s.write.overwrite,
        });
      } catch (e) {
        dispatch({ type: 'failed', fault: faultFrom(e) });
        return;
      }
      await writeWith(plan);
    };

    const writeWith = async (plan: WritePlan | null) => {
      const s = stateRef.current;
      if (!plan || !s.workbook) return;
      // Check what can fail before writing anything: a protected target sheet would stop the write.
      // The planner leaves a protected sheet out and says so with a blocking warning.
      const targets = new Set(plan.ops.map((o) => o.sheet));
      const blocked = plan.warnings?.find((w) => w.code === 'sheetProtected');
      const locked = blocked
        ? { name: blocked.sheet }
        : s.workbook.sheets.find((sh) => sh.protected && targets.has(sh.name));
      if (locked) {
        dispatch({ type: 'failed', fault: { kind: 'protected', sheet: locked.name } });
        return;
      }
      dispatch({ type: 'writeStart', total: plan.ops.length });
      let fresh: WritePlan;
      let before: WorkbookGrid;
      let mergesKnown = true;
      let hiddenColsKnown = true;
      try {
        // The preview was planned from the workbook as last read, and the assessor may have typed in
        // Excel since: plan again from a fresh read, and write only what they saw and confirmed.
        const read = await host.readWorkbook();
        before = read.workbook;
        mergesKnown = read.mergesKnown;
        hiddenColsKnown = read.hiddenColsKnown !== false;
        const report = engine.analyze(read.workbook);
        fresh = engine.plan(read.workbook, report, {
          entryColumns: s.write.entryColumns,
          sheets: writeSheets(s),
          lang: s.lang,
          overwrite: s.write.overwrite,
        });
        if (!samePlan(fresh, plan)) {
          dispatch({ type: 'loaded', workbook: read.workbook, report, syncs: read.syncs });
          dispatch({ type: 'failed', fault: { kind: 'changed' } });
          return;
        }
      } catch (e) {
        dispatch({ type: 'failed', fault: faultFrom(e) });
        return;
      }
      try {
        const res = await host.applyPlan(fresh, (done, total) =>
          dispatch({ type: 'writeProgress', done, total }),
        );
        dispatch({
          type: 'written',
          result: { ops: fresh.ops.length, syncs: res.syncs, skipped: res.skipped },
          undo: { before, plans: [fresh], mergesKnown, hiddenColsKnown },
        });
      } catch (e) {
        const fault = faultFrom(e);
        // Cells changed since the fresh read (nothing written), or a write stopped part-way: read
        // again so that the preview is planned from what is there now, then say what happened.
        if (e instanceof PlanStaleError || e instanceof WriteInterruptedError) await reload();
        dispatch({ type: 'failed', fault });
        return;
      }
      await reload();
    };

    // The undo is planned from a fresh read, so that cells typed into since the write are left alone;
    // its ops carry what the write put there (compare-and-set), so an edit made between this read
    // and the apply is caught too: then read and plan once more.
    const undo = async () => {
      const last = stateRef.current.write.undo;
      if (!last) return;
      dispatch({ type: 'undoStart' });
      let done: UndoPlan | null = null;
      for (let attempt = 0; done === null; attempt++) {
        try {
          const read = await host.readWorkbook();
          const u = planUndo(last.before, last.plans, read.workbook, {
            mergesKnown: last.mergesKnown !== false,
            hiddenColsKnown: last.hiddenColsKnown !== false,
          });
          if (u.plan.ops.length > 0) await host.applyPlan(u.plan);
          done = u;
        } catch (e) {
          if (e instanceof PlanStaleError && attempt === 0) continue;
          const fault = faultFrom(e);
          if (e instanceof PlanStaleError || e instanceof WriteInterruptedError) await reload();
          dispatch({ type: 'failed', fault });
          return;
        }
      }
      dispatch({
        type: 'undone',
        result: { restored: done.restored, conflicts: done.conflicts, gaps: done.gaps },
      });
      await reload();
    };

    return { reload, selectCell, saveRules, preparePlan, write, finish, undo };
  }, [host, engine, stateRef, dispatch]);
}
