// Longitude and latitude (WGS-84) of a place, as two columns of a form row.
import { Col, Form, InputNumber } from 'antd';
import { limits } from '../../shared/domain';
import { useI18n } from '../../shared/i18n';

export function CoordinateFields({ span, hint }: { span: number; hint?: string }) {
  const { t } = useI18n();
  return (
    <>
      <Col span={span}>
        <Form.Item name="longitude" label={t('site.longitude')} extra={hint}>
          <InputNumber min={limits.longitude.min} max={limits.longitude.max} step={0.0001} className="full-width" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="latitude" label={t('site.latitude')}>
          <InputNumber min={limits.latitude.min} max={limits.latitude.max} step={0.0001} className="full-width" />
        </Form.Item>
      </Col>
    </>
  );
}
