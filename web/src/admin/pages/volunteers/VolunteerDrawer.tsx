// One volunteer: masked personal data (with an audited reveal), profile, organizations,
// training records and qualifications, review of a pending registration, and the ways on
// to hours and certificates.
import { AuditOutlined, ClockCircleOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { RevealField, VolunteerDetail } from '../../../api/types';
import { hasRankOf } from '../../../shared/domain';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { availabilityName, categoryName, memberStatusName } from '../../../shared/labels';
import { useMe } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import { LoadDrawer } from '../../components/LoadDrawer';
import { ReasonModal } from '../../components/ReasonModal';
import { StatusTag } from '../../components/Tags';
import { IssueCertificateModal } from '../certificates/IssueCertificateModal';
import { VolunteerFormModal } from './VolunteerFormModal';
import { VolunteerReview } from './VolunteerReview';

interface Props {
  id: number;
  onChanged(volunteer: VolunteerDetail): void;
  onClose(): void;
}

export function VolunteerDrawer({ id, onChanged, onClose }: Props) {
  const { t } = useI18n();
  const volunteer = useLoad(useCallback(() => call(api.GET('/api/v1/volunteers/{id}', { params: { path: { id } } })), [id]));

  function changed(updated: VolunteerDetail) {
    volunteer.setData(updated);
    onChanged(updated);
  }

  return (
    <LoadDrawer loaded={volunteer} size={640} fallbackTitle={t('menu.volunteers')} title={(v) => v.name} onClose={onClose}>
      {/* Keyed by id: revealed numbers never carry over to another person. */}
      {(data) => <VolunteerView key={data.id} volunteer={data} onChanged={changed} />}
    </LoadDrawer>
  );
}

function VolunteerView({ volunteer, onChanged }: { volunteer: VolunteerDetail; onChanged(volunteer: VolunteerDetail): void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [revealed, setRevealed] = useState<Partial<Record<RevealField, string>>>({});
  const [revealing, setRevealing] = useState<RevealField | null>(null);
  const [editing, setEditing] = useState(false);
  const [certifying, setCertifying] = useState(false);
  const none = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  const mayRevealId = hasRankOf(me.grants, 'center_admin');

  async function reveal(field: RevealField, reason: string) {
    const shown = await call(api.POST('/api/v1/volunteers/{id}/reveal', { params: { path: { id: volunteer.id } }, body: { fields: [field], reason } }));
    setRevealed((current) => ({ ...current, ...shown }));
    setRevealing(null);
  }

  const secret = (field: RevealField, masked: string, allowed: boolean) => (
    <Space size="small" wrap>
      {revealed[field] ? (
        <Typography.Text strong copyable className="revealed">{revealed[field]}</Typography.Text>
      ) : (
        <span>{masked}</span>
      )}
      {revealed[field] ? (
        <Typography.Text type="secondary">{t('volunteers.revealedNote')}</Typography.Text>
      ) : (
        allowed && <Button size="small" icon={<EyeOutlined />} onClick={() => setRevealing(field)}>{t(`volunteers.reveal.${field}`)}</Button>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Space wrap>
        <StatusTag status={volunteer.status}>{t(`volunteers.status.${volunteer.status}`)}</StatusTag>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
        <Button icon={<ClockCircleOutlined />} onClick={() => void navigate(`/hours?volunteer=${volunteer.id}`)}>{t('volunteers.hours')}</Button>
        {volunteer.status === 'active' && <Button icon={<AuditOutlined />} onClick={() => setCertifying(true)}>{t('certificates.issue')}</Button>}
      </Space>
      {volunteer.status === 'pending' && (
        <Alert type="warning" showIcon title={t('volunteers.pendingNote')} action={<VolunteerReview volunteer={volunteer} onReviewed={onChanged} />} />
      )}
      {volunteer.status === 'rejected' && <Alert type="error" showIcon title={t('volunteers.rejectedNote', { reason: volunteer.rejectReason ?? '' })} />}
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'no', label: t('volunteers.volunteerNo'), children: volunteer.volunteerNo },
          { key: 'id', label: t('volunteers.idNumber'), children: secret('idNumber', volunteer.idMasked, mayRevealId) },
          { key: 'phone', label: t('volunteers.phone'), children: secret('phone', volunteer.phoneMasked, true) },
          { key: 'sexAge', label: t('volunteers.sexAge'), children: `${t(`volunteers.sex.${volunteer.sex}`)} · ${t('volunteers.age', { n: volunteer.age })}` },
          { key: 'site', label: t('volunteers.site'), children: volunteer.site.name },
          { key: 'categories', label: t('volunteers.categories'), children: volunteer.categories.map((c) => <Tag key={c}>{categoryName(t, c)}</Tag>) },
          { key: 'skills', label: t('volunteers.skills'), children: volunteer.skills.length ? volunteer.skills.join('、') : none },
          { key: 'availability', label: t('volunteers.availability'), children: volunteer.availability.map((a) => availabilityName(t, a)).join('、') || none },
          {
            key: 'flags',
            label: t('volunteers.flags'),
            children: [volunteer.partyMember && t('volunteers.partyMember'), volunteer.emergencyReserve && t('volunteers.emergencyReserve')].filter(Boolean).join('、') || none,
          },
          ...(volunteer.guardian
            ? [{ key: 'guardian', label: t('volunteers.guardian'), children: `${volunteer.guardian.name} · ${volunteer.guardian.phoneMasked}` }]
            : []),
          { key: 'source', label: t('volunteers.source'), children: t(`volunteers.source.${volunteer.source}`) },
          { key: 'served', label: t('volunteers.lastServed'), children: volunteer.lastServedOn ?? t('volunteers.neverServed') },
          { key: 'created', label: t('volunteers.createdAt'), children: formatDateTime(volunteer.createdAt, lang) },
        ]}
      />
      <List
        size="small"
        bordered
        header={<Typography.Text strong>{t('volunteers.organizations')}</Typography.Text>}
        locale={{ emptyText: t('volunteers.noOrganizations') }}
        dataSource={volunteer.organizations}
        renderItem={(org) => (
          <List.Item extra={<StatusTag status={org.status}>{memberStatusName(t, org.status)}</StatusTag>}>
            <Link to={`/organizations?id=${org.id}`}>{org.name}</Link>
            <Typography.Text type="secondary"> · {categoryName(t, org.category)}</Typography.Text>
          </List.Item>
        )}
      />
      <VolunteerTraining id={volunteer.id} />
      {revealing && (
        <ReasonModal
          title={t(`volunteers.reveal.${revealing}`)}
          label={t('volunteers.revealReason')}
          okText={t('volunteers.revealSubmit')}
          onSubmit={(reason) => reveal(revealing, reason)}
          onClose={() => setRevealing(null)}
        >
          <Alert type="info" showIcon className="form-alert" title={t('volunteers.revealBody', { name: volunteer.name })} />
        </ReasonModal>
      )}
      {editing && (
        <VolunteerFormModal
          volunteer={volunteer}
          onSaved={(updated) => {
            // The edit may have corrected the phone: a number revealed before is not shown on.
            setRevealed(({ phone: _phone, ...rest }) => rest);
            onChanged(updated);
            setEditing(false);
          }}
          onClose={() => setEditing(false)}
        />
      )}
      {certifying && <IssueCertificateModal volunteer={volunteer} onClose={() => setCertifying(false)} />}
    </Space>
  );
}

/** The courses the volunteer completed and the qualifications they hold (what activities may require). */
function VolunteerTraining({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const training = useLoad(useCallback(() => call(api.GET('/api/v1/volunteers/{id}/training', { params: { path: { id } } })), [id]));
  return (
    <section aria-label={t('volunteers.training')}>
      {training.error !== undefined && <Alert type="error" showIcon title={errorMessage(training.error, t)} />}
      <List
        size="small"
        bordered
        loading={training.loading}
        header={(
          <Space wrap>
            <Typography.Text strong>{t('volunteers.training')}</Typography.Text>
            {training.data?.qualifications.map((q) => <Tag key={q.qualification} color="gold">{q.qualification}</Tag>)}
          </Space>
        )}
        locale={{ emptyText: t('volunteers.noTraining') }}
        dataSource={training.data?.records}
        renderItem={(record) => (
          <List.Item extra={<Typography.Text type="secondary">{formatDateTime(record.completedAt, lang)}</Typography.Text>}>
            {record.title}
            <Typography.Text type="secondary">
              {' · '}{t(`training.mode.${record.mode === 'online' ? 'online' : 'offline'}`)}
              {record.score !== null && ` · ${t('volunteers.trainingScore', { score: record.score })}`}
            </Typography.Text>
          </List.Item>
        )}
      />
    </section>
  );
}
