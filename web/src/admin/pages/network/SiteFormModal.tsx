// The form for a site's details: adding a point (with its type) and editing any site.
// Blank fields are sent as null, so clearing a field clears it on the server too.
import { Col, Form, Input, Row, Select } from 'antd';
import type { PointType, SiteDetail } from '../../../api/types';
import { limits, pointTypes } from '../../../shared/domain';
import { useI18n } from '../../../shared/i18n';
import { CoordinateFields } from '../../components/CoordinateFields';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../forms';
import { PointIcon } from './SiteTitle';

export interface SiteFields {
  name: string;
  pointType?: PointType;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  contactName: string | null;
  contactTel: string | null;
  description: string | null;
}

type Values = { [K in keyof SiteFields]?: SiteFields[K] | undefined };

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

function fieldsOf(values: Values, withPointType: boolean): SiteFields {
  return {
    name: values.name?.trim() ?? '',
    ...(withPointType && values.pointType ? { pointType: values.pointType } : {}),
    address: blankToNull(values.address),
    longitude: values.longitude ?? null,
    latitude: values.latitude ?? null,
    contactName: blankToNull(values.contactName),
    contactTel: blankToNull(values.contactTel),
    description: blankToNull(values.description),
  };
}

function valuesOf(site: SiteDetail): Values {
  const { name, address, longitude, latitude, contactName, contactTel, description } = site;
  return { name, address, longitude, latitude, contactName, contactTel, description, pointType: site.pointType ?? undefined };
}

interface Props {
  title: string;
  /** The site being edited; none when adding a point. */
  site?: SiteDetail;
  /** Points have a type; the network's own sites do not. */
  withPointType: boolean;
  onSubmit(fields: SiteFields): Promise<void>;
  onClose(): void;
}

export function SiteFormModal({ title, site, withPointType, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, (values) => onSubmit(fieldsOf(values, withPointType)));
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <FormModal title={title} okText={t('common.save')} width={640} form={form} submission={submission} initialValues={site ? valuesOf(site) : {}} onClose={onClose}>
      <Form.Item name="name" label={t('site.name')} rules={[required, { max: limits.siteName, message: t('validation.max', { n: limits.siteName }) }]}>
        <Input maxLength={limits.siteName} autoFocus />
      </Form.Item>
      {withPointType && (
        <Form.Item name="pointType" label={t('site.pointType')} rules={[required]}>
          <Select<PointType>
            options={pointTypes.map((type) => ({ value: type, label: t(`point.${type}`) }))}
            optionRender={(option) => <><PointIcon type={option.value as PointType} />{option.label}</>}
          />
        </Form.Item>
      )}
      <Form.Item name="address" label={t('site.address')}>
        <Input maxLength={limits.address} />
      </Form.Item>
      <Row gutter={16}>
        <CoordinateFields span={12} hint={t('site.coordinatesHint')} />
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="contactName" label={t('site.contactName')}>
            <Input maxLength={limits.contactName} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactTel" label={t('site.contactTel')} rules={[{ pattern: limits.contactTel, message: t('validation.tel') }]}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('site.description')}>
        <Input.TextArea maxLength={limits.description} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
