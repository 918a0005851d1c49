// One organization: its details, approval, editing, and its members with the join
// requests waiting for a decision.
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Organization } from '../../../api/types';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { categoryName, sponsorTypeName } from '../../../shared/labels';
import { useLoad } from '../../../shared/useLoad';
import { LoadDrawer } from '../../components/LoadDrawer';
import { StatusTag } from '../../components/Tags';
import { MemberList } from './MemberList';
import { OrganizationFormModal } from './OrganizationFormModal';
import { OrganizationReview } from './OrganizationReview';

interface Props {
  id: number;
  onChanged(organization: Organization): void;
  onClose(): void;
}

export function OrganizationDrawer({ id, onChanged, onClose }: Props) {
  const { t } = useI18n();
  const org = useLoad(useCallback((): Promise<Organization> => call(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })), [id]));

  function changed(updated: Organization) {
    org.setData(updated);
    onChanged(updated);
  }

  return (
    <LoadDrawer loaded={org} size={760} fallbackTitle={t('menu.organizations')} title={(o) => o.name} onClose={onClose}>
      {(data) => <OrganizationView organization={data} onChanged={changed} onCountChanged={org.reload} />}
    </LoadDrawer>
  );
}

function OrganizationView({ organization: data, onChanged: changed, onCountChanged }: { organization: Organization; onChanged(organization: Organization): void; onCountChanged(): void }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const none = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Space wrap>
        <StatusTag status={data.status}>{t(`organizations.status.${data.status}`)}</StatusTag>
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
      </Space>
      {data.status === 'pending' && (
        <Alert type="warning" showIcon title={t('organizations.pendingNote')} action={<OrganizationReview organization={data} onReviewed={changed} />} />
      )}
      {data.status === 'rejected' && <Alert type="error" showIcon title={t('organizations.rejectedNote', { reason: data.rejectReason ?? '' })} />}
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'category', label: t('organizations.category'), children: <Tag>{categoryName(t, data.category, data.customCategory)}</Tag> },
          { key: 'site', label: t('organizations.site'), children: data.site.name },
          { key: 'leader', label: t('organizations.leader'), children: data.leader?.name ?? none },
          { key: 'members', label: t('organizations.members'), children: t('organizations.memberCount', { n: data.memberCount }) },
          {
            key: 'sponsor',
            label: t('organizations.sponsor'),
            children: [data.sponsorType && sponsorTypeName(t, data.sponsorType), data.sponsorName]
              .filter(Boolean).join(' · ') || none,
          },
          { key: 'contact', label: t('organizations.contact'), children: [data.contactName, data.contactPhoneMasked].filter(Boolean).join(' · ') || none },
          { key: 'description', label: t('organizations.description'), children: data.description ? <span className="pre-line">{data.description}</span> : none },
          { key: 'created', label: t('organizations.createdAt'), children: formatDateTime(data.createdAt, lang) },
        ]}
      />
      <MemberList
        organization={data}
        onLeaderChanged={async (volunteerId) =>
          changed(await call(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id: data.id } }, body: { leaderVolunteerId: volunteerId } })))}
        onCountChanged={onCountChanged}
      />
      {editing && (
        <OrganizationFormModal
          organization={data}
          onSaved={(updated) => {
            changed(updated);
            setEditing(false);
          }}
          onClose={() => setEditing(false)}
        />
      )}
    </Space>
  );
}
