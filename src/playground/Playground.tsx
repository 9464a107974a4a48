/**
 * The playground page: a toolbar (open, download, reload the sample), the workbook on the left and
 * the real task pane on the right, talking to the fake Excel through the real Office adapter.
 * Entries typed in the grid reach the pane through its steps: each step is wrapped with a watcher
 * that re-reads the workbook when the grid reports an edit, as the assessor's 重新检查 would.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createOfficeHost } from '../host/office';
import type { Host } from '../host/types';
import { App } from '../taskpane/App';
import type { PaneActions } from '../taskpane/components/actions';
import { STEPS } from '../taskpane/components/steps';
import type { StepDef } from '../taskpane/components/types';
import { GridView } from './GridView';
import { type LoadedWorkbook, loadWorkbook, resultName } from './load';
import { PAGE_STRINGS, pageLang } from './strings';
import { type PlaygroundHostKind, playgroundWpsHost } from './wps';
import { XlsxReadError, saveXlsxBytes } from './xlsx';

/** The task pane's width: Excel's default is about 350 px; `?pane=320` tries another. */
const DEFAULT_PANE_WIDTH = 350;

export interface PlaygroundProps {
  /** The display language the fake Office reports (the pane's starting language). */
  displayLanguage: string;
  /** URL of the sample workbook loaded at start. */
  sampleUrl: string;
  /** Width of the task pane in px (default 350). */
  paneWidth?: number;
  /** The object model the pane talks to: the fake Excel (default) or the fake WPS 表格. */
  hostKind?: PlaygroundHostKind;
}

interface Opened extends LoadedWorkbook {
  host: Host;
  /** Distinct per opened workbook: a new workbook starts a new pane. */
  generation: number;
}

type Notice = { kind: 'error' | 'info'; text: string } | null;

/** Re-reads the workbook in the pane whenever the grid reports an edit. */
function EditWatcher({ watch, actions }: { watch: Opened['live']['watchEdits']; actions: PaneActions }) {
  useEffect(() => watch(() => void actions.reload()), [watch, actions]);
  return null;
}

function watchedSteps(watch: Opened['live']['watchEdits']): StepDef[] {
  return STEPS.map((step) => ({
    ...step,
    render: (p): ReactNode => (
      <>
        <EditWatcher watch={watch} actions={p.actions} />
        {step.render(p)}
      </>
    ),
  }));
}

