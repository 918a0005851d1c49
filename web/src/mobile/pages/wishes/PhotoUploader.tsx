// Photos of a fulfilled wish: each sent to the API (POST /files) as it is picked, too-large
// ones refused at once with the limit in words; the value keeps the stored files' ids.
import { ImageUploader, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../../api/client';
import { limits } from '../../../shared/domain';
import { call, errorMessage } from '../../../shared/errors';
import { multipart } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { wishLimits } from '../../../shared/wishes';
import { ErrorText } from '../../components/Async';

/** The ids of the uploaded photos, in the order shown. */
export const photoIds = (items: readonly ImageUploadItem[]) => items.map((item) => String(item.extra));

export function PhotoUploader({ value, onChange }: { value: ImageUploadItem[]; onChange(items: ImageUploadItem[]): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File): Promise<ImageUploadItem> {
    try {
      const stored = await call(api.POST('/api/v1/files', { body: multipart({ file }) }));
      return { key: stored.id, url: stored.url, thumbnailUrl: stored.thumbUrl, extra: stored.id };
    } catch (failure) {
      setError(errorMessage(failure, t));
      throw failure;
    }
  }

  return (
    <>
      <ImageUploader
        value={value}
        onChange={onChange}
        upload={upload}
        accept="image/jpeg,image/png,image/webp"
        maxCount={wishLimits.photos}
        beforeUpload={(file) => {
          setError(null);
          if (file.size <= limits.imageBytes) return file;
          setError(t('wish.m.photoTooLarge', { mb: limits.imageBytes / 1024 / 1024 }));
          return null;
        }}
      />
      <ErrorText>{error}</ErrorText>
    </>
  );
}
