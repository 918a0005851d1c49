// Adding a brand (品牌), or renaming one and rewording its description.
import { Form, Input } from 'antd';
import { api } from '../../../api/client';
import type { Brand } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../forms';

/** The API's limits (BrandInput). */
const NAME_MAX = 50;
const DESCRIPTION_MAX = 500;

interface Values {
  name: string;
  description?: string;
}

interface Props {
  brand?: Brand;
  onSaved(brand: Brand): void;
  onClose(): void;
}

export function BrandFormModal({ brand, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, async (values) => {
    const body = { name: values.name.trim(), description: values.description?.trim() || null };
    onSaved(
      brand
        ? await call(api.PATCH('/api/v1/brands/{id}', { params: { path: { id: brand.id } }, body }))
        : await call(api.POST('/api/v1/brands', { body })),
    );
  });

  return (
    <FormModal
      title={brand ? t('brands.editTitle', { name: brand.name }) : t('brands.create')}
      okText={brand ? t('common.save') : t('brands.createSubmit')}
      onClose={onClose}
      form={form}
      submission={submission}
      initialValues={brand ? { name: brand.name, description: brand.description ?? undefined } : {}}
    >
      <Form.Item name="name" label={t('brands.name')} extra={t('brands.nameHint')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={NAME_MAX} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('brands.description')}>
        <Input.TextArea maxLength={DESCRIPTION_MAX} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
