// One image uploaded to the API (POST /files), held as its URL: a project's cover.
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Image, Space } from 'antd';
import { useI18n } from '../../shared/i18n';
import { PickImageButton } from './PickImageButton';

interface Props {
  id?: string;
  value?: string | null;
  onChange?(url: string | null): void;
}

export function ImageUpload({ id, value, onChange }: Props) {
  const { t } = useI18n();

  return (
    <Space orientation="vertical" size="small">
      {value && <Image src={value} alt={t('upload.preview')} width={240} className="cover-preview" />}
      <PickImageButton
        id={id}
        label={value ? t('upload.replace') : t('upload.choose')}
        onStored={(image) => onChange?.(image.url)}
        beside={value && <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>{t('upload.remove')}</Button>}
      />
    </Space>
  );
}
