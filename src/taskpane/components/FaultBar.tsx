/** The fault on screen: what happened and what to do, in the pane's language. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';
import { type HostErrorCode, hostMessage } from '../../host/messages';
import type { T, UiKey, UiLang } from '../i18n';
import type { Fault } from '../state/faults';

/** Host faults that are not an error Excel reported, each under its own title. */
const HOST_TITLES: Partial<Record<HostErrorCode, UiKey>> = {
  excelTooOld: 'fault.title.excelTooOld',
  noWorkbook: 'fault.title.noWorkbook',
  unreadableAnswer: 'fault.title.unexpected',
};

/** A fault of the workbook or the host, or a step of the pane whose code could not be fetched. */
export type PaneFault = Fault | { kind: 'stepNotLoaded' };

export function faultText(fault: PaneFault, lang: UiLang, t: T): { title: string; body: string } {
  switch (fault.kind) {
    case 'stepNotLoaded':
      return { title: t('fault.title.stepNotLoaded'), body: t('fault.body.stepNotLoaded') };
    case 'noTable':
      return { title: t('fault.title.noTable'), body: t('fault.body.noTable') };
    case 'dictionaryNotLoaded':
      return { title: t('fault.title.dictionaryNotLoaded'), body: t('fault.body.dictionaryNotLoaded') };
    case 'protected':
      return { title: t('fault.title.protected'), body: t('fault.body.protected', { sheet: fault.sheet }) };
    case 'changed':
      return { title: t('fault.title.changed'), body: t('fault.body.changed') };
    case 'host':
      return {
        title: t(HOST_TITLES[fault.code] ?? 'fault.title.host'),
        body: hostMessage(fault.code, fault.params, lang),
      };
    case 'interrupted': {
      const list = (names: string[]) =>
        names.length === 0 ? t('fault.none') : names.join(t('listSeparator'));
      return {
        title: t('fault.title.interrupted'),
        body: t('fault.body.interrupted', {
          code: fault.code,
          written: list(fault.written),
          partly: list(fault.partly),
          notWritten: list(fault.notWritten),
        }),
      };
    }
    case 'unexpected':
      return {
        title: t('fault.title.unexpected'),
        body: t('fault.body.unexpected'),
      };
  }
}

export interface FaultBarProps {
  fault: PaneFault;
  lang: UiLang;
  t: T;
  onReload: () => void;
  onDismiss: () => void;
  /** Write the rest of an interrupted write (shown for that fault only). */
  onFinish?: () => void;
}

const useStyles = makeStyles({
  body: { overflowWrap: 'anywhere' },
});

export function FaultBar({ fault, lang, t, onReload, onDismiss, onFinish }: FaultBarProps) {
  const { title, body } = faultText(fault, lang, t);
  const styles = useStyles();
  const intent =
    fault.kind === 'noTable' ||
    fault.kind === 'changed' ||
    (fault.kind === 'host' && fault.code in HOST_TITLES)
      ? 'warning'
      : 'error';
  return (
    <MessageBar intent={intent} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div className={styles.body}>{body}</div>
      </MessageBarBody>
      <MessageBarActions>
        {fault.kind === 'interrupted' && onFinish && (
          <Button size="small" appearance="primary" onClick={onFinish}>
            {t('finishWrite')}
          </Button>
        )}
        <Button size="small" onClick={onReload}>
          {t('reload')}
        </Button>
        <Button size="small" appearance="transparent" onClick={onDismiss}>
          {t('dismiss')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
