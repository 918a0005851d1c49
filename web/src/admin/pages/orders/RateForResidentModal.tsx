// 回访代评: staff call a resident who has not rated a delivered order (no app, or past the
// rating's deadline) and enter the rating they give; the timeline names who entered it.
import { Form, Input, Rate } from 'antd';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import type { OrderDetail } from '../../../shared/orders';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../forms';

const COMMENT_MAX = 500;

interface Props {
  order: OrderDetail;
  onRated(order: OrderDetail): void;
  onClose(): void;
}

export function RateForResidentModal({ order, onRated, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const submission = useFormSubmit(form, async (values) => {
    const body = { score: values.score, comment: values.comment?.trim() || null };
    onRated(await call(api.POST('/api/v1/orders/{id}/rate', { params: { path: { id: order.id } }, body })));
  });
  return (
    <FormModal
      title={t('order.board.rateForTitle', { title: order.title })}
      okText={t('order.board.rateFor')}
      onClose={onClose}
      form={form}
      submission={submission}
      intro={<p>{t('order.board.rateForHint')}</p>}
    >
      <Form.Item name="score" label={t('order.board.rateScore')} rules={[{ required: true, message: t('validation.required') }]}>
        <Rate aria-label={t('order.board.rateScore')} />
      </Form.Item>
      <Form.Item name="comment" label={t('order.board.rateComment')}>
        <Input.TextArea maxLength={COMMENT_MAX} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}
