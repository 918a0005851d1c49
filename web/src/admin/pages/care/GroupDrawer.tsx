// One care group: its members (party members marked; one who leaves stays listed with the
// day), adding a member, and its recipients with their visit plans; a new recipient needs
// the separate consent for sensitive data.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { CareGroup, ListedRecipient } from '../../../api/careTypes';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { LoadDrawer } from '../../components/LoadDrawer';
import { VolunteerSelect } from '../../components/Pickers';
import { useAction } from '../../useAction';
import { useDangerConfirm } from '../../useConfirm';
import { useRecipientColumns } from './CoverageReport';
import { HandOverModal } from './HandOverModal';
import { RecipientFormModal } from './RecipientFormModal';
import { RecipientRecord } from './RecipientRecord';

type Member = CareGroup['members'][number];
type Listed = ListedRecipient;

export function GroupDrawer({ id, onChanged, onClose }: { id: number; onChanged(): void; onClose(): void }) {
  const { t } = useI18n();
  const group = useLoad(useCallback(() => call(api.GET('/api/v1/care-groups/{id}', { params: { path: { id } } })), [id]));
  const changed = (updated?: CareGroup) => {
    if (updated) group.setData(updated);
    else group.reload();
    onChanged();
  };
  return (
    <LoadDrawer loaded={group} size={960} fallbackTitle={t('care.admin.tabGroups')} title={(g) => g.name} onClose={onClose}>
      {(data) => <GroupView group={data} onChanged={changed} />}
    </LoadDrawer>
  );
}

function GroupView({ group, onChanged }: { group: CareGroup; onChanged(updated?: CareGroup): void }) {
  const { t, lang } = useI18n();
  const action = useAction<number | 'add'>();
  const confirm = useDangerConfirm();
  const [adding, setAdding] = useState<number | undefined>();
  const [newRecipient, setNewRecipient] = useState(false);
  const [handing, setHanding] = useState<Listed | null>(null);
  const [reading, setReading] = useState<Listed | null>(null);
  const recipientColumns = useRecipientColumns(setHanding, setReading);

  async function addMember() {
    if (!adding) return;
    await action.run(async () => {
      onChanged(await call(api.POST('/api/v1/care-groups/{id}/members', { params: { path: { id: group.id } }, body: { volunteerId: adding } })));
      setAdding(undefined);
    }, t('care.admin.memberAdded'), 'add');
  }

  function remove(member: Member) {
    confirm({
      title: t('care.admin.removeTitle', { name: member.name }),
      content: t('care.admin.removeBody'),
      okText: t('care.admin.remove'),
      onOk: () => action.run(async () => {
        onChanged(await call(api.DELETE('/api/v1/care-groups/{id}/members/{volunteerId}', { params: { path: { id: group.id, volunteerId: member.volunteerId } } })));
      }, t('care.admin.removed'), member.volunteerId),
    });
  }

  const memberColumns: ColumnsType<Member> = [
    { key: 'name', title: t('care.admin.member'), render: (_, m) => <Space size={4}>{m.name}{m.partyMember && <Tag color="red">{t('care.admin.partyMember')}</Tag>}</Space> },
    { key: 'joined', title: t('care.admin.joinedAt'), render: (_, m) => formatDateTime(m.joinedAt, lang) },
    { key: 'status', title: t('care.admin.memberStatus'), render: (_, m) => (m.leftAt ? <Tag>{t('care.admin.leftOn', { date: formatDateTime(m.leftAt, lang) })}</Tag> : <Tag color="green">{t('care.admin.active')}</Tag>) },
    {
      key: 'actions', title: t('common.actions'),
      render: (_, m) => m.leftAt ? null : <Button size="small" danger loading={action.busy === m.volunteerId} onClick={() => remove(m)}>{t('care.admin.remove')}</Button>,
    },
  ];

  return (
    <Space orientation="vertical" size="large" className="full-width">
      <section aria-label={t('care.admin.members')}>
        <Typography.Title level={5}>{t('care.admin.members')}</Typography.Title>
        <Space wrap className="form-alert">
          <VolunteerSelect value={adding ?? null} onChange={(volunteerId) => setAdding(volunteerId)} aria-label={t('care.admin.addMember')} className="picker-wide" />
          <Button icon={<PlusOutlined />} disabled={!adding} loading={action.busy === 'add'} onClick={() => void addMember()}>{t('care.admin.addMember')}</Button>
        </Space>
        <Table<Member> rowKey="volunteerId" size="small" columns={memberColumns} dataSource={group.members} pagination={false} />
      </section>
      <section aria-label={t('care.admin.recipients')}>
        <Space className="form-alert">
          <Typography.Title level={5}>{t('care.admin.recipients')}</Typography.Title>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setNewRecipient(true)}>{t('care.admin.addRecipient')}</Button>
        </Space>
        <Table<Listed> rowKey="id" size="small" columns={recipientColumns.filter((c) => c.key !== 'group')} dataSource={group.recipients} pagination={false}
          locale={{ emptyText: t('care.admin.noRecipients') }} />
      </section>
      {newRecipient && <RecipientFormModal group={group} onAdded={() => onChanged()} onClose={() => setNewRecipient(false)} />}
      {handing && <HandOverModal recipient={handing} onDone={() => onChanged()} onClose={() => setHanding(null)} />}
      {reading && <RecipientRecord recipient={reading} onClose={() => setReading(null)} />}
    </Space>
  );
}
