// A project (draft) for an approved organization of my area, or editing a draft or a
// rejected one: brand, category, organizer, target group, period, description, cover.
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import type { Project, ServiceCategory } from '../../../api/types';
import { limits, serviceCategories } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { ImageUpload } from '../../components/ImageUpload';
import { OrganizationSelect } from '../../components/Pickers';
import { useFormSubmit } from '../../forms';
import { FormModal } from '../../components/FormModal';

interface Values {
  name: string;
  brandId?: number | null;
  category: ServiceCategory;
  organizationId: number;
  targetGroup?: string;
  period: [Dayjs, Dayjs];
  description?: string;
  coverUrl?: string | null;
}

interface Props {
  project?: Project;
  onSaved(project: Project): void;
  onClose(): void;
}

const DATE = 'YYYY-MM-DD';
const blankToNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);
const isCategory = (value: string): value is ServiceCategory => (serviceCategories as readonly string[]).includes(value);

export function ProjectFormModal({ project, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const brands = useLoad(useCallback(async () => (await call(api.GET('/api/v1/brands'))).items, []));
  const submission = useFormSubmit(form, async (values) => {
    const fields = {
      name: values.name.trim(),
      brandId: values.brandId ?? null,
      category: values.category,
      targetGroup: blankToNull(values.targetGroup),
      startsOn: values.period[0].format(DATE),
      endsOn: values.period[1].format(DATE),
      description: blankToNull(values.description),
      coverUrl: values.coverUrl ?? null,
    };
    onSaved(
      project
        ? await call(api.PATCH('/api/v1/projects/{id}', { params: { path: { id: project.id } }, body: fields }))
        : await call(api.POST('/api/v1/projects', { body: { ...fields, organizationId: values.organizationId } })),
    );
  });
  const required = { required: true, message: t('validation.required') };
  // The active brands; a project keeps the one it has, even once retired.
  const brandOptions = (brands.data ?? []).map((brand) => ({ value: brand.id, label: brand.name }));
  if (brands.data && project?.brand && !brandOptions.some((option) => option.value === project.brand?.id)) {
    brandOptions.push({ value: project.brand.id, label: t('projects.retiredBrand', { name: project.brand.name }) });
  }

  const initialValues: Partial<Values> = project
    ? {
        name: project.name,
        brandId: project.brand?.id ?? null,
        category: isCategory(project.category) ? project.category : undefined,
        organizationId: project.organization.id,
        targetGroup: project.targetGroup ?? undefined,
        period: [dayjs(project.startsOn), dayjs(project.endsOn)],
        description: project.description ?? undefined,
        coverUrl: project.coverUrl,
      }
    : {};

  return (
    <FormModal
      width={720}
      title={project ? t('projects.editTitle', { name: project.name }) : t('projects.create')}
      okText={project ? t('common.save') : t('projects.createSubmit')}
      onClose={onClose}
      form={form}
      submission={submission}
      submitOnEnter={false}
      initialValues={initialValues}
    >
      <Form.Item
        name="name"
        label={t('projects.name')}
        rules={[{ ...required, whitespace: true }, { min: limits.projectName.min, message: t('validation.min', { n: limits.projectName.min }) }]}
      >
        <Input maxLength={limits.projectName.max} autoFocus />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="organizationId" label={t('projects.organization')} extra={t('projects.organizationHint')} rules={[required]}>
            <OrganizationSelect status="approved" disabled={Boolean(project)} initial={project && { id: project.organization.id, label: project.organization.name }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="brandId" label={t('projects.brand')} help={brands.error ? t('projects.brandsFailed') : undefined}>
            <Select<number>
              allowClear
              loading={brands.loading}
              placeholder={t('projects.noBrand')}
              options={brandOptions}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="category" label={t('projects.category')} rules={[required]}>
            <Select<ServiceCategory> options={serviceCategories.map((value) => ({ value, label: t(`category.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="targetGroup" label={t('projects.targetGroup')}>
            <Input maxLength={limits.targetGroup} placeholder={t('projects.targetGroupHint')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="period" label={t('projects.period')} rules={[required]}>
        <DatePicker.RangePicker format={DATE} className="full-width" />
      </Form.Item>
      <Form.Item name="description" label={t('projects.description')}>
        <Input.TextArea maxLength={limits.longText} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="coverUrl" label={t('projects.cover')} extra={t('projects.coverHint')}>
        <ImageUpload />
      </Form.Item>
    </FormModal>
  );
}
