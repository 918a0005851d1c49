// 讲师与专家: who teaches, their title and expertise (phone masked); a new lecturer
// belongs to the area of the site chosen, whose staff may edit them. A phone is only ever
// shown masked: editing leaves it as it is unless a new one is typed, or it is cleared.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Select, Space, Table, Tag } from 'antd';
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
  const [editing, setEditing] = useState<Lecturer | null>(null);
  const columns: ColumnsType<Lecturer> = [
    { key: 'name', title: t('training.admin.lecturerName'), render: (_, l) => l.name },
    { key: 'title', title: t('training.admin.lecturerTitle'), render: (_, l) => l.title ?? '—' },
    { key: 'expertise', title: t('training.admin.expertise'), render: (_, l) => l.expertise.map((e) => <Tag key={e}>{e}</Tag>) },
    { key: 'phone', title: t('care.admin.phone'), render: (_, l) => l.phoneMasked ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, l) => l.editable && (
        <Button size="small" icon={<EditOutlined />} aria-label={t('training.admin.editLecturer', { name: l.name })} onClick={() => setEditing(l)}>{t('common.edit')}</Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('training.admin.addLecturer')}</Button>
      {lecturers.error !== undefined && <Alert type="error" showIcon title={errorMessage(lecturers.error, t)} />}
      <Table<Lecturer> rowKey="id" columns={columns} dataSource={lecturers.data?.items} loading={lecturers.loading} pagination={false} locale={{ emptyText: t('training.admin.noLecturers') }} />
      {creating && <LecturerFormModal onSaved={lecturers.reload} onClose={() => setCreating(false)} />}
      {editing && <LecturerFormModal lecturer={editing} onSaved={lecturers.reload} onClose={() => setEditing(null)} />}
    </Space>
  );
}

interface Values {
  name: string;
  title?: string;
  expertise?: string[];
  phone?: string;
  clearPhone?: boolean;
  siteId: number;
}

function LecturerFormModal({ lecturer, onSaved, onClose }: { lecturer?: Lecturer; onSaved(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [site, setSite] = useState<SiteSummary | undefined>();
  const clearPhone = Form.useWatch('clearPhone', form);
  const submission = useFormSubmit(form, async (values) => {
    const fields = { name: values.name, expertise: values.expertise ?? [] };
    if (lecturer) {
      await call(api.PATCH('/api/v1/lecturers/{id}', {
        params: { path: { id: lecturer.id } },
        body: { ...fields, title: values.title || null, ...(values.clearPhone ? { phone: null } : values.phone && { phone: values.phone }) },
      }));
    } else {
      await call(api.POST('/api/v1/lecturers', {
        body: { ...fields, regionCode: site!.regionCode, ...(values.title && { title: values.title }), ...(values.phone && { phone: values.phone }) },
      }));
    }
    onSaved();
    onClose();
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal
      title={lecturer ? t('training.admin.editLecturer', { name: lecturer.name }) : t('training.admin.addLecturer')}
      okText={lecturer ? t('common.save') : t('care.admin.add')}
      form={form}
      submission={submission}
      onClose={onClose}
      initialValues={lecturer && { name: lecturer.name, title: lecturer.title ?? undefined, expertise: lecturer.expertise }}
    >
      <Form.Item name="name" label={t('training.admin.lecturerName')} rules={[required]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="title" label={t('training.admin.lecturerTitle')}>
        <Input maxLength={50} placeholder={t('training.admin.lecturerTitlePlaceholder')} />
      </Form.Item>
      <Form.Item name="expertise" label={t('training.admin.expertise')} extra={t('training.admin.expertiseHint')}>
        <Select mode="tags" maxCount={10} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('care.admin.phone')}
        extra={lecturer?.phoneMasked && t('training.admin.phoneKept', { phone: lecturer.phoneMasked })}
        rules={[{ pattern: /^1\d{10}$/, message: t('care.admin.phoneRule') }]}
      >
        <Input inputMode="numeric" maxLength={11} disabled={clearPhone} />
      </Form.Item>
      {lecturer?.phoneMasked && (
        <Form.Item name="clearPhone" valuePropName="checked">
          <Checkbox>{t('training.admin.clearPhone')}</Checkbox>
        </Form.Item>
      )}
      {!lecturer && (
        <Form.Item name="siteId" label={t('training.admin.lecturerArea')} rules={[required]}>
          <SiteSelect onChange={(_id, item) => setSite(item)} />
        </Form.Item>
      )}
    </FormModal>
  );
}
