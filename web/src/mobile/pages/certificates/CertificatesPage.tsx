// 我的证明: certificates issued to me (download the PDF, open the public verify page), and
// a new one from any organization that recorded hours for me (谁记录谁证明).
import { Button, Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Certificate, CertificateSource } from '../../../api/types';
import { call } from '../../../shared/errors';
import { download } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { DoneText, Empty, ErrorText, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, roundHours } from '../../format';
import { ForVolunteers } from '../../myVolunteer';
import { useAction } from '../../useAction';

export function CertificatesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('mobile.cert.title')} back="/me" />
      <ForVolunteers>
        <Certificates />
      </ForVolunteers>
    </>
  );
}

function Certificates() {
  const { t } = useI18n();
  const load = useCallback(async () => {
    const [mine, sources] = await Promise.all([call(api.GET('/api/v1/certificates/mine')), call(api.GET('/api/v1/certificates/sources'))]);
    return { certificates: mine.items, sources: sources.items };
  }, []);
  const state = useLoad(load);
  const [issued, setIssued] = useState<Certificate | null>(null);

  return (
    <Loaded state={state}>
      {({ certificates, sources }) => (
        <>
          {issued && <DoneText>{t('mobile.cert.issued', { code: issued.code })}</DoneText>}
          <h2 className="m-section-title">{t('mobile.cert.mine')}</h2>
          {certificates.length === 0 ? <Empty>{t('mobile.cert.none')}</Empty> : (
            <ul className="m-list-cards">
              {certificates.map((certificate) => <li key={certificate.id}><CertificateCard certificate={certificate} /></li>)}
            </ul>
          )}
          <h2 className="m-section-title">{t('mobile.cert.request')}</h2>
          <p className="m-hint">{t('mobile.cert.requestHint')}</p>
          {sources.length === 0 ? <Empty>{t('mobile.cert.noSources')}</Empty> : (
            <ul className="m-list-cards">
              {sources.map((source) => (
                <li key={source.organizationId}>
                  <SourceCard source={source} onIssued={(certificate) => { setIssued(certificate); state.reload(); }} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Loaded>
  );
}

function CertificateCard({ certificate }: { certificate: Certificate }) {
  const { t, lang } = useI18n();
  const pdf = useAction();
  async function get() {
    await pdf.run(() => download(api.GET('/api/v1/certificates/{code}/pdf', { params: { path: { code: certificate.code } }, parseAs: 'blob' }), `${certificate.code}.pdf`));
  }
  return (
    <article className="m-item-card m-certificate">
      <p className="m-meta">
        <span>{t('mobile.cert.code')}</span>
        {certificate.revoked && <Tag className="m-tag" color="danger">{t('mobile.cert.revoked')}</Tag>}
      </p>
      <h3 className="m-mono">{certificate.code}</h3>
      <p>{certificate.issuer}</p>
      <p className="m-meta">
        <span>{t('mobile.hours.value', { n: roundHours(certificate.hours) })}</span>
        <span>{t('mobile.cert.issuedOn', { date: formatDate(certificate.issuedAt, lang) })}</span>
      </p>
      <ErrorText>{pdf.error}</ErrorText>
      <div className="m-row-actions">
        <Button size="large" color="primary" loading={pdf.busy} onClick={() => void get()}>{t('mobile.cert.download')}</Button>
        <a className="m-text-link" href={`/verify/${certificate.code}`} target="_blank" rel="noopener">{t('mobile.cert.verify')}</a>
      </div>
    </article>
  );
}

function SourceCard({ source, onIssued }: { source: CertificateSource; onIssued(certificate: Certificate): void }) {
  const { t } = useI18n();
  const issue = useAction();
  async function request() {
    const certificate = await issue.run((headers) => call(api.POST('/api/v1/certificates', { body: { organizationId: source.organizationId }, headers })));
    if (certificate) onIssued(certificate);
  }
  return (
    <article className="m-item-card">
      <h3>{source.name}</h3>
      <p className="m-meta">{t('mobile.cert.recorded', { n: roundHours(source.hours) })}</p>
      <ErrorText>{issue.error}</ErrorText>
      <Button block size="large" color="primary" fill="outline" loading={issue.busy} onClick={() => void request()}>
        {t('mobile.cert.requestFrom')}
      </Button>
    </article>
  );
}
