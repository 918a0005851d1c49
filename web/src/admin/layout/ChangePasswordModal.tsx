import { Alert, App, Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import { limits } from '../../shared/domain';
import { call } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { useFormSubmit } from '../forms';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** `required`: the account still has its initial or reset password and must change it. */
export function ChangePasswordModal({ open, required, onClose }: { open: boolean; required: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { refresh, signOut } = useSession();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, error, clearError } = useFormSubmit(form, async ({ currentPassword, newPassword }) => {
    await call(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
    void message.success(t('password.changed'));
    form.resetFields();
    onClose();
    await refresh();
  });

  function cancel() {
    form.resetFields();
    clearError();
    if (required) void signOut();
    else onClose();
  }

  return (
    <Modal
      open={open}
      title={t('password.change')}
      okText={t('common.save')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={cancel}
      // A required change cannot be dismissed; signing out is the way out instead.
      cancelText={required ? t('layout.logout') : t('common.cancel')}
      closable={!required}
      mask={{ closable: !required }}
      keyboard={!required}
      // Rendered while closed too, so the form exists whenever cancel() resets it.
      forceRender
    >
      {required && <Alert type="warning" showIcon title={t('password.mustChange')} className="form-alert" />}
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={clearError}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="current-password" maxLength={limits.password} autoFocus />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rule')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoComplete="new-password" maxLength={limits.password} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={limits.password} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
        {/* Enter in any field submits. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
