// A write started by a button: busy while it runs, the server's message when it fails,
// and an idempotency key for the writes a phone may retry (see idempotency.ts).
import { useCallback, useState } from 'react';
import { errorMessage } from '../shared/errors';
import { useI18n } from '../shared/i18n';
import { IdempotentAction, type IdempotencyHeaders } from './idempotency';

export function useAction() {
  const { t } = useI18n();
  const [idempotent] = useState(() => new IdempotentAction());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Sends; resolves to the answer, or to undefined after showing why it failed. */
  const run = useCallback(async <T,>(send: (headers: IdempotencyHeaders) => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await idempotent.run(send);
    } catch (failure) {
      setError(errorMessage(failure, t));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [idempotent, t]);

  return { run, busy, error, setError };
}
