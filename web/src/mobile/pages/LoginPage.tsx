import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { limits } from '../../shared/domain';
import { placeError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { LanguagePicker } from '../LanguagePicker';

interface Credentials {
  phone: string;
  password: string;
}

const FIELDS = ['phone', 'password'] as const;

export function LoginPage() {
  const { t } = useI18n();
  const { state, signIn } = useSession();
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const from = (useLocation().state as { from?: string } | null)?.from;

  if (state.status === 'signedIn') return <Navigate to={from?.startsWith('/') ? from : '/'} replace />;

  async function submit({ phone, password }: Credentials) {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(phone, password);
    } catch (failure) {
      const { field, message } = placeError(failure, FIELDS, t);
      if (field) form.setFields([{ name: field, errors: [message] }]);
      else setError(message);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="m-login">
      <LanguagePicker />
      <h1 className="m-brand">{t('app.name')}</h1>
      <p className="m-subtitle">{t('m.subtitle')}</p>
      <Form
        form={form}
        layout="vertical"
        requiredMarkStyle="none"
        onFinish={submit}
        onValuesChange={() => setError(null)}
        footer={
          <>
            {error && <p className="m-error" role="alert">{error}</p>}
            <Button block type="submit" color="primary" size="large" loading={submitting}>{t('login.submit')}</Button>
            <p className="m-switch-link">
              {t('mobile.login.noAccount')} <Link to="/register">{t('mobile.login.register')}</Link>
            </p>
          </>
        }
      >
        <Form.Item
          name="phone"
          label={t('login.phone')}
          rules={[
            { required: true, message: t('login.phoneRequired') },
            { pattern: limits.phone, message: t('validation.phone') },
          ]}
        >
          <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="username" clearable placeholder={t('login.phonePlaceholder')} />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input type="password" maxLength={limits.password} autoComplete="current-password" clearable />
        </Form.Item>
      </Form>
    </div>
  );
}
