// A new staff account (or a new role for an existing account with that phone number).
// The generated first password is shown once, for the admin to hand over.
import { Button, Form, Input, Modal, Result, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { GrantableRole, NewStaffResult, Staff } from '../../../api/types';
import { limits, roleSiteKind, rolesGrantableBy } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { SiteSelect } from '../../components/SiteSelect';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../forms';

interface Values {
  name: string;
  phone: string;
  role: GrantableRole;
  siteId: number;
}

interface Props {
  onCreated(staff: Staff): void;
  onClose(): void;
}

export function CreateStaffModal({ onCreated, onClose }: Props) {
  const { t } = useI18n();
  const me = useMe();
  const roles = rolesGrantableBy(me.grants);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [result, setResult] = useState<NewStaffResult | null>(null);
  const submission = useFormSubmit(form, async (values) => {
    const created = await call(api.POST('/api/v1/staff', { body: { ...values, name: values.name.trim() } }));
    onCreated(created.staff);
    setResult(created);
  });

  if (result) {
    return (
      <Modal open title={t('staff.create')} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.done')}</Button>}>
        <Result
          status="success"
          title={t(result.created ? 'staff.created' : 'staff.roleAdded', { name: result.staff.name })}
          subTitle={result.staff.phoneMasked}
        />
        {result.initialPassword && <OneTimeSecret label={t('staff.initialPassword')} secret={result.initialPassword} />}
      </Modal>
    );
  }

  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <FormModal
      title={t('staff.create')}
      okText={t('staff.createSubmit')}
      form={form}
      submission={submission}
      initialValues={{ role: roles.at(-1) }}
      // A role sits on a site of its own level: a new role means choosing the site again.
      onValuesChange={(changed) => changed.role && form.resetFields(['siteId'])}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('staff.name')} rules={[required, { max: limits.staffName, message: t('validation.max', { n: limits.staffName }) }]}>
        <Input maxLength={limits.staffName} autoFocus />
      </Form.Item>
      <Form.Item name="phone" label={t('staff.phone')} extra={t('staff.phoneHint')} rules={[required, { pattern: limits.phone, message: t('validation.phone') }]}>
        <Input inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item name="role" label={t('staff.role')} rules={[required]}>
        <Select<GrantableRole> options={roles.map((value) => ({ value, label: t(`role.${value}`) }))} />
      </Form.Item>
      <Form.Item name="siteId" label={t('staff.site')} rules={[{ required: true, message: t('validation.required') }]}>
        <SiteSelect kind={role ? roleSiteKind[role] : undefined} />
      </Form.Item>
    </FormModal>
  );
}
