import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { limits } from '../../../shared/domain';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useFormSubmit } from '../../forms';

interface Credentials {
  phone: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { state, signIn } = useSession();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/network';
  const [form] = Form.useForm<Credentials>();
  // Signing in changes the session, and the redirect below takes the person on.
  const { submit, submitting, error, clearError } = useFormSubmit(form, async ({ phone, password }) => {
    await signIn(phone, password);
  });

  if (state.status === 'signedIn') return <Navigate to={from} replace />;

  return (
    <div className="login-page">
      <div className="login-language"><LanguageSwitch /></div>
      <Card className="login-card">
        <Typography.Title level={2} className="login-brand">{t('app.name')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.fullName')}</Typography.Paragraph>
        <Typography.Title level={4}>{t('login.title')}</Typography.Title>
        <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit} onValuesChange={clearError}>
          <Form.Item
            name="phone"
            label={t('login.phone')}
            rules={[
              { required: true, message: t('login.phoneRequired') },
              { pattern: limits.phone, message: t('validation.phone') },
            ]}
          >
            <Input prefix={<MobileOutlined />} inputMode="numeric" maxLength={11} autoComplete="username" autoFocus placeholder={t('login.phonePlaceholder')} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} maxLength={limits.password} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} className="form-alert" />}
          <Button type="primary" htmlType="submit" block loading={submitting}>{t('login.submit')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" className="login-hint">
          {t('login.mobileHint')} <a href="/m/">{t('login.mobileLink')}</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
