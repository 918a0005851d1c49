// Per-account actions: issue a temporary password (shown once), disable or enable.
import { KeyOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { api } from '../../../api/client';
import type { Staff } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { useAction } from '../../useAction';
import { useDangerConfirm } from '../../useConfirm';

interface Props {
  staff: Staff;
  onChanged(staff: Staff): void;
}

export function StaffActions({ staff, onChanged }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const confirmDanger = useDangerConfirm();
  const { busy, run } = useAction();
  // The server says whether I outrank every role of this account.
  if (!staff.canManage) return null;

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

  const setStatus = (status: Staff['status']) =>
    run(
      async () => onChanged(await call(api.PATCH('/api/v1/staff/{userId}', { params: { path: { userId: staff.id } }, body: { status } }))),
      t(status === 'active' ? 'staff.enabled' : 'staff.disabled', { name: staff.name }),
    );

  function confirmDisable() {
    confirmDanger({
      title: t('staff.disableTitle', { name: staff.name }),
      content: t('staff.disableBody'),
      okText: t('staff.disable'),
      onOk: () => setStatus('disabled'),
    });
  }

  return (
    <Space size="small" wrap>
      <Button size="small" icon={<KeyOutlined />} onClick={resetPassword}>{t('staff.reset')}</Button>
      {staff.status === 'active' ? (
        <Button size="small" danger icon={<StopOutlined />} onClick={confirmDisable}>{t('staff.disable')}</Button>
      ) : (
        <Button size="small" icon={<CheckCircleOutlined />} loading={busy !== null} onClick={() => void setStatus('active')}>{t('staff.enable')}</Button>
      )}
    </Space>
  );
}
