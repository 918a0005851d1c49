// Approve at once, or reject with a reason the applicant will read: registrations,
// organizations and projects are reviewed the same way.
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { limits } from '../../shared/domain';
import { useI18n } from '../../shared/i18n';
import { useAction } from '../useAction';
import { ReasonModal } from './ReasonModal';

interface Props {
  /** Whose application, for the dialog's title. */
  name: string;
  size?: 'small' | 'middle';
  review(decision: { decision: 'approve' } | { decision: 'reject'; reason: string }): Promise<void>;
}

export function ReviewButtons({ name, size = 'small', review }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const approval = useAction();
  const [rejecting, setRejecting] = useState(false);

  return (
    <Space size="small">
      <Button size={size} type="primary" icon={<CheckOutlined />} loading={approval.busy !== null} onClick={() => void approval.run(() => review({ decision: 'approve' }), t('review.approved', { name }))}>{t('review.approve')}</Button>
      <Button size={size} danger icon={<CloseOutlined />} onClick={() => setRejecting(true)}>{t('review.reject')}</Button>
      {rejecting && (
        <ReasonModal
          title={t('review.rejectTitle', { name })}
          label={t('review.rejectReason')}
          okText={t('review.reject')}
          danger
          min={1}
          max={limits.rejectReason}
          onSubmit={async (reason) => {
            await review({ decision: 'reject', reason });
            setRejecting(false);
            void message.success(t('review.rejected', { name }));
          }}
          onClose={() => setRejecting(false)}
        />
      )}
    </Space>
  );
}
