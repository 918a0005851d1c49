// The form for a site's details: adding a point (with its type) and editing any site.
// Blank fields are sent as null, so clearing a field clears it on the server too.
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { PointType, SiteDetail } from '../../../api/types';
import { limits, pointTypes } from '../../../shared/domain';
import { useI18n } from '../../../shared/i18n';
import { useFormSubmit } from '../../forms';
import { asPointType, PointIcon } from './SiteTitle';

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
  return { name, address, longitude, latitude, contactName, contactTel, description, pointType: site.pointType ? asPointType(site.pointType) : undefined };
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
  const { submit, submitting, error, clearError } = useFormSubmit(form, (values) => onSubmit(fieldsOf(values, withPointType)));
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Modal open title={title} okText={t('common.save')} confirmLoading={submitting} onOk={() => form.submit()} onCancel={onClose} width={640}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={site ? valuesOf(site) : {}}
        onFinish={submit}
        onValuesChange={clearError}
      >
        <Form.Item name="name" label={t('site.name')} rules={[required, { max: limits.siteName, message: t('validation.max', { n: limits.siteName }) }]}>
          <Input maxLength={limits.siteName} autoFocus />
        </Form.Item>
        {withPointType && (
          <Form.Item name="pointType" label={t('site.pointType')} rules={[required]}>
            <Select<PointType>
              options={pointTypes.map((type) => ({ value: type, label: t(`point.${type}`) }))}
              optionRender={(option) => <><PointIcon type={String(option.value)} />{option.label}</>}
            />
          </Form.Item>
        )}
        <Form.Item name="address" label={t('site.address')}>
          <Input maxLength={limits.address} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="longitude" label={t('site.longitude')} extra={t('site.coordinatesHint')}>
              <InputNumber min={limits.longitude.min} max={limits.longitude.max} step={0.0001} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="latitude" label={t('site.latitude')}>
              <InputNumber min={limits.latitude.min} max={limits.latitude.max} step={0.0001} className="full-width" />
            </Form.Item>
          </Col>
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
        {error && <Alert type="error" showIcon title={error} />}
        {/* Enter in a field submits, like the OK button. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
