// 发起动员: a call-up for an area (a county, township or village and everything below),
// the categories and skills needed, the headcount, and posts each with a capacity. By
// default only the emergency reserve is called; it reaches everyone through the inbox
// (and by SMS when chosen).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { CallupBoard, NewCallup } from '../../../api/careTypes';
import type { ServiceCategory, SiteSummary } from '../../../api/types';
import { serviceCategories } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { FormModal } from '../../components/FormModal';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';

interface Values {
  title: string;
  description?: string;
  areaSiteId: number;
  categories?: ServiceCategory[];
  skills?: string[];
  headcount: number;
  reserveOnly: boolean;
  sendSms: boolean;
  posts: { name: string; address?: string; capacity: number }[];
}

/** The region subtree of a site's region: 210321000000 → 210321 (province 2, city 4, county 6, township 9 digits). */
export function areaPrefix(regionCode: string): string {
  return [2, 4, 6, 9, 12].map((length) => regionCode.slice(0, length)).find((prefix) => /^0*$/.test(regionCode.slice(prefix.length)))!;
}

export function CallupFormModal({ onCreated, onClose }: { onCreated(board: CallupBoard): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [area, setArea] = useState<SiteSummary | undefined>();
  const submission = useFormSubmit(form, async (values) => {
    const body: NewCallup = {
      title: values.title, areaPrefix: areaPrefix(area!.regionCode), headcount: values.headcount, reserveOnly: values.reserveOnly, sendSms: values.sendSms,
      categories: values.categories ?? [], skills: values.skills ?? [],
      posts: values.posts.map((post) => ({ name: post.name, capacity: post.capacity, ...(post.address && { address: post.address }) })),
      ...(values.description && { description: values.description }),
    };
    onCreated(await call(api.POST('/api/v1/callups', { body })));
    onClose();
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal
      title={t('callup.admin.create')}
      okText={t('callup.admin.launch')}
      danger
      width={760}
      form={form}
      submission={submission}
      onClose={onClose}
      submitOnEnter={false}
      intro={<p>{t('callup.admin.intro')}</p>}
      initialValues={{ reserveOnly: true, sendSms: false, headcount: 10, posts: [{ name: '', capacity: 10 }] }}
    >
      <Form.Item name="title" label={t('callup.admin.title')} rules={[required, { min: 2, max: 100, message: t('training.admin.titleRule') }]}>
        <Input maxLength={100} placeholder={t('callup.admin.titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="description" label={t('callup.admin.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="areaSiteId" label={t('callup.admin.area')} extra={t('callup.admin.areaHint')} rules={[required]}>
            <SiteSelect onChange={(_id, item) => setArea(item)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="headcount" label={t('callup.admin.headcount')} rules={[required]}>
            <InputNumber min={1} max={10_000_000} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="categories" label={t('callup.admin.categories')} extra={t('callup.admin.anyHint')}>
            <Select mode="multiple" allowClear options={serviceCategories.map((code) => ({ value: code, label: categoryName(t, code) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="skills" label={t('callup.admin.skills')} extra={t('callup.admin.skillsHint')}>
            <Select mode="tags" maxCount={20} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="reserveOnly" label={t('callup.admin.reserveOnly')} valuePropName="checked" extra={t('callup.admin.reserveHint')}>
            <Switch />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="sendSms" label={t('callup.admin.sendSms')} valuePropName="checked" extra={t('callup.admin.sendSmsHint')}>
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('callup.admin.posts')}</Divider>
      <Form.List name="posts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap role="group" aria-label={t('callup.admin.postN', { n: index + 1 })}>
                <Form.Item name={[field.name, 'name']} rules={[required]}>
                  <Input placeholder={t('callup.admin.postName')} aria-label={t('callup.admin.postNameN', { n: index + 1 })} maxLength={100} />
                </Form.Item>
                <Form.Item name={[field.name, 'address']}>
                  <Input placeholder={t('callup.admin.postAddress')} aria-label={t('callup.admin.postAddressN', { n: index + 1 })} maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'capacity']} rules={[required]}>
                  <InputNumber min={1} max={1_000_000} prefix={t('callup.admin.capacity')} aria-label={t('callup.admin.capacityN', { n: index + 1 })} />
                </Form.Item>
                {fields.length > 1 && <Button icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />}
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', capacity: 10 })}>{t('callup.admin.addPost')}</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
