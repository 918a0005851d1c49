// 讲师与专家: who teaches, their title and expertise (phone masked); a new lecturer
// belongs to the area of the site chosen.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Lecturer } from '../../../api/careTypes';
import type { SiteSummary } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { FormModal } from '../../components/FormModal';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';

export function LecturersTab() {
  const { t } = useI18n();
  const lecturers = useLoad(useCallback(() => call(api.GET('/api/v1/lecturers')), []));
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<Lecturer> = [
    { key: 'name', title: t('training.admin.lecturerName'), render: (_, l) => l.name },
    { key: 'title', title: t('training.admin.lecturerTitle'), render: (_, l) => l.title ?? '—' },
    { key: 'expertise', title: t('training.admin.expertise'), render: (_, l) => l.expertise.map((e) => <Tag key={e}>{e}</Tag>) },
    { key: 'phone', title: t('care.admin.phone'), render: (_, l) => l.phoneMasked ?? '—' },
  ];
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('training.admin.addLecturer')}</Button>
      {lecturers.error !== undefined && <Alert type="error" showIcon title={errorMessage(lecturers.error, t)} />}
      <Table<Lecturer> rowKey="id" columns={columns} dataSource={lecturers.data?.items} loading={lecturers.loading} pagination={false} locale={{ emptyText: t('training.admin.noLecturers') }} />
      {creating && <LecturerFormModal onCreated={lecturers.reload} onClose={() => setCreating(false)} />}
    </Space>
  );
}

interface Values {
  name: string;
  title?: string;
  expertise?: string[];
  phone?: string;
  siteId: number;
}

function LecturerFormModal({ onCreated, onClose }: { onCreated(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [site, setSite] = useState<SiteSummary | undefined>();
  const submission = useFormSubmit(form, async (values) => {
    await call(api.POST('/api/v1/lecturers', {
      body: {
        name: values.name, regionCode: site!.regionCode, expertise: values.expertise ?? [],
        ...(values.title && { title: values.title }), ...(values.phone && { phone: values.phone }),
      },
    }));
    onCreated();
    onClose();
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal title={t('training.admin.addLecturer')} okText={t('care.admin.add')} form={form} submission={submission} onClose={onClose}>
      <Form.Item name="name" label={t('training.admin.lecturerName')} rules={[required]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="title" label={t('training.admin.lecturerTitle')}>
        <Input maxLength={50} placeholder={t('training.admin.lecturerTitlePlaceholder')} />
      </Form.Item>
      <Form.Item name="expertise" label={t('training.admin.expertise')} extra={t('training.admin.expertiseHint')}>
        <Select mode="tags" maxCount={10} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="phone" label={t('care.admin.phone')} rules={[{ pattern: /^1\d{10}$/, message: t('care.admin.phoneRule') }]}>
        <Input inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item name="siteId" label={t('training.admin.lecturerArea')} rules={[required]}>
        <SiteSelect onChange={(_id, item) => setSite(item)} />
      </Form.Item>
    </FormModal>
  );
}
