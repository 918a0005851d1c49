// What staff do with an issued certificate: download its PDF, revoke it with a reason.
import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Verification } from '../../../api/types';
import { call } from '../../../shared/errors';
import { download } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { ReasonModal } from '../../components/ReasonModal';
import { useAction } from '../../useAction';

interface Props {
  code: string;
  revoked: boolean;
  onRevoked(verification: Verification): void;
}

export function CertificateActions({ code, revoked, onRevoked }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const pdf = useAction();
  const [revoking, setRevoking] = useState(false);

  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={pdf.busy !== null}
        onClick={() => void pdf.run(() => download(api.GET('/api/v1/certificates/{code}/pdf', { params: { path: { code } }, parseAs: 'blob' }), `${code}.pdf`))}
      >{t('certificates.pdf')}</Button>
      {!revoked && <Button danger icon={<StopOutlined />} onClick={() => setRevoking(true)}>{t('certificates.revoke')}</Button>}
      {revoking && (
        <ReasonModal
          title={t('certificates.revokeTitle', { code })}
          label={t('certificates.revokeReason')}
          okText={t('certificates.revoke')}
          danger
          onSubmit={async (reason) => {
            onRevoked(await call(api.POST('/api/v1/certificates/{code}/revoke', { params: { path: { code } }, body: { reason } })));
            setRevoking(false);
            void message.success(t('certificates.revoked', { code }));
          }}
          onClose={() => setRevoking(false)}
        />
      )}
    </Space>
  );
}
