// A button's action against the API: busy while it runs, a toast when done, the
// server's message when it fails. `key` tells which row's button is busy in a list.
import { App } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../shared/errors';
import { useI18n } from '../shared/i18n';

export function useAction<Key = true>() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Key | null>(null);

  /** Runs `action`; answers whether it succeeded (the failure is already shown). */
  async function run(action: () => Promise<unknown>, done?: string, key?: Key): Promise<boolean> {
    setBusy(key ?? (true as Key));
    try {
      await action();
      if (done) void message.success(done);
      return true;
    } catch (error) {
      void message.error(errorMessage(error, t));
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { busy, run };
}
