// 修改资料 on 我的: the volunteer corrects their own contact phone and what they offer
// (correction on request). The phone shows masked and stays as it is unless a new number
// is typed; name, ID number and home site are corrected by the station, as the form says.
import { Button, Form, Input, List, Popup, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Availability, MyCorrection, MyVolunteer, ServiceCategory } from '../../../api/types';
import { availabilityOptions, limits, serviceCategories } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { PhoneForm, usePhoneForm } from '../../components/PhoneForm';
import { useMyVolunteer } from '../../myVolunteer';
import { ServiceFields } from '../register/ServiceFields';

interface Values {
  phone?: string;
  categories: ServiceCategory[];
  skills: string[];
  availability: Availability[];
  partyMember: boolean;
  emergencyReserve: boolean;
}

const FIELDS = ['phone', 'categories', 'skills', 'availability', 'partyMember', 'emergencyReserve'];

/** The 修改资料 row of the profile list, and the form it opens. */
export function CorrectProfileItem({ volunteer }: { volunteer: MyVolunteer }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <List.Item arrowIcon onClick={() => setOpen(true)}>{t('mobile.correct.link')}</List.Item>
      <Popup visible={open} onMaskClick={close} destroyOnClose bodyClassName="m-sheet">
        {open && <CorrectProfileForm volunteer={volunteer} onClose={close} />}
      </Popup>
    </>
  );
}

function CorrectProfileForm({ volunteer, onClose }: { volunteer: MyVolunteer; onClose(): void }) {
  const { t } = useI18n();
  const myVolunteer = useMyVolunteer();
  const state = usePhoneForm<Values>(FIELDS);
  // Only the choices the form offers: a value it does not know could not be sent back.
  const initialValues: Values = {
    categories: serviceCategories.filter((category) => volunteer.categories.includes(category)),
    skills: volunteer.skills,
    availability: availabilityOptions.filter((option) => volunteer.availability.includes(option)),
    partyMember: volunteer.partyMember,
    emergencyReserve: volunteer.emergencyReserve,
  };

  function submit({ phone, ...profile }: Values) {
    const body: MyCorrection = { ...profile, ...(phone ? { phone } : {}) };
    void state.send((headers) => call(api.PATCH('/api/v1/volunteers/me', { body, headers })), (updated) => {
      myVolunteer.set(updated); // 我的 shows the corrected values at once
      Toast.show({ icon: 'success', content: t('mobile.correct.saved') });
      onClose();
    });
  }

  return (
    <div className="m-register">
      <div className="m-sheet-head">
        <h2>{t('mobile.correct.title')}</h2>
        <Button fill="none" size="large" onClick={onClose}>{t('common.cancel')}</Button>
      </div>
      <p className="m-lead">{t('mobile.correct.intro')}</p>
      <PhoneForm state={state} submitLabel={t('mobile.correct.submit')} initialValues={initialValues} onFinish={submit}>
        <Form.Item
          name="phone"
          label={t('login.phone')}
          description={t('mobile.correct.phoneHint')}
          rules={[{ pattern: limits.phone, message: t('validation.phone') }]}
        >
          <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" placeholder={volunteer.phoneMasked} clearable />
        </Form.Item>
        <ServiceFields required={false} />
      </PhoneForm>
    </div>
  );
}
