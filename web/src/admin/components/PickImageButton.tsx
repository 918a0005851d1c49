// The console's one way to pick an image: the chosen file goes to the API (POST /files) at
// once, a too-large one is refused before it is sent, and a refusal shows under the button.
// The caller decides what the stored file means (a cover's URL, one of a wish's photos).
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Upload } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/client';
import type { UploadedFile } from '../../api/types';
import { limits } from '../../shared/domain';
import { call } from '../../shared/errors';
import { multipart } from '../../shared/files';
import { useFileUpload } from '../useFileUpload';

interface Props {
  /** The form item's id, so its label focuses the button. */
  id?: string;
  label: ReactNode;
  onStored(image: UploadedFile): void;
  /** Buttons that sit beside this one (a cover's 移除), above the error. */
  beside?: ReactNode;
}

/** Renders the button row and the error as two items of the caller's vertical Space. */
export function PickImageButton({ id, label, onStored, beside }: Props) {
  const { upload, uploading, error } = useFileUpload(limits.imageBytes, async (file) => {
    onStored(await call(api.POST('/api/v1/files', { body: multipart({ file }) })));
  });

  return (
    <>
      <Space>
        <Upload
          accept="image/jpeg,image/png,image/webp"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false; // uploaded here, not by the component
          }}
        >
          <Button id={id} icon={<UploadOutlined />} loading={uploading}>{label}</Button>
        </Upload>
        {beside}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
    </>
  );
}
