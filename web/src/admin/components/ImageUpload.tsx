// One image uploaded to the API (POST /files), held as its URL: a project's cover.
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Image, Space, Upload } from 'antd';
import { api } from '../../api/client';
import { limits } from '../../shared/domain';
import { call } from '../../shared/errors';
import { multipart } from '../../shared/files';
import { useI18n } from '../../shared/i18n';
import { useFileUpload } from '../useFileUpload';

interface Props {
  id?: string;
  value?: string | null;
  onChange?(url: string | null): void;
}

export function ImageUpload({ id, value, onChange }: Props) {
  const { t } = useI18n();
  const { upload, uploading, error } = useFileUpload(limits.imageBytes, async (file) => {
    onChange?.((await call(api.POST('/api/v1/files', { body: multipart({ file }) }))).url);
  });

  return (
    <Space orientation="vertical" size="small">
      {value && <Image src={value} alt={t('upload.preview')} width={240} className="cover-preview" />}
      <Space>
        <Upload
          accept="image/jpeg,image/png,image/webp"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false; // uploaded here, not by the component
          }}
        >
          <Button id={id} icon={<UploadOutlined />} loading={uploading}>{value ? t('upload.replace') : t('upload.choose')}</Button>
        </Upload>
        {value && <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>{t('upload.remove')}</Button>}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
