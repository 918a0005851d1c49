// A new care recipient (帮扶对象): who they are and how often to visit, the member who
// looks after them, and the separate consent for sensitive data (from them or their
// guardian). Names are masked in every list; the full record is read only when needed.
import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../../api/client';
import type { CareGroup, NewRecipient, RecipientKind } from '../../../api/careTypes';
import { recipientKindName, recipientKinds } from '../../../shared/careLabels';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../forms';

interface Values {
  kind: RecipientKind;
  name: string;
  phone?: string;
  address?: string;
  needs?: string;
  visitEveryDays: number;
  caretakerId: number;
  consent: boolean;
}

export function RecipientFormModal({ group, onAdded, onClose }: { group: CareGroup; onAdded(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, async (values) => {
    const body: NewRecipient = {
      groupId: group.id, kind: values.kind, name: values.name.trim(), visitEveryDays: values.visitEveryDays, caretakerId: values.caretakerId, consent: true,
      ...(values.phone && { phone: values.phone }), ...(values.address && { address: values.address }), ...(values.needs && { needs: values.needs }),
    };
    await call(api.POST('/api/v1/care-recipients', { body }));
    onAdded();
    onClose();
  });
  const members = group.members.filter((m) => m.leftAt === null);
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal
      title={t('care.admin.addRecipientTo', { group: group.name })}
      okText={t('care.admin.add')}
      form={form}
      submission={submission}
      onClose={onClose}
      width={600}
      initialValues={{ kind: 'elderly_alone', visitEveryDays: 14 }}
    >
      <Form.Item name="kind" label={t('care.admin.kind')} rules={[required]}>
        <Select options={recipientKinds.map((kind) => ({ value: kind, label: recipientKindName(t, kind) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('care.admin.fullName')} rules={[required]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label={t('care.admin.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('care.admin.phoneRule') }]}>
        <Input inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item name="address" label={t('care.admin.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="needs" label={t('care.admin.needs')} extra={t('care.admin.needsHint')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="visitEveryDays" label={t('care.admin.visitEvery')} rules={[required]}>
        <InputNumber min={1} max={365} suffix={t('care.admin.days')} />
      </Form.Item>
      <Form.Item name="caretakerId" label={t('care.admin.caretaker')} rules={[required]}>
        <Select placeholder={t('care.admin.chooseMember')} options={members.map((m) => ({ value: m.volunteerId, label: m.name }))} notFoundContent={t('care.admin.noMembers')} />
      </Form.Item>
      <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, checked) => (checked ? Promise.resolve() : Promise.reject(new Error(t('care.admin.consentRequired')))) }]}>
        <Checkbox>{t('care.admin.consent')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
