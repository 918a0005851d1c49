// 帮扶小组: the care groups of my area, each with its members and recipients (opened in
// a drawer, ?group=); a new group at a village or community station.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { CareGroupSummary } from '../../../api/careTypes';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { useIdParam } from '../../useSearchParam';
import { GroupDrawer } from './GroupDrawer';
import { GroupFormModal } from './GroupFormModal';

export function GroupsTab() {
  const { t } = useI18n();
  const groups = useLoad(useCallback(() => call(api.GET('/api/v1/care-groups')), []));
  const [openId, setOpenId] = useIdParam('group');
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<CareGroupSummary> = [
    { key: 'name', title: t('care.admin.groupName'), render: (_, g) => <Button type="link" className="link-cell" onClick={() => setOpenId(g.id)}>{g.name}</Button> },
    { key: 'site', title: t('care.admin.site'), render: (_, g) => g.site.name },
    { key: 'members', title: t('care.admin.members'), render: (_, g) => g.members },
    { key: 'recipients', title: t('care.admin.recipients'), render: (_, g) => g.recipients },
  ];
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('care.admin.createGroup')}</Button>
      {groups.error !== undefined && <Alert type="error" showIcon title={errorMessage(groups.error, t)} />}
      <Table<CareGroupSummary> rowKey="id" columns={columns} dataSource={groups.data?.items} loading={groups.loading} pagination={false}
        locale={{ emptyText: t('care.admin.noGroups') }} />
      {openId !== null && <GroupDrawer id={openId} onChanged={groups.reload} onClose={() => setOpenId(null)} />}
      {creating && (
        <GroupFormModal
          onCreated={(group) => {
            groups.reload();
            setOpenId(group.id);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </Space>
  );
}
