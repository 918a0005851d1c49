// 单位结对 (包保): units (offices, enterprises…) paired with a community, with both sides'
// contacts (phone numbers masked).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { UnitPair, UnitType } from '../../../api/careTypes';
import { sponsorTypes } from '../../../shared/domain';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { sponsorTypeName } from '../../../shared/labels';
import { useLoad } from '../../../shared/useLoad';
import { FormModal } from '../../components/FormModal';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';

export function UnitPairsTab() {
  const { t } = useI18n();
  const pairs = useLoad(useCallback(() => call(api.GET('/api/v1/unit-pairs')), []));
  const [creating, setCreating] = useState(false);
  const contact = (c: UnitPair['unitContact']) => (c.phoneMasked ? `${c.name} ${c.phoneMasked}` : c.name);
  const columns: ColumnsType<UnitPair> = [
    { key: 'unit', title: t('care.pairs.unit'), render: (_, p) => p.unitName },
    { key: 'type', title: t('care.pairs.unitType'), render: (_, p) => <Tag>{sponsorTypeName(t, p.unitType)}</Tag> },
    { key: 'site', title: t('care.pairs.community'), render: (_, p) => p.site.name },
    { key: 'unitContact', title: t('care.pairs.unitContact'), render: (_, p) => contact(p.unitContact) },
    { key: 'communityContact', title: t('care.pairs.communityContact'), render: (_, p) => contact(p.communityContact) },
    { key: 'since', title: t('care.pairs.since'), render: (_, p) => (p.endedOn ? `${p.startedOn} – ${p.endedOn}` : p.startedOn) },
  ];
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('care.pairs.create')}</Button>
      {pairs.error !== undefined && <Alert type="error" showIcon title={errorMessage(pairs.error, t)} />}
      <Table<UnitPair> rowKey="id" columns={columns} dataSource={pairs.data?.items} loading={pairs.loading} pagination={false} locale={{ emptyText: t('care.pairs.none') }} />
      {creating && <UnitPairFormModal onCreated={pairs.reload} onClose={() => setCreating(false)} />}
    </Space>
  );
}

interface Values {
  unitName: string;
  unitType: UnitType;
  siteId: number;
  unitContactName: string;
  unitContactPhone?: string;
  communityContactName: string;
  communityContactPhone?: string;
  startedOn: Dayjs;
}

function UnitPairFormModal({ onCreated, onClose }: { onCreated(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, async (values) => {
    await call(api.POST('/api/v1/unit-pairs', {
      body: {
        unitName: values.unitName, unitType: values.unitType, siteId: values.siteId, startedOn: values.startedOn.format('YYYY-MM-DD'),
        unitContactName: values.unitContactName, communityContactName: values.communityContactName,
        ...(values.unitContactPhone && { unitContactPhone: values.unitContactPhone }),
        ...(values.communityContactPhone && { communityContactPhone: values.communityContactPhone }),
      },
    }));
    onCreated();
    onClose();
  });
  const required = { required: true, message: t('validation.required') };
  const phone = { pattern: /^1\d{10}$/, message: t('care.admin.phoneRule') };
  return (
    <FormModal title={t('care.pairs.create')} okText={t('care.admin.create')} form={form} submission={submission} onClose={onClose} width={600} submitOnEnter={false}>
      <Form.Item name="unitName" label={t('care.pairs.unit')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="unitType" label={t('care.pairs.unitType')} rules={[required]}>
        <Select options={sponsorTypes.map((type) => ({ value: type, label: sponsorTypeName(t, type) }))} />
      </Form.Item>
      <Form.Item name="siteId" label={t('care.pairs.community')} rules={[required]}>
        <SiteSelect kind="station" />
      </Form.Item>
      <Form.Item name="unitContactName" label={t('care.pairs.unitContact')} rules={[required]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="unitContactPhone" label={t('care.pairs.unitContactPhone')} rules={[phone]}>
        <Input inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item name="communityContactName" label={t('care.pairs.communityContact')} rules={[required]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="communityContactPhone" label={t('care.pairs.communityContactPhone')} rules={[phone]}>
        <Input inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item name="startedOn" label={t('care.pairs.since')} rules={[required]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
