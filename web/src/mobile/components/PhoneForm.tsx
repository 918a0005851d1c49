// A form on the phone, the same everywhere: a failed check scrolls to the first field in
// question; the server's word lands on the field it names (scrolled into view) or above
// the button; the write carries an idempotency key, so a retry after a dropped answer
// never posts twice.
import { Button, Form, type FormProps } from 'antd-mobile';
import { useState, type ReactNode } from 'react';
import { placeError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { useIdempotentAction, type IdempotencyHeaders } from '../idempotency';

const scrollTo = (name: string) => document.getElementById(name)?.scrollIntoView({ block: 'center' });

/**
 * `fields`: the form's field names; `formField`: API field → form field where they differ
 * (siteId → site).
 */
export function usePhoneForm<V>(fields: readonly string[], formField: Record<string, string> = {}) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const idempotent = useIdempotentAction();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Sends once (a retry reuses the key while the outcome is unknown), then `done` with the answer. */
  async function send<T>(request: (headers: IdempotencyHeaders) => Promise<T>, done: (result: T) => unknown) {
    setSubmitting(true);
    setError(null);
    try {
      await done(await idempotent.run(request));
    } catch (failure) {
      const { field, message } = placeError(failure, [...fields, ...Object.keys(formField)], t);
      const name = field && (formField[field] ?? field);
      if (name) {
        form.setFields([{ name, errors: [message] }]);
        scrollTo(name);
      } else setError(message);
    } finally {
      setSubmitting(false);
    }
  }

  return { form, submitting, error, setError, send };
}

type Props<V> = Omit<FormProps, 'form' | 'footer' | 'onFinish'> & {
  state: ReturnType<typeof usePhoneForm<V>>;
  submitLabel: string;
  onFinish(values: V): void;
  /** Under the button (a link to sign in instead…). */
  below?: ReactNode;
};

export function PhoneForm<V>({ state, submitLabel, onFinish, below, children, ...rest }: Props<V>) {
  return (
    <Form
      form={state.form}
      layout="vertical"
      requiredMarkStyle="none"
      onFinish={(values: V) => onFinish(values)}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0]?.name[0];
        if (first !== undefined) scrollTo(String(first));
      }}
      onValuesChange={() => state.setError(null)}
      footer={
        <>
          {state.error && <p className="m-error" role="alert">{state.error}</p>}
          <Button block type="submit" color="primary" size="large" loading={state.submitting}>{submitLabel}</Button>
          {below}
        </>
      }
      {...rest}
    >
      {children}
    </Form>
  );
}
