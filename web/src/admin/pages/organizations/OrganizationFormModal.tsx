// Creating an organization on a site of my area (the level above approves it, unless I
// am that level), or editing one. The contact phone is stored encrypted and shown masked:
// left blank on edit, it stays as it was.
import { Alert, Col, Form, Input, Row, Select } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import type { NewOrganization, Organization, OrganizationCategory, SponsorType } from '../../../api/types';
import { limits, organizationCategories, sponsorTypes } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { OrganizationSelect } from '../../components/Pickers';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';
import { FormModal } from '../../components/FormModal';

interface Values {
  name: string;
  category: OrganizationCategory;
  customCategory?: string;
  siteId: number;
  parentId?: number | null;
  sponsorType?: SponsorType | null;
  sponsorName?: string;
  contactName?: string;
  contactPhone?: string;
  description?: string;
}

interface Props {
  organization?: Organization;
  onSaved(organization: Organization): void;
  onClose(): void;
}

const blankToNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);
const isCategory = (value: string): value is OrganizationCategory => (organizationCategories as readonly string[]).includes(value);
const isSponsor = (value: string | null): value is SponsorType => (sponsorTypes as readonly (string | null)[]).includes(value);

export function OrganizationFormModal({ organization, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const category = Form.useWatch('category', form);
  // The parent is given by id only: its name, for the picker, comes from the API.
  const parentId = organization?.parentId ?? null;
  const parent = useLoad(
    useCallback(async () => (parentId ? call(api.GET('/api/v1/organizations/{id}', { params: { path: { id: parentId } } })) : null), [parentId]),
  ).data;
  const submission = useFormSubmit(form, async (values) => {
    const fields = {
      name: values.name.trim(),
      category: values.category,
      customCategory: values.category === 'custom' ? blankToNull(values.customCategory) : null,
      parentId: values.parentId ?? null,
      sponsorType: values.sponsorType ?? null,
      sponsorName: blankToNull(values.sponsorName),
      contactName: blankToNull(values.contactName),
      description: blankToNull(values.description),
      ...(values.contactPhone ? { contactPhone: values.contactPhone } : organization ? {} : { contactPhone: null }),
    };
    if (organization) {
      onSaved(await call(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id: organization.id } }, body: fields })));
    } else {
      const body: NewOrganization = { ...fields, siteId: values.siteId };
      onSaved(await call(api.POST('/api/v1/organizations', { body })));
    }
  });
  const required = { required: true, whitespace: true, message: t('validation.required') };

  const initialValues: Partial<Values> = organization
    ? {
        name: organization.name,
        category: isCategory(organization.category) ? organization.category : 'custom',
        customCategory: organization.customCategory ?? undefined,
        siteId: organization.site.id,
        parentId: organization.parentId,
        sponsorType: isSponsor(organization.sponsorType) ? organization.sponsorType : null,
        sponsorName: organization.sponsorName ?? undefined,
        contactName: organization.contactName ?? undefined,
        description: organization.description ?? undefined,
      }
    : {};

  return (
    <FormModal
      width={720}
      title={organization ? t('organizations.editTitle', { name: organization.name }) : t('organizations.create')}
      okText={organization ? t('common.save') : t('organizations.createSubmit')}
      onClose={onClose}
      form={form}
      submission={submission}
      initialValues={initialValues}
      intro={!organization && <Alert type="info" showIcon className="form-alert" title={t('organizations.createNote')} />}
    >
      <Form.Item
        name="name"
        label={t('organizations.name')}
        rules={[required, { min: limits.organizationName.min, message: t('validation.min', { n: limits.organizationName.min }) }]}
      >
        <Input maxLength={limits.organizationName.max} autoFocus />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="category" label={t('organizations.category')} rules={[required]}>
            <Select<OrganizationCategory> options={organizationCategories.map((value) => ({ value, label: t(`category.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          {category === 'custom' && (
            <Form.Item name="customCategory" label={t('organizations.customCategory')} rules={[required]}>
              <Input maxLength={limits.customCategory} />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="siteId" label={t('organizations.site')} rules={[{ required: true, message: t('validation.required') }]}>
            <SiteSelect disabled={Boolean(organization)} initial={organization && { id: organization.site.id, label: organization.site.name }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="parentId" label={t('organizations.parent')} extra={t('organizations.parentHint')}>
            <OrganizationSelect allowClear status="approved" initial={parent && { id: parent.id, label: parent.name }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="sponsorType" label={t('organizations.sponsorTypeLabel')}>
            <Select<SponsorType> allowClear options={sponsorTypes.map((value) => ({ value, label: t(`organizations.sponsorType.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="sponsorName" label={t('organizations.sponsorName')}>
            <Input maxLength={limits.sponsorName} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="contactName" label={t('organizations.contactName')}>
            <Input maxLength={limits.personName} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="contactPhone"
            label={t('organizations.contactPhone')}
            extra={organization?.contactPhoneMasked ? t('organizations.contactPhoneKeep', { phone: organization.contactPhoneMasked }) : undefined}
            rules={[{ pattern: limits.phone, message: t('validation.phone') }]}
          >
            <Input inputMode="numeric" maxLength={11} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('organizations.description')}>
        <Input.TextArea maxLength={limits.description} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
