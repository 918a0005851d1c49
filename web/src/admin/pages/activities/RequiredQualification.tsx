// The training an activity requires (需完成培训), and changing it while the activity is
// published: from then on sign-ups need it; those already made stand.
import { Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Activity } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../forms';
import { QualificationSelect } from './QualificationSelect';

export function RequiredQualification({ activity, onChanged }: { activity: Activity; onChanged(activity: Activity): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <Space wrap>
      {activity.requiredQualification
        ? t('activities.qualificationValue', { q: activity.requiredQualification })
        : <Typography.Text type="secondary">{t('activities.noQualification')}</Typography.Text>}
      {activity.status === 'published' && (
        <Button size="small" type="link" onClick={() => setEditing(true)} aria-label={t('activities.qualificationEdit', { title: activity.title })}>
          {t('common.edit')}
        </Button>
      )}
      {editing && (
        <QualificationModal
          activity={activity}
          onSaved={(changed) => {
            onChanged(changed);
            setEditing(false);
          }}
          onClose={() => setEditing(false)}
        />
      )}
    </Space>
  );
}

function QualificationModal({ activity, onSaved, onClose }: { activity: Activity; onSaved(activity: Activity): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ requiredQualification?: string | null }>();
  const submission = useFormSubmit(form, async (values) => {
    onSaved(await call(api.PATCH('/api/v1/activities/{id}', {
      params: { path: { id: activity.id } }, body: { requiredQualification: values.requiredQualification ?? null },
    })));
  });
  return (
    <FormModal
      title={t('activities.qualificationEdit', { title: activity.title })}
      okText={t('common.save')}
      form={form}
      submission={submission}
      initialValues={{ requiredQualification: activity.requiredQualification }}
      intro={<Typography.Paragraph type="secondary">{t('activities.qualificationChangeNote')}</Typography.Paragraph>}
      onClose={onClose}
    >
      <Form.Item name="requiredQualification" label={t('activities.requiredQualification')} extra={t('activities.requiredQualificationHint')}>
        <QualificationSelect area={activity.site.regionCode} />
      </Form.Item>
    </FormModal>
  );
}
