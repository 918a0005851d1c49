// Submitting an antd form to the API: a spinner while it runs, the API's field error
// under the field it names, any other error in the form's alert.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { placeError } from '../shared/errors';
import { useI18n } from '../shared/i18n';

/** The form's fields that show their own errors: registered items with a top-level name (the API names fields the same way). */
function fieldNames(form: FormInstance): string[] {
  return form.getFieldsError().filter(({ name }) => name.length === 1).map(({ name }) => String(name[0]));
}

export function useFormSubmit<Values>(form: FormInstance<Values>, action: (values: Values) => Promise<void>) {
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: Values) {
    setSubmitting(true);
    setError(null);
    try {
      await action(values);
    } catch (failure) {
      const { field, message } = placeError(failure, fieldNames(form), t);
      if (field) {
        form.setFields([{ name: field as never, errors: [message] }]);
        form.focusField(field);
      } else {
        setError(message);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, error, clearError: () => setError(null) };
}
