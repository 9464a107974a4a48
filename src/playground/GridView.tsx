/**
 * The workbook as a spreadsheet: a name box and formula bar, the current sheet's cells (computed
 * values, merged areas as one cell, fills and fonts the pane wrote), the selected cell outlined, and
 * the sheet tabs. Double-click, Enter or just typing edits a cell, as in Excel; Enter commits and
 * moves down, Tab moves right, Escape cancels.
 */
import {
  type CSSProperties,
  type KeyboardEvent,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { a1, colLetters, parseRange } from '../core/a1';
import type { MergeArea } from '../core/grid';
import { displayValue, editText } from './display';
import type { PlaygroundBook } from './live';
import type { PAGE_STRINGS } from './strings';
import { refusal } from './validate';

type S = (typeof PAGE_STRINGS)['zh'];

const MIN_ROWS = 30;
const MIN_COLS = 10;
const DEFAULT_COL_PX = 72;
const ROW_HEADER_PX = 40;
const EXCEL_GREEN = '#217346';

interface Editing {
  row: number;
  col: number;
  text: string;
}

function mergeAt(merges: readonly MergeArea[], row: number, col: number): MergeArea | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

export function GridView({ live, s }: { live: PlaygroundBook; s: S }) {
  useSyncExternalStore(live.subscribe, live.snapshot);
  const book = live.book;
  const sheetName = live.currentSheet();
  const sheet = sheetName === null ? undefined : book.sheet(sheetName);
  const selection = live.selection();
  const cursor = selection ? (parseRange(selection.address) ?? null) : null;
  const [editing, setEditingState] = useState<Editing | null>(null);
  // The blur that follows Enter or Escape must not commit again: it reads the edit from here.
  const editRef = useRef<Editing | null>(null);
  const setEditing = (e: Editing | null) => {
    editRef.current = e;
    setEditingState(e);
  };
  const [alert, setAlert] = useState<{ title: string; message: string } | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  // Another sheet starts at its top-left corner, as a sheet tab does in Excel.
  useEffect(() => {
    if (sheetName !== null) gridRef.current?.scrollTo(0, 0);
  }, [sheetName]);

  // The pane selected a cell (an issue's "go to cell"): bring it into view (after the reset above).
  const selectedKey = selection ? `${selection.sheet}!${selection.address}` : '';
  useEffect(() => {
    if (!selectedKey) return;
    const el = gridRef.current?.querySelector('[data-selected="true"]');
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedKey]);

  if (!sheet || sheetName === null) return <div />;
  const used = book.usedRect(sheet.name);
  const rows = Math.max(MIN_ROWS, (used?.bottom ?? 0) + 6);
  const cols = Math.max(MIN_COLS, (used?.right ?? 0) + 3);
  const colPx = (c: number) => {
    const pt = sheet.columnWidths.get(c);
    return pt === undefined ? DEFAULT_COL_PX : Math.max(24, Math.round(pt / 0.75));
  };

  const at = cursor ? { row: cursor.top, col: cursor.left } : null;
  const atCell = at ? book.cell(sheet.name, at.row, at.col) : null;

  const select = (row: number, col: number) => {
    const m = mergeAt(sheet.merges, row, col);
    live.select(sheet.name, a1(m?.top ?? row, m?.left ?? col));
  };

  const startEdit = (row: number, col: number, text?: string) => {
    if (sheet.protected) {
      setAlert({ title: '', message: s.protectedSheet({ sheet: sheet.name }) });
      return;
    }
    const c = book.cell(sheet.name, row, col);
    setAlert(null);
    setEditing({ row, col, text: text ?? editText(c.value, c.formula) });
  };

  /** Commit the edit; false when Excel's validation refuses it (the editor stays open). */
  const commit = (e: Editing): boolean => {
    const refused = refusal(sheet.validations.get(a1(e.row, e.col)), e.text);
    if (refused) {
      setAlert({ title: refused.title || s.invalidTitle, message: refused.message });
      return false;
    }
    const before = book.cell(sheet.name, e.row, e.col);
    setEditing(null);
    setAlert(null);
    // Confirming an unchanged cell is no edit: no re-check.
    if (editText(before.value, before.formula) === e.text) return true;
    if (!live.type(sheet.name, e.row, e.col, e.text)) {
      setAlert({ title: '', message: s.protectedSheet({ sheet: sheet.name }) });
    }
    return true;
  };

  const move = (dr: number, dc: number) => {
    if (!at) return;
    const m = mergeAt(sheet.merges, at.row, at.col);
    const row = dr > 0 ? (m?.bottom ?? at.row) + dr : at.row + dr;
    const col = dc > 0 ? (m?.right ?? at.col) + dc : at.col + dc;
    select(Math.max(0, Math.min(rows - 1, row)), Math.max(0, Math.min(cols - 1, col)));
  };

  const onGridKey = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !at) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, ev.shiftKey ? -1 : 1],
    };
    const step = moves[ev.key];
    if (step) {
      ev.preventDefault();
      move(step[0], step[1]);
    } else if (ev.key === 'Enter' || ev.key === 'F2') {
      ev.preventDefault();
      startEdit(at.row, at.col);
    } else if (ev.key === 'Delete' || ev.key === 'Backspace') {
      ev.preventDefault();
      commit({ row: at.row, col: at.col, text: '' });
    } else if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      // Typing over a selected cell replaces its content, as in Excel.
      ev.preventDefault();
      startEdit(at.row, at.col, ev.key);
    }
  };

  const onEditorKey = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    if (ev.key === 'Escape') {
      ev.preventDefault();
      setEditing(null);
      setAlert(null);
      gridRef.current?.focus();
    } else if (ev.key === 'Enter' || ev.key === 'Tab') {
      ev.preventDefault();
      if (commit(editing)) {
        if (ev.key === 'Enter') move(1, 0);
        else move(0, ev.shiftKey ? -1 : 1);
        gridRef.current?.focus();
      }
    }
  };

  const header: CSSProperties = {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    background: '#f3f3f3',
    border: '1px solid #d4d4d4',
    fontWeight: 400,
    color: '#444',
    fontSize: 12,
    padding: '2px 4px',
  };

  const body = [];
  for (let r = 0; r < rows; r++) {
    const tds = [];
    for (let c = 0; c < cols; c++) {
      const m = mergeAt(sheet.merges, r, c);
      if (m && (m.top !== r || m.left !== c)) continue;
      const address = a1(r, c);
      const { value, formula } = book.cell(sheet.name, r, c);
      const fill = sheet.fills.get(address);
      const font = sheet.fonts.get(address);
      const selected = cursor !== null && cursor.top === r && cursor.left === c;
      const isEditing = editing !== null && editing.row === r && editing.col === c;
      // Like Excel, text runs on over empty cells to its right instead of wrapping in a narrow column.
      const overflows =
        typeof value === 'string' &&
        !m &&
        !live.wraps(sheet.name, address) &&
        !value.includes('\n') &&
        c + 1 < cols &&
        book.cell(sheet.name, r, c + 1).value === null &&
        !mergeAt(sheet.merges, r, c + 1);
      const style: CSSProperties = {
        border: '1px solid #e1e1e1',
        padding: '1px 4px',
        fontSize: 13,
        lineHeight: '18px',
        height: 20,
        verticalAlign: 'middle',
        whiteSpace: overflows ? 'nowrap' : 'pre-wrap',
        overflowWrap: overflows ? 'normal' : 'anywhere',
        overflow: 'visible',
        textAlign: typeof value === 'number' ? 'right' : m ? 'center' : 'left',
        // Transparent unless filled, so text running on from the left stays visible.
        background: fill,
        fontWeight: font?.bold ? 700 : 400,
        color:
          font?.color ?? (typeof value === 'string' && value.startsWith('#') && formula ? '#c00' : '#000'),
        outline: selected ? `2px solid ${EXCEL_GREEN}` : undefined,
        outlineOffset: -2,
        position: 'relative',
        cursor: 'cell',
      };
      tds.push(
        <td
          key={c}
          data-cell={address}
          data-selected={selected ? 'true' : undefined}
          title={sheet.notes.get(address)}
          rowSpan={m ? m.bottom - m.top + 1 : undefined}
          colSpan={m ? m.right - m.left + 1 : undefined}
          style={style}
          onMouseDown={() => {
            const open = editRef.current;
            if (open && !(open.row === r && open.col === c) && !commit(open)) return;
            select(r, c);
          }}
          onDoubleClick={() => startEdit(r, c)}
        >
          {isEditing ? (
            <input
              aria-label={address}
              // biome-ignore lint/a11y/noAutofocus: the editor opens where the user asked to type
              autoFocus
              value={editing.text}
              onChange={(e) => setEditing({ ...editing, text: e.target.value })}
              onKeyDown={onEditorKey}
              onBlur={() => {
                if (editRef.current) commit(editRef.current);
              }}
              style={{
                position: 'absolute',
                inset: 0,
                width: '100%',
                boxSizing: 'border-box',
                font: 'inherit',
                border: `2px solid ${EXCEL_GREEN}`,
                padding: '0 3px',
                outline: 'none',
              }}
            />
          ) : (
            displayValue(value, sheet.numberFormats.get(address))
          )}
          {sheet.notes.has(address) && !isEditing ? <NoteMark /> : null}
        </td>,
      );
    }
    body.push(
      <tr key={r} data-row={r + 1}>
        <th scope="row" style={{ ...header, position: 'sticky', left: 0, zIndex: 1, textAlign: 'center' }}>
          {r + 1}
        </th>
        {tds}
      </tr>,
    );
  }

  return (
    <section
      aria-label={s.grid}
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0, minHeight: 0 }}
    >
      <div style={{ display: 'flex', gap: 6, padding: '4px 6px', borderBottom: '1px solid #d4d4d4' }}>
        <input
          aria-label={s.nameBox}
          data-testid="name-box"
          readOnly
          value={at ? a1(at.row, at.col) : ''}
          style={{ width: 72, fontSize: 13, padding: '2px 4px' }}
        />
        <span style={{ color: '#777', fontStyle: 'italic', padding: '2px 4px' }}>fx</span>
        <input
          aria-label={s.formulaBar}
          data-testid="formula-bar"
          readOnly
          value={editing ? editing.text : atCell ? editText(atCell.value, atCell.formula) : ''}
          style={{ flex: 1, fontSize: 13, padding: '2px 4px', minWidth: 0 }}
        />
      </div>
      {alert && (
        <div
          role="alert"
          style={{
            background: '#fde7e9',
            borderBottom: '1px solid #e8a3a9',
            padding: '6px 10px',
            fontSize: 13,
            display: 'flex',
            gap: 8,
            alignItems: 'baseline',
          }}
        >
          {alert.title && <strong>{alert.title}</strong>}
          <span style={{ flex: 1 }}>{alert.message}</span>
          <button type="button" onClick={() => setAlert(null)}>
            {s.dismiss}
          </button>
        </div>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the grid takes the keyboard like a spreadsheet */}
      <div
        ref={gridRef}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the grid takes the keyboard like a spreadsheet
        tabIndex={0}
        data-sheet={sheet.name}
        onKeyDown={onGridKey}
        style={{ flex: 1, overflow: 'auto', outline: 'none', minHeight: 0 }}
      >
        <table
          style={{
            borderCollapse: 'collapse',
            // Fixed layout holds only with a set width: else long text would widen its column.
            tableLayout: 'fixed',
            width:
              ROW_HEADER_PX + Array.from({ length: cols }, (_, c) => colPx(c)).reduce((a, b) => a + b, 0),
            background: '#fff',
            fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif',
          }}
        >
          <colgroup>
            <col style={{ width: ROW_HEADER_PX }} />
            {Array.from({ length: cols }, (_, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions
              <col key={c} style={{ width: colPx(c) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th style={{ ...header, left: 0, zIndex: 3 }} />
              {Array.from({ length: cols }, (_, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions
                <th key={c} scope="col" style={header}>
                  {colLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      <div
        aria-label={s.sheets}
        role="tablist"
        data-testid="sheet-tabs"
        style={{
          display: 'flex',
          gap: 2,
          borderTop: '1px solid #d4d4d4',
          background: '#f3f3f3',
          overflowX: 'auto',
        }}
      >
        {live.visibleSheets().map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === sheet.name}
            onClick={() => {
              setEditing(null);
              live.showSheet(name);
            }}
            style={{
              border: 'none',
              borderBottom: name === sheet.name ? `3px solid ${EXCEL_GREEN}` : '3px solid transparent',
              background: name === sheet.name ? '#fff' : 'transparent',
              color: name === sheet.name ? EXCEL_GREEN : '#333',
              fontWeight: name === sheet.name ? 600 : 400,
              padding: '4px 14px',
              cursor: 'pointer',
              whiteSpace: 'nowrap',
            }}
          >
            {name}
          </button>
        ))}
      </div>
    </section>
  );
}

function NoteMark() {
  return (
    <span
      aria-hidden
      style={{
        position: 'absolute',
        top: 0,
        right: 0,
        width: 0,
        height: 0,
        borderTop: '6px solid #c00',
        borderLeft: '6px solid transparent',
      }}
    />
  );
}
