// Issues a service certificate for a volunteer of my area, from the hours one
// organization recorded (谁记录谁证明), then offers its PDF.
import { Button, Descriptions, Form, Modal, Result } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Certificate } from '../../../api/types';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { OrganizationSelect, VolunteerSelect } from '../../components/Pickers';
import { useFormSubmit } from '../../forms';
import { FormModal } from '../../components/FormModal';
import { CertificateActions } from './CertificateActions';

interface Values {
  volunteerId: number;
  organizationId: number;
}

interface Props {
  /** The volunteer, when issuing from their page; otherwise chosen here. */
  volunteer?: { id: number; name: string; volunteerNo: string };
  onIssued?(certificate: Certificate): void;
  onClose(): void;
}

export function IssueCertificateModal({ volunteer, onIssued, onClose }: Props) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [issued, setIssued] = useState<Certificate | null>(null);
  const submission = useFormSubmit(form, async (values) => {
    const certificate = await call(api.POST('/api/v1/certificates', { body: values }));
    setIssued(certificate);
    onIssued?.(certificate);
  });

  if (issued) {
    return (
      <Modal open title={t('certificates.issue')} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.done')}</Button>}>
        <Result status="success" title={t('certificates.issued')} subTitle={<span className="certificate-code">{issued.code}</span>} />
        <Descriptions
          column={1}
          size="small"
          bordered
          className="form-alert"
          items={[
            { key: 'issuer', label: t('certificates.issuer'), children: issued.issuer },
            { key: 'hours', label: t('certificates.hours'), children: t('ledger.hoursValue', { hours: issued.hours.toFixed(1) }) },
            { key: 'at', label: t('certificates.issuedAt'), children: formatDateTime(issued.issuedAt, lang) },
          ]}
        />
        <CertificateActions code={issued.code} revoked={issued.revoked} onRevoked={() => setIssued({ ...issued, revoked: true })} />
      </Modal>
    );
  }

  return (
    <FormModal
      title={volunteer ? t('certificates.issueFor', { name: volunteer.name }) : t('certificates.issue')}
      okText={t('certificates.issueSubmit')}
      onClose={onClose}
      form={form}
      submission={submission}
      initialValues={volunteer ? { volunteerId: volunteer.id } : {}}
    >
      <Form.Item name="volunteerId" label={t('certificates.volunteer')} rules={[{ required: true, message: t('validation.required') }]} hidden={Boolean(volunteer)}>
        <VolunteerSelect />
      </Form.Item>
      <Form.Item
        name="organizationId"
        label={t('certificates.organization')}
        extra={t('certificates.organizationHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <OrganizationSelect />
      </Form.Item>
    </FormModal>
  );
}
