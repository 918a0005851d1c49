// 实名注册: a new person registers (and is signed in), or a signed-in resident becomes a
// volunteer (no phone or password asked again). The home site's station reviews it.
import { Checkbox, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Availability, ServiceCategory } from '../../../api/types';
import { limits } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { Loading } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { PhoneForm, usePhoneForm } from '../../components/PhoneForm';
import { useMyVolunteer } from '../../myVolunteer';
import { HomeSitePicker, type ChosenSite } from './HomeSitePicker';
import { readIdNumber } from './idNumber';
import { ServiceFields } from './ServiceFields';

interface Values {
  name: string;
  idNumber: string;
  phone?: string;
  password?: string;
  site?: ChosenSite;
  categories?: ServiceCategory[];
  skills?: string[];
  availability?: Availability[];
  partyMember?: boolean;
  emergencyReserve?: boolean;
  guardianName?: string;
  guardianPhone?: string;
  guardianConsent?: boolean;
  consent?: boolean;
}

const FIELDS = ['name', 'idNumber', 'phone', 'password', 'site', 'categories', 'skills', 'availability', 'guardianName', 'guardianPhone', 'guardianConsent', 'consent'];
/** The API's field names where the form's differ. */
const FORM_FIELD: Record<string, string> = { siteId: 'site', guardian: 'guardianConsent' };
const STRONG_PASSWORD = /^(?=.*[A-Za-z])(?=.*\d).{8,}$/;

export function RegisterPage() {
  const { state } = useSession();
  const { volunteer } = useMyVolunteer();
  // Set once the registration went through and the session is refreshed: 我的 then says it
  // waits for review, unless it linked a record the station had entered already (reviewed).
  const [registered, setRegistered] = useState<{ waiting: boolean } | null>(null);
  if (registered) return <Navigate to="/me" replace state={{ registered: registered.waiting }} />;
  if (state.status === 'loading' || (state.status === 'signedIn' && volunteer === undefined)) return <Loading />;
  if (state.status === 'signedIn' && volunteer) return <Navigate to="/me" replace />;
  return <RegisterForm signedIn={state.status === 'signedIn'} onRegistered={(waiting) => setRegistered({ waiting })} />;
}

function RegisterForm({ signedIn, onRegistered }: { signedIn: boolean; onRegistered(waiting: boolean): void }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const myVolunteer = useMyVolunteer();
  const state = usePhoneForm<Values>(FIELDS, FORM_FIELD);
  const idNumber = Form.useWatch('idNumber', state.form) ?? '';
  const reading = readIdNumber(idNumber);
  const minor = reading.ok && reading.age < 18;

  function submit(values: Values) {
    const profile = {
      name: values.name.trim(),
      idNumber: values.idNumber.trim().toUpperCase(),
      siteId: values.site!.site.id,
      categories: values.categories ?? [],
      skills: values.skills ?? [],
      availability: values.availability ?? [],
      partyMember: values.partyMember ?? false,
      emergencyReserve: values.emergencyReserve ?? false,
      guardian: minor ? { name: values.guardianName!.trim(), phone: values.guardianPhone!, consent: true as const } : null,
      consent: true as const,
    };
    void state.send((headers) => signedIn
      ? call(api.POST('/api/v1/volunteers/me', { body: profile, headers }))
      : call(api.POST('/api/v1/volunteers/register', { body: { ...profile, phone: values.phone!, password: values.password! }, headers })),
    async (volunteer) => {
      await refresh(); // signed in now (a new person), with the volunteer role
      // A new sign-in loads its profile by itself; a resident's account stays the same one.
      if (signedIn) myVolunteer.set(volunteer);
      onRegistered(volunteer.status === 'pending');
    });
  }

  const required = (message = t('validation.required')) => ({ required: true, whitespace: true, message });

  return (
    <div className="m-register">
      <PageHeader title={t('mobile.register.title')} back={signedIn ? '/' : '/login'} />
      <p className="m-lead">{t('mobile.register.intro')}</p>
      <PhoneForm
        state={state}
        submitLabel={t('mobile.register.submit')}
        below={!signedIn && <p className="m-switch-link"><Link to="/login">{t('mobile.register.signInInstead')}</Link></p>}
        initialValues={{ categories: [], skills: [], availability: [], partyMember: false, emergencyReserve: false }}
        onFinish={submit}
      >
        <Form.Header>{t('mobile.register.identity')}</Form.Header>
        <Form.Item name="name" label={t('mobile.register.name')} rules={[required(), { max: limits.personName, message: t('validation.max', { n: limits.personName }) }]}>
          <Input maxLength={limits.personName} autoComplete="name" placeholder={t('mobile.register.namePlaceholder')} clearable />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('mobile.register.idNumber')}
          description={reading.ok ? t('mobile.register.age', { n: reading.age }) : undefined}
          rules={[
            required(),
            {
              validator: async (_, value?: string) => {
                const read = readIdNumber(value ?? '');
                if (!read.ok && value) throw new Error(t(read.problem === 'format' ? 'mobile.register.idFormat' : 'mobile.register.idBirthDate'));
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" placeholder={t('mobile.register.idNumberPlaceholder')} clearable />
        </Form.Item>
        {!signedIn && (
          <>
            <Form.Item name="phone" label={t('login.phone')} rules={[required(), { pattern: limits.phone, message: t('validation.phone') }]}>
              <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" placeholder={t('login.phonePlaceholder')} clearable />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('mobile.register.password')}
              description={t('password.rule')}
              rules={[required(), { pattern: STRONG_PASSWORD, message: t('password.rule') }]}
            >
              <Input type="password" maxLength={limits.password} autoComplete="new-password" clearable />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="site"
          label={t('mobile.register.site')}
          description={t('mobile.register.siteHint')}
          rules={[{ required: true, message: t('mobile.register.siteRequired') }]}
        >
          <HomeSitePicker />
        </Form.Item>

        {minor && (
          <>
            <Form.Header>{t('mobile.register.guardianTitle')}</Form.Header>
            <p className="m-notice" role="note">{t('mobile.register.guardianNotice')}</p>
            <Form.Item name="guardianName" label={t('mobile.register.guardianName')} rules={[required(), { max: limits.personName, message: t('validation.max', { n: limits.personName }) }]}>
              <Input maxLength={limits.personName} clearable />
            </Form.Item>
            <Form.Item name="guardianPhone" label={t('mobile.register.guardianPhone')} rules={[required(), { pattern: limits.phone, message: t('validation.phone') }]}>
              <Input type="tel" inputMode="numeric" maxLength={11} clearable />
            </Form.Item>
            <Form.Item
              name="guardianConsent"
              valuePropName="checked"
              rules={[{ validator: async (_, checked?: boolean) => { if (!checked) throw new Error(t('mobile.register.guardianConsentRequired')); } }]}
            >
              <Checkbox className="m-check">{t('mobile.register.guardianConsent')}</Checkbox>
            </Form.Item>
          </>
        )}

        <Form.Header>{t('mobile.register.service')}</Form.Header>
        <ServiceFields required />

        <Form.Header>{t('mobile.register.privacyTitle')}</Form.Header>
        <p className="m-notice">{t('mobile.register.privacyNotice')}</p>
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[{ validator: async (_, checked?: boolean) => { if (!checked) throw new Error(t('mobile.register.consentRequired')); } }]}
        >
          <Checkbox className="m-check">{t('mobile.register.consent')}</Checkbox>
        </Form.Item>
      </PhoneForm>
    </div>
  );
}
