// A new care group (帮扶小组) at a village or community station, with its first members.
import { Form, Input } from 'antd';
import { api } from '../../../api/client';
import type { CareGroup } from '../../../api/careTypes';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { FormModal } from '../../components/FormModal';
import { VolunteerSelect } from '../../components/Pickers';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';

interface Values {
  name: string;
  siteId: number;
  memberId?: number;
}

export function GroupFormModal({ onCreated, onClose }: { onCreated(group: CareGroup): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, async ({ name, siteId, memberId }) => {
    const group = await call(api.POST('/api/v1/care-groups', { body: { name, siteId, memberIds: memberId ? [memberId] : [] } }));
    onCreated(group);
    onClose();
  });
  return (
    <FormModal title={t('care.admin.createGroup')} okText={t('care.admin.create')} form={form} submission={submission} onClose={onClose}>
      <Form.Item name="name" label={t('care.admin.groupName')} rules={[{ required: true, min: 2, max: 100, message: t('care.admin.groupNameRule') }]}>
        <Input placeholder={t('care.admin.groupNamePlaceholder')} />
      </Form.Item>
      <Form.Item name="siteId" label={t('care.admin.site')} extra={t('care.admin.siteHint')} rules={[{ required: true, message: t('validation.required') }]}>
        <SiteSelect kind="station" />
      </Form.Item>
      <Form.Item name="memberId" label={t('care.admin.firstMember')} extra={t('care.admin.firstMemberHint')}>
        <VolunteerSelect allowClear />
      </Form.Item>
    </FormModal>
  );
}
