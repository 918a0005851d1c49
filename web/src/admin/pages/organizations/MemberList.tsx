// An organization's members and join requests: approve or decline a request, remove a
// member, make one the leader.
import { CrownOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Member, MemberStatus, Organization } from '../../../api/types';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { usePageCount, useQueryList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { CountLabel, StatusTag } from '../../components/Tags';
import { useAction } from '../../useAction';
import { useDangerConfirm } from '../../useConfirm';

type Shown = 'active' | 'pending' | 'all';
/** `all` also shows who left, was removed or declined. */
const statusOf: Record<Shown, MemberStatus | undefined> = { active: 'active', pending: 'pending', all: undefined };

const fetchMembers = ({ id, status }: { id: number; status: MemberStatus | undefined }, cursor?: string) =>
  call(api.GET('/api/v1/organizations/{id}/members', { params: { path: { id }, query: { status, cursor, limit: 50 } } }));

interface Props {
  organization: Organization;
  onLeaderChanged(volunteerId: number): Promise<void>;
  onCountChanged(): void;
}

export function MemberList({ organization, onLeaderChanged, onCountChanged }: Props) {
  const { t, lang } = useI18n();
  const confirmDanger = useDangerConfirm();
  const [shown, setShown] = useState<Shown>('active');
  const list = useQueryList(fetchMembers, { id: organization.id, status: statusOf[shown] }, 'volunteerId');
  const pending = usePageCount(
    useCallback((limit: number) => call(api.GET('/api/v1/organizations/{id}/members', { params: { path: { id: organization.id }, query: { status: 'pending', limit } } })), [organization.id]),
  );
  const { busy, run } = useAction<number>();

  const act = (member: Member, action: () => Promise<MemberStatus | void>, done: string) =>
    run(async () => {
      const status = await action();
      if (!status) return;
      list.upsert({ ...member, status });
      pending.reload();
      onCountChanged();
    }, done, member.volunteerId);

  const decide = (member: Member, decision: 'approve' | 'decline' | 'remove') => async () => {
    const result = await call(api.POST('/api/v1/organizations/{id}/members/{volunteerId}', {
      params: { path: { id: organization.id, volunteerId: member.volunteerId } }, body: { decision },
    }));
    return result.status as MemberStatus;
  };

  function confirmRemove(member: Member) {
    confirmDanger({
      title: t('organizations.removeTitle', { name: member.name }),
      content: t('organizations.removeBody'),
      okText: t('organizations.remove'),
      onOk: () => act(member, decide(member, 'remove'), t('organizations.removed', { name: member.name })),
    });
  }

  const isLeader = (member: Member) => organization.leader?.volunteerId === member.volunteerId;
  const columns: ColumnsType<Member> = [
    {
      key: 'name',
      title: t('volunteers.name'),
      render: (_, m) => (
        <Space size="small">
          <Typography.Text strong>{m.name}</Typography.Text>
          {isLeader(m) && <Tag color="red" icon={<CrownOutlined />}>{t('organizations.leader')}</Tag>}
          {m.partyMember && <Tag>{t('volunteers.partyMember')}</Tag>}
        </Space>
      ),
    },
    { key: 'no', title: t('volunteers.volunteerNo'), dataIndex: 'volunteerNo' },
    { key: 'phone', title: t('volunteers.phone'), dataIndex: 'phoneMasked' },
    { key: 'skills', title: t('volunteers.skills'), render: (_, m) => m.skills.join('、') },
    { key: 'status', title: t('organizations.memberStatusLabel'), render: (_, m) => <StatusTag status={m.status}>{t(`organizations.memberStatus.${m.status}`)}</StatusTag> },
    { key: 'at', title: t('organizations.requestedAt'), render: (_, m) => formatDateTime(m.requestedAt, lang) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, m) => (
        <Space size="small">
          {m.status === 'pending' && (
            <>
              <Button size="small" type="primary" loading={busy === m.volunteerId} onClick={() => void act(m, decide(m, 'approve'), t('organizations.joinApproved', { name: m.name }))}>
                {t('organizations.approveJoin')}
              </Button>
              <Button size="small" danger onClick={() => void act(m, decide(m, 'decline'), t('organizations.joinDeclined', { name: m.name }))}>
                {t('organizations.declineJoin')}
              </Button>
            </>
          )}
          {m.status === 'active' && !isLeader(m) && (
            <Button size="small" icon={<CrownOutlined />} onClick={() => void act(m, () => onLeaderChanged(m.volunteerId), t('organizations.leaderSet', { name: m.name }))}>
              {t('organizations.setLeader')}
            </Button>
          )}
          {m.status === 'active' && <Button size="small" danger onClick={() => confirmRemove(m)}>{t('organizations.remove')}</Button>}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="small" className="full-width">
      <Space wrap className="section-head">
        <Typography.Title level={5} className="section-title">{t('organizations.members')}</Typography.Title>
        <Segmented<Shown>
          value={shown}
          onChange={setShown}
          options={[
            { value: 'active', label: t('organizations.membersActive') },
            { value: 'pending', label: <CountLabel label={t('organizations.membersPending')} count={pending.data} /> },
            { value: 'all', label: t('organizations.membersAll') },
          ]}
        />
      </Space>
      <PagedTable<Member>
        rowKey="volunteerId"
        columns={columns}
        list={list}
        size="small"
        empty={t(shown === 'pending' ? 'organizations.noJoinRequests' : 'organizations.noMembers')}
      />
    </Space>
  );
}
