// Per-account actions: issue a temporary password (shown once), disable or enable.
import { KeyOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Staff } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { canManage } from './permissions';

interface Props {
  staff: Staff;
  onChanged(staff: Staff): void;
}

export function StaffActions({ staff, onChanged }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const me = useMe();
  const [busy, setBusy] = useState(false);
  if (!canManage(me.grants, me.user.id, staff)) return null;

  function resetPassword() {
    modal.confirm({
      title: t('staff.resetTitle', { name: staff.name }),
      content: t('staff.resetBody'),
      okText: t('staff.reset'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { temporaryPassword } = await call(api.POST('/api/v1/staff/{userId}/reset-password', { params: { path: { userId: staff.id } } }));
          modal.success({
            title: t('staff.resetDone', { name: staff.name }),
            content: <OneTimeSecret label={t('staff.temporaryPassword')} secret={temporaryPassword} />,
            okText: t('common.done'),
          });
        } catch (error) {
          void message.error(errorMessage(error, t));
        }
      },
    });
  }

  async function setStatus(status: Staff['status']) {
    setBusy(true);
    try {
      onChanged(await call(api.PATCH('/api/v1/staff/{userId}', { params: { path: { userId: staff.id } }, body: { status } })));
      void message.success(t(status === 'active' ? 'staff.enabled' : 'staff.disabled', { name: staff.name }));
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  function confirmDisable() {
    modal.confirm({
      title: t('staff.disableTitle', { name: staff.name }),
      content: t('staff.disableBody'),
      okText: t('staff.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => setStatus('disabled'),
    });
  }

  return (
    <Space size="small" wrap>
      <Button size="small" icon={<KeyOutlined />} onClick={resetPassword}>{t('staff.reset')}</Button>
      {staff.status === 'active' ? (
        <Button size="small" danger icon={<StopOutlined />} onClick={confirmDisable}>{t('staff.disable')}</Button>
      ) : (
        <Button size="small" icon={<CheckCircleOutlined />} loading={busy} onClick={() => void setStatus('active')}>{t('staff.enable')}</Button>
      )}
    </Space>
  );
}
