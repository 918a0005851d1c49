// The photos of a fulfilled wish in the console: each sent to the API (POST /files) as it
// is picked, too-large ones refused at once; the value keeps the stored files (id and URL).
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Image, Space, Upload } from 'antd';
import { api } from '../../../api/client';
import { limits } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { multipart } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { wishLimits } from '../../../shared/wishes';
import { useFileUpload } from '../../useFileUpload';

export interface Photo {
  id: string;
  url: string;
}

export function FulfilPhotos({ id, value = [], onChange }: { id?: string; value?: Photo[]; onChange?(photos: Photo[]): void }) {
  const { t } = useI18n();
  const { upload, uploading, error } = useFileUpload(limits.imageBytes, async (file) => {
    const stored = await call(api.POST('/api/v1/files', { body: multipart({ file }) }));
    onChange?.([...value, { id: stored.id, url: stored.thumbUrl }]);
  });

  return (
    <Space orientation="vertical" size="small">
      {value.length > 0 && (
        <Space wrap>
          {value.map((photo, index) => (
            <Space key={photo.id} orientation="vertical" size={4}>
              <Image src={photo.url} width={96} height={96} alt={t('wish.m.photoAlt', { n: index + 1 })} />
              <Button size="small" icon={<DeleteOutlined />} aria-label={t('wish.c.removePhoto', { n: index + 1 })} onClick={() => onChange?.(value.filter((p) => p.id !== photo.id))} />
            </Space>
          ))}
        </Space>
      )}
      {value.length < wishLimits.photos && (
        <Upload
          accept="image/jpeg,image/png,image/webp"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false; // uploaded here, not by the component
          }}
        >
          <Button id={id} icon={<UploadOutlined />} loading={uploading}>{t('upload.choose')}</Button>
        </Upload>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
