// 志愿服务证明: issue a certificate for a volunteer of my area, and look one up by its
// code (what anyone can verify) to download or revoke it.
import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Verification } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { StatusTag } from '../../components/Tags';
import { CertificateActions } from './CertificateActions';
import { IssueCertificateModal } from './IssueCertificateModal';

const CODE = /^LX-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/;

export function CertificatesPage() {
  const { t } = useI18n();
  const [issuing, setIssuing] = useState(false);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<{ verification?: Verification; error?: unknown } | null>(null);
  const [looking, setLooking] = useState(false);

  async function lookUp(value: string) {
    const wanted = value.trim().toUpperCase();
    setCode(wanted);
    if (!CODE.test(wanted)) {
      setFound({ error: t('certificates.codeFormat') });
      return;
    }
    setLooking(true);
    try {
      setFound({ verification: await call(api.GET('/api/v1/public/certificates/{code}', { params: { path: { code: wanted } } })) });
    } catch (error) {
      setFound({ error });
    } finally {
      setLooking(false);
    }
  }

  const verification = found?.verification;
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Card
        title={t('menu.certificates')}
        extra={<Button type="primary" icon={<AuditOutlined />} onClick={() => setIssuing(true)}>{t('certificates.issue')}</Button>}
      >
        <Typography.Paragraph type="secondary">{t('certificates.intro')}</Typography.Paragraph>
        <Input.Search
          aria-label={t('certificates.lookUp')}
          placeholder={t('certificates.codePlaceholder')}
          enterButton={t('certificates.lookUp')}
          loading={looking}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onSearch={(value) => void lookUp(value)}
          className="code-search"
        />
      </Card>
      {found?.error !== undefined && (
        <Alert type="error" showIcon title={typeof found.error === 'string' ? found.error : errorMessage(found.error, t)} />
      )}
      {verification && !verification.genuine && <Result status="warning" title={t('certificates.notFound', { code: verification.code })} />}
      {verification?.genuine && (
        <Card
          title={<span className="certificate-code">{verification.code}</span>}
          extra={<StatusTag status={verification.revoked ? 'rejected' : 'active'}>{t(verification.revoked ? 'certificates.statusRevoked' : 'certificates.statusValid')}</StatusTag>}
        >
          <Descriptions
            column={1}
            bordered
            size="small"
            className="form-alert"
            items={[
              { key: 'name', label: t('certificates.volunteer'), children: `${verification.name ?? ''}（${verification.volunteerNo ?? ''}）` },
              { key: 'hours', label: t('certificates.hours'), children: t('ledger.hoursValue', { hours: (verification.hours ?? 0).toFixed(1) }) },
              { key: 'period', label: t('certificates.period'), children: `${verification.periodFrom ?? ''} – ${verification.periodTo ?? ''}` },
              { key: 'content', label: t('certificates.content'), children: verification.content },
              { key: 'issuer', label: t('certificates.issuer'), children: verification.issuer },
              { key: 'issued', label: t('certificates.issuedOn'), children: verification.issuedOn },
              ...(verification.revoked ? [{ key: 'reason', label: t('certificates.revokeReason'), children: verification.revokeReason }] : []),
            ]}
          />
          <CertificateActions code={verification.code} revoked={Boolean(verification.revoked)} onRevoked={(updated) => setFound({ verification: updated })} />
        </Card>
      )}
      {issuing && (
        <IssueCertificateModal
          onIssued={(certificate) => void lookUp(certificate.code)}
          onClose={() => setIssuing(false)}
        />
      )}
    </Space>
  );
}