function download(bytes: ArrayBuffer, name: string): void {
  const blob = new Blob([bytes], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function Playground({
  displayLanguage,
  sampleUrl,
  paneWidth = DEFAULT_PANE_WIDTH,
  hostKind = 'excel',
}: PlaygroundProps) {
  const s = PAGE_STRINGS[pageLang(displayLanguage)];
  const [opened, setOpened] = useState<Opened | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const generation = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = useCallback(
    async (bytes: ArrayBuffer, fileName: string) => {
      try {
        const loaded = await loadWorkbook(bytes, fileName);
        const host =
          hostKind === 'wps'
            ? playgroundWpsHost(loaded.live, displayLanguage).host
            : createOfficeHost({
                excel: loaded.live.excelApi,
                isSetSupported: loaded.live.isSetSupported,
                displayLanguage: () => displayLanguage,
                watchSelection: loaded.live.watchSelection,
              });
        generation.current++;
        setOpened({ ...loaded, host, generation: generation.current });
        return true;
      } catch (e) {
        if (!(e instanceof XlsxReadError)) {
          setNotice({ kind: 'error', text: s.failed({ what: s.whatOpen, detail: messageOf(e) }) });
          return false;
        }
        const say =
          e.code === 'legacyOrEncrypted' ? s.legacy : e.code === 'corrupt' ? s.corrupt : s.unreadable;
        setNotice({ kind: 'error', text: say({ file: fileName }) });
        return false;
      }
    },
    [displayLanguage, s, hostKind],
  );

  const openSample = useCallback(async () => {
    const name = decodeURIComponent(sampleUrl.split('/').pop() ?? 'sample.xlsx');
    try {
      const res = await fetch(sampleUrl);
      if (!res.ok) {
        setNotice({ kind: 'error', text: s.sampleMissing({ file: name }) });
        return;
      }
      if (await open(await res.arrayBuffer(), name)) setNotice(null);
    } catch (e) {
      setNotice({ kind: 'error', text: s.failed({ what: s.whatSample, detail: messageOf(e) }) });
    }
  }, [sampleUrl, open, s]);

  useEffect(() => {
    void openSample();
  }, [openSample]);

  const steps = useMemo(() => (opened ? watchedSteps(opened.live.watchEdits) : STEPS), [opened]);

  const onFile = async (file: File) => {
    try {
      // Read here, in the browser: the file never leaves this machine.
      const bytes = await file.arrayBuffer();
      if (await open(bytes, file.name)) setNotice({ kind: 'info', text: s.opened({ file: file.name }) });
    } catch (e) {
      setNotice({ kind: 'error', text: s.failed({ what: s.whatOpen, detail: messageOf(e) }) });
    }
  };

  const onDownload = async () => {
    if (!opened) return;
    try {
      const bytes = await saveXlsxBytes(opened.live.book, opened.source);
      download(bytes, resultName(opened.fileName, s.resultSuffix));
    } catch (e) {
      setNotice({ kind: 'error', text: s.failed({ what: s.whatDownload, detail: messageOf(e) }) });
    }
  };

  const button = {
    padding: '4px 12px',
    fontSize: 13,
    border: '1px solid #c8c8c8',
    borderRadius: 4,
    background: '#fff',
    cursor: 'pointer',
  } as const;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <header
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 10,
          padding: '6px 10px',
          background: '#217346',
          color: '#fff',
        }}
      >
        <strong style={{ fontSize: 15 }}>{s.title}</strong>
        <span style={{ fontSize: 12, opacity: 0.9 }}>{s.subtitle}</span>
        <span data-testid="host-kind" style={{ fontSize: 12, fontWeight: 600 }}>
          {hostKind === 'wps' ? s.hostWps : s.hostExcel}
        </span>
        <span style={{ flex: 1 }} />
        <button type="button" style={button} onClick={() => fileInput.current?.click()}>
          {s.open}
        </button>
        <input
          ref={fileInput}
          type="file"
          data-testid="open-file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onFile(file);
          }}
        />
        <button type="button" style={button} disabled={!opened} onClick={() => void onDownload()}>
          {s.download}
        </button>
        <button type="button" style={button} onClick={() => void openSample()}>
          {s.sample}
        </button>
      </header>
      <div
        style={{
          fontSize: 12,
          padding: '3px 10px',
          background: '#f3f9f5',
          borderBottom: '1px solid #d4d4d4',
        }}
      >
        {s.privacy}
      </div>
      {notice && (
        <div
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="page-notice"
          style={{
            padding: '6px 10px',
            fontSize: 13,
            background: notice.kind === 'error' ? '#fde7e9' : '#eef6fc',
            borderBottom: '1px solid #d4d4d4',
            display: 'flex',
            gap: 8,
          }}
        >
          <span style={{ flex: 1 }}>{notice.text}</span>
          <button type="button" onClick={() => setNotice(null)}>
            {s.dismiss}
          </button>
        </div>
      )}
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          {opened ? (
            <GridView key={opened.generation} live={opened.live} s={s} />
          ) : (
            <p style={{ padding: 12 }}>{s.loading}</p>
          )}
        </div>
        <aside
          aria-label={s.pane}
          data-testid="task-pane"
          style={{
            width: paneWidth,
            flex: 'none',
            borderLeft: '1px solid #d4d4d4',
            overflowY: 'auto',
            background: '#fff',
          }}
        >
          {opened && <App key={opened.generation} host={opened.host} steps={steps} />}
        </aside>
      </div>
    </div>
  );
}
