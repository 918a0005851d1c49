// 发布服务 (制单): put a team's service on a site's menu — which site offers it, which team
// serves it, what, which kind, where, when and how many. Published by the level above a site
// it goes straight on; from the site's own level it waits for the level above to approve.
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { api } from '../../../api/client';
import type { ServiceCategory } from '../../../api/types';
import { serviceCategories } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { orderLimits, type MenuItem } from '../../../shared/orders';
import { FormModal } from '../../components/FormModal';
import { OrganizationSelect } from '../../components/Pickers';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';

interface Values {
  siteId: number;
  organizationId: number;
  title: string;
  category: ServiceCategory;
  description?: string;
  place?: string;
  schedule?: string;
  capacity?: number | null;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function MenuItemFormModal({ onSaved, onClose }: { onSaved(item: MenuItem): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, async (values) => {
    onSaved(await call(api.POST('/api/v1/menu/items', {
      body: {
        siteId: values.siteId, organizationId: values.organizationId, title: values.title.trim(), category: values.category,
        description: blankToNull(values.description), place: blankToNull(values.place), schedule: blankToNull(values.schedule), capacity: values.capacity ?? null,
      },
    })));
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values> title={t('order.menu.create')} okText={t('order.menu.publish')} width={640} form={form} submission={submission} onClose={onClose}
      intro={<p className="form-note">{t('order.menu.createHint')}</p>}
    >
      <Form.Item name="siteId" label={t('order.menu.site')} rules={[required]}>
        <SiteSelect />
      </Form.Item>
      <Form.Item name="organizationId" label={t('order.menu.team')} rules={[required]}>
        <OrganizationSelect status="approved" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('order.menu.itemTitle')}
        rules={[required, { min: orderLimits.title.min, message: t('validation.min', { n: orderLimits.title.min }) }]}
      >
        <Input maxLength={orderLimits.title.max} showCount />
      </Form.Item>
      <Form.Item name="category" label={t('order.menu.category')} rules={[required]}>
        <Select<ServiceCategory> options={serviceCategories.map((value) => ({ value, label: t(`category.${value}`) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="place" label={t('order.menu.place')}>
            <Input maxLength={orderLimits.place} placeholder={t('order.menu.placePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="schedule" label={t('order.menu.schedule')}>
            <Input maxLength={orderLimits.schedule} placeholder={t('order.menu.schedulePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="capacity" label={t('order.menu.capacity')}>
        <InputNumber min={1} max={orderLimits.capacity} precision={0} suffix={t('order.menu.capacityUnit')} />
      </Form.Item>
      <Form.Item name="description" label={t('order.menu.description')}>
        <Input.TextArea maxLength={orderLimits.menuDescription} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}
