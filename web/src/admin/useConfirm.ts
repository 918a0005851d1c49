// “Really?” before an action that cannot simply be undone: the action's name on a red
// button, Cancel beside it.
import { App } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../shared/i18n';

interface Question {
  title: string;
  content: ReactNode;
  okText: string;
  onOk(): Promise<unknown> | void;
}

export function useDangerConfirm() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  return ({ title, content, okText, onOk }: Question) =>
    modal.confirm({ title, content, okText, okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk });
}
