// Entering a volunteer (staff: active at once) or editing one's profile. The ID number
// is checked as it is typed; the server's answer (a duplicate, say where) shows under it.
import { Alert, Checkbox, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { api } from '../../../api/client';
import type { Availability, NewVolunteer, ServiceCategory, VolunteerDetail } from '../../../api/types';
import { availabilityOptions, limits, serviceCategories } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { beijingToday } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { ageOn, checkIdNumber } from '../../../shared/idNumber';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';
import { FormModal } from '../../components/FormModal';

interface Values {
  name: string;
  idNumber: string;
  phone: string;
  siteId: number;
  categories: ServiceCategory[];
  skills: string[];
  availability: Availability[];
  partyMember: boolean;
  emergencyReserve: boolean;
  guardian?: { name: string; phone: string; consent: boolean };
  consent: boolean;
}

interface Props {
  /** The volunteer being edited; none when entering a new one. */
  volunteer?: VolunteerDetail;
  onSaved(volunteer: VolunteerDetail): void;
  onClose(): void;
}

const known = <T extends string>(values: readonly T[], codes: string[]) => codes.filter((code): code is T => (values as readonly string[]).includes(code));

export function VolunteerFormModal({ volunteer, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const facts = checkIdNumber(idNumber);
  const minor = typeof facts === 'object' && ageOn(facts.birthDate, beijingToday()) < 18;
  const submission = useFormSubmit(form, async (values) => {
    const profile = {
      name: values.name.trim(),
      siteId: values.siteId,
      categories: values.categories ?? [],
      skills: (values.skills ?? []).map((skill) => skill.trim()).filter(Boolean),
      availability: values.availability ?? [],
      partyMember: values.partyMember ?? false,
      emergencyReserve: values.emergencyReserve ?? false,
    };
    if (volunteer) {
      // An empty phone leaves the registered one as it is.
      const body = { ...profile, ...(values.phone ? { phone: values.phone } : {}) };
      onSaved(await call(api.PATCH('/api/v1/volunteers/{id}', { params: { path: { id: volunteer.id } }, body })));
      return;
    }
    const body: NewVolunteer = {
      ...profile,
      idNumber: values.idNumber.trim().toUpperCase(),
      phone: values.phone,
      guardian: minor && values.guardian ? { name: values.guardian.name.trim(), phone: values.guardian.phone, consent: true } : null,
      consent: true,
    };
    onSaved(await call(api.POST('/api/v1/volunteers', { body })));
  });
  const required = { required: true, whitespace: true, message: t('validation.required') };
  // Skills and available times are required on entry (DOMAIN.md); an edit keeps what an
  // older record lacks rather than refusing to save its other changes.
  const atLeastOne = (message: string) => (volunteer ? [] : [{ type: 'array' as const, required: true, min: 1, message }]);

  const initialValues: Partial<Values> = volunteer
    ? {
        name: volunteer.name,
        siteId: volunteer.site.id,
        categories: known(serviceCategories, volunteer.categories),
        skills: volunteer.skills,
        availability: known(availabilityOptions, volunteer.availability),
        partyMember: volunteer.partyMember,
        emergencyReserve: volunteer.emergencyReserve,
      }
    : { categories: [], skills: [], availability: [], partyMember: false, emergencyReserve: false };

  return (
    <FormModal
      width={720}
      title={volunteer ? t('volunteers.editTitle', { name: volunteer.name }) : t('volunteers.create')}
      okText={volunteer ? t('common.save') : t('volunteers.createSubmit')}
      onClose={onClose}
      form={form}
      submission={submission}
      initialValues={initialValues}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('volunteers.name')} rules={[required, { max: limits.personName, message: t('validation.max', { n: limits.personName }) }]}>
            <Input maxLength={limits.personName} autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="siteId" label={t('volunteers.site')} extra={t('volunteers.siteHint')} rules={[{ required: true, message: t('validation.required') }]}>
            <SiteSelect initial={volunteer && { id: volunteer.site.id, label: volunteer.site.name }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {!volunteer && (
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label={t('volunteers.idNumber')}
              extra={typeof facts === 'object' && (
                <Typography.Text type="success">
                  {t('volunteers.idFacts', { birthDate: facts.birthDate, sex: t(`volunteers.sex.${facts.sex}`), age: ageOn(facts.birthDate, beijingToday()) })}
                </Typography.Text>
              )}
              rules={[
                required,
                {
                  validator: (_, value: string | undefined) => {
                    if (!value || value.trim().length < 18) return Promise.resolve(); // still typing, or empty (required says so)
                    const result = checkIdNumber(value);
                    return typeof result === 'string' ? Promise.reject(new Error(t(`volunteers.idProblem.${result}`))) : Promise.resolve();
                  },
                },
                { len: 18, message: t('volunteers.idProblem.format'), validateTrigger: 'onBlur' },
              ]}
              validateTrigger={['onChange', 'onBlur']}
            >
              <Input maxLength={18} autoComplete="off" className="mono" />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          {/* Editing: the number shows masked; typing a new one corrects it (PATCH phone). */}
          <Form.Item
            name="phone"
            label={t(volunteer ? 'volunteers.phoneCorrect' : 'volunteers.phone')}
            extra={volunteer && t('volunteers.phoneCorrectHint')}
            rules={[...(volunteer ? [] : [required]), { pattern: limits.phone, message: t('validation.phone') }]}
          >
            <Input inputMode="numeric" maxLength={11} placeholder={volunteer?.phoneMasked} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      {!volunteer && minor && (
        <>
          <Alert type="warning" showIcon className="form-alert" title={t('volunteers.minorNote')} />
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name={['guardian', 'name']} label={t('volunteers.guardianName')} rules={[required]}>
                <Input maxLength={limits.personName} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['guardian', 'phone']} label={t('volunteers.guardianPhone')} rules={[required, { pattern: limits.phone, message: t('validation.phone') }]}>
                <Input inputMode="numeric" maxLength={11} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={['guardian', 'consent']}
            valuePropName="checked"
            rules={[{ validator: (_, checked) => (checked ? Promise.resolve() : Promise.reject(new Error(t('volunteers.guardianConsentRequired')))) }]}
          >
            <Checkbox>{t('volunteers.guardianConsent')}</Checkbox>
          </Form.Item>
        </>
      )}
      <Form.Item name="categories" label={t('volunteers.categories')}>
        <Select<ServiceCategory[]> mode="multiple" allowClear options={serviceCategories.map((value) => ({ value, label: t(`category.${value}`) }))} />
      </Form.Item>
      <Form.Item name="skills" label={t('volunteers.skills')} extra={t('volunteers.skillsHint')} rules={atLeastOne(t('mobile.register.skillsRequired'))}>
        <Select<string[]> mode="tags" tokenSeparators={[',', '，', '、']} maxCount={limits.skills} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="availability" label={t('volunteers.availability')} rules={atLeastOne(t('mobile.register.availabilityRequired'))}>
        <Checkbox.Group options={availabilityOptions.map((value) => ({ value, label: t(`availability.${value}`) }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="partyMember" label={t('volunteers.partyMember')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="emergencyReserve" label={t('volunteers.emergencyReserve')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      {!volunteer && (
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[{ validator: (_, checked) => (checked ? Promise.resolve() : Promise.reject(new Error(t('volunteers.consentRequired')))) }]}
        >
          <Checkbox>{t('volunteers.consent')}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
