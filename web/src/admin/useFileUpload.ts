// Sending a chosen file to the API: refused at once when too large, busy while it goes,
// the server's refusal kept to show beside the picker.
import { useState } from 'react';
import { errorMessage } from '../shared/errors';
import { useI18n } from '../shared/i18n';

export function useFileUpload(maxBytes: number, send: (file: File) => Promise<void>) {
  const { t } = useI18n();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setError(null);
    if (file.size > maxBytes) {
      setError(t('upload.tooLarge', { mb: maxBytes / 1024 / 1024 }));
      return;
    }
    setUploading(true);
    try {
      await send(file);
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setUploading(false);
    }
  }

  return { upload, uploading, error };
}
