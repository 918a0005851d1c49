// The photos of a fulfilled wish in the console: each sent to the API (POST /files) as it
// is picked, too-large ones refused at once; the value keeps the stored files (id and URL).
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Image, Space } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { wishLimits } from '../../../shared/wishes';
import { PickImageButton } from '../../components/PickImageButton';

export interface Photo {
  id: string;
  url: string;
}

export function FulfilPhotos({ id, value = [], onChange }: { id?: string; value?: Photo[]; onChange?(photos: Photo[]): void }) {
  const { t } = useI18n();

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
        <PickImageButton id={id} label={t('upload.choose')} onStored={(image) => onChange?.([...value, { id: image.id, url: image.thumbUrl }])} />
      )}
    </Space>
  );
}
