// Asks why before an action that needs a stated reason (a rejection, a reveal, a
// reversal, a cancellation), and the right minutes where hours are corrected; the
// server's refusal shows in the dialog.
import { Form, Input, InputNumber } from 'antd';
import type { ReactNode } from 'react';
import { limits } from '../../shared/domain';
import { useI18n } from '../../shared/i18n';
import { useFormSubmit } from '../forms';
import { FormModal } from './FormModal';

interface Props {
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  /** Shown above the field: what will happen. */
  children?: ReactNode;
  min?: number;
  max?: number;
  /** Also asks for minutes (a correction of service hours). */
  minutes?: { label: string; initial?: number | null; max: number };
  onSubmit(reason: string, minutes: number): Promise<void>;
  onClose(): void;
}

export function ReasonModal({ title, label, okText, danger, children, min = limits.reason.min, max = limits.reason.max, minutes, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string; minutes: number }>();
  const submission = useFormSubmit(form, (values) => onSubmit(values.reason.trim(), values.minutes));

  return (
    <FormModal
      title={title}
      okText={okText}
      danger={danger}
      onClose={onClose}
      form={form}
      submission={submission}
      initialValues={{ minutes: minutes?.initial ?? undefined }}
      intro={children}
    >
      {minutes && (
        <Form.Item name="minutes" label={minutes.label} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={0} max={minutes.max} precision={0} suffix={t('ledger.minutesUnit')} autoFocus />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={label}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { min, message: t('validation.min', { n: min }) },
        ]}
      >
        <Input.TextArea maxLength={max} showCount autoSize={{ minRows: 2, maxRows: 5 }} autoFocus={!minutes} />
      </Form.Item>
    </FormModal>
  );
}
