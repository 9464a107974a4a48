/** The fault on screen: what happened and what to do, in the pane's language. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { hostMessage } from '../../host/messages';
import type { T, UiLang } from '../i18n';
import type { Fault } from '../state/faults';

export function faultText(fault: Fault, lang: UiLang, t: T): { title: string; body: string } {
  switch (fault.kind) {
    case 'noTable':
      return { title: t('fault.title.noTable'), body: t('fault.body.noTable') };
    case 'protected':
      return { title: t('fault.title.protected'), body: t('fault.body.protected', { sheet: fault.sheet }) };
    case 'changed':
      return { title: t('fault.title.changed'), body: t('fault.body.changed') };
    case 'host':
      return {
        title: t(fault.code === 'excelTooOld' ? 'fault.title.excelTooOld' : 'fault.title.host'),
        body: hostMessage(fault.code, fault.params, lang === 'zh' ? 'zh-CN' : 'en'),
      };
    case 'unexpected':
      return {
        title: t('fault.title.unexpected'),
        body: t('fault.body.unexpected', { message: fault.message }),
      };
  }
}

export interface FaultBarProps {
  fault: Fault;
  lang: UiLang;
  t: T;
  onReload: () => void;
  onDismiss: () => void;
}

export function FaultBar({ fault, lang, t, onReload, onDismiss }: FaultBarProps) {
  const { title, body } = faultText(fault, lang, t);
  const intent =
    fault.kind === 'noTable' ||
    fault.kind === 'changed' ||
    (fault.kind === 'host' && fault.code === 'excelTooOld')
      ? 'warning'
      : 'error';
  return (
    <MessageBar intent={intent} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div style={{ overflowWrap: 'anywhere' }}>{body}</div>
      </MessageBarBody>
      <MessageBarActions>
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
