// The leader rates a volunteer's service at this activity (评价): 1 to 5 and a comment.
import { App, Form, Input, Rate } from 'antd';
import { api } from '../../../api/client';
import type { RosterEntry } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useFormSubmit } from '../../forms';
import { FormModal } from '../../components/FormModal';

const COMMENT_MAX = 500;

export function RateVolunteerModal({ activityId, entry, onClose }: { activityId: number; entry: RosterEntry; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const submission = useFormSubmit(form, async ({ score, comment }) => {
    await call(api.POST('/api/v1/activities/{id}/volunteers/{volunteerId}/rating', {
      params: { path: { id: activityId, volunteerId: entry.volunteerId } }, body: { score, comment: comment?.trim() || null },
    }));
    void message.success(t('activities.rated', { name: entry.name }));
    onClose();
  });

  return (
    <FormModal
      title={t('activities.rateTitle', { name: entry.name })}
      okText={t('common.save')}
      onClose={onClose}
      form={form}
      submission={submission}
      initialValues={{ score: 5 }}
    >
      <Form.Item name="score" label={t('activities.score')} rules={[{ required: true, message: t('validation.required') }]}>
        <Rate />
      </Form.Item>
      <Form.Item name="comment" label={t('activities.comment')}>
        <Input.TextArea maxLength={COMMENT_MAX} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
