/**
 * Following the selection in Excel. Office reports that the selection moved (DocumentSelectionChanged)
 * without saying where; the address is then read with getSelectedRange, which every Excel with the
 * add-in's API has. The bootstrap (./main.tsx) wires this to the Office globals.
 */
import type { HostSelection } from '../host/types';

/**
 * A sheet-qualified address as Excel gives it → the sheet and the top-left cell.
 * @example parseSelection("'张 村'!B3:D9") → { sheet: '张 村', cell: 'B3' }
 */
export function parseSelection(address: string): HostSelection | null {
  const bang = address.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const cell = (address.slice(bang + 1).split(':')[0] ?? '').replace(/\$/g, '');
  return /^[A-Z]{1,3}\d+$/.test(cell) ? { sheet, cell } : null;
}

export interface SelectionSource {
  /** Registers `handler` for Office's selection-changed event; returns the removal. */
  onChanged(handler: () => void): () => void;
  /** Reads the selected range's sheet-qualified address. */
  readAddress(): Promise<string>;
}

/**
 * A `watchSelection` for the Office adapter. A selection that cannot be read (Excel busy, a chart
 * selected) is not followed: the pane keeps the item it shows.
 */
export function selectionWatcher(source: SelectionSource) {
  return (listener: (selection: HostSelection) => void): (() => void) =>
    source.onChanged(() => {
      source.readAddress().then(
        (address) => {
          const sel = parseSelection(address);
          if (sel) listener(sel);
        },
        () => {},
      );
    });
}
