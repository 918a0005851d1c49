// A dialog around a form that submits to the API (useFormSubmit): OK submits, Enter in a
// field submits, the API's field error shows under its field and any other in the dialog.
import { Alert, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n';
import type { useFormSubmit } from '../forms';

interface Props<Values> {
  title: string;
  okText: string;
  danger?: boolean;
  width?: number;
  form: FormInstance<Values>;
  submission: ReturnType<typeof useFormSubmit<Values>>;
  initialValues?: Partial<Values>;
  /** Shown above the form: what will happen. */
  intro?: ReactNode;
  /** Enter in a field submits; off where date pickers take Enter to confirm a typed date. */
  submitOnEnter?: boolean;
  /** Called on every change, after the last error is cleared. */
  onValuesChange?(changed: Partial<Values>): void;
  onClose(): void;
  children: ReactNode;
}

export function FormModal<Values>({ title, okText, danger, width, form, submission, initialValues, intro, submitOnEnter = true, onValuesChange, onClose, children }: Props<Values>) {
  const { t } = useI18n();
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      confirmLoading={submission.submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      cancelText={t('common.cancel')}
    >
      {intro}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submission.submit}
        onValuesChange={(changed: Partial<Values>) => {
          submission.clearError();
          onValuesChange?.(changed);
        }}
      >
        {children}
        {submission.error && <Alert type="error" showIcon title={submission.error} />}
        {submitOnEnter && <button type="submit" hidden />}
      </Form>
    </Modal>
  );
}
