// 交接: a recipient goes to another active member of their group (the one who left, or
// who cannot keep up, hands over).
import { Form, Select } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import type { ListedRecipient } from '../../../api/careTypes';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../forms';

type Listed = ListedRecipient;

export function HandOverModal({ recipient, onDone, onClose }: { recipient: Listed; onDone(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ toVolunteerId: number }>();
  const group = useLoad(useCallback(() => call(api.GET('/api/v1/care-groups/{id}', { params: { path: { id: recipient.groupId } } })), [recipient.groupId]));
  const members = (group.data?.members ?? []).filter((m) => m.leftAt === null && m.volunteerId !== recipient.caretaker?.volunteerId);
  const submission = useFormSubmit(form, async (values) => {
    await call(api.POST('/api/v1/care-recipients/{id}/hand-over', { params: { path: { id: recipient.id } }, body: values }));
    onDone();
    onClose();
  });
  return (
    <FormModal
      title={t('care.admin.handOverTitle', { name: recipient.name })}
      okText={t('care.admin.handOver')}
      form={form}
      submission={submission}
      onClose={onClose}
      intro={<p>{t('care.admin.handOverIntro', { group: recipient.groupName })}</p>}
    >
      <Form.Item name="toVolunteerId" label={t('care.admin.handOverTo')} rules={[{ required: true, message: t('validation.required') }]}>
        <Select
          loading={group.loading}
          placeholder={t('care.admin.chooseMember')}
          notFoundContent={t('care.admin.noOtherMember')}
          options={members.map((m) => ({ value: m.volunteerId, label: m.partyMember ? `${m.name}（${t('care.admin.partyMember')}）` : m.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}
