// 应急动员: the call-ups of my area (newest first) with how many were reached and how
// many answered; 发起动员 launches one, and each opens its live board.
import { AlertOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Callup } from '../../../api/careTypes';
import { callupStatusName } from '../../../shared/careLabels';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { useLoad } from '../../../shared/useLoad';
import '../care/care.css';
import { AreaName } from './AreaName';
import { CallupFormModal } from './CallupFormModal';

export const callupStatusColor: Record<string, string> = { fanning_out: 'processing', open: 'red', stood_down: 'default' };

export function CallupsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const callups = useLoad(useCallback(() => call(api.GET('/api/v1/callups')), []));
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<Callup> = [
    { key: 'title', title: t('callup.admin.title'), render: (_, c) => <Button type="link" className="link-cell" onClick={() => void navigate(`/callups/${c.id}`)}>{c.title}</Button> },
    { key: 'status', title: t('callup.admin.status'), render: (_, c) => <Tag color={callupStatusColor[c.status]}>{callupStatusName(t, c.status)}</Tag> },
    { key: 'area', title: t('callup.admin.area'), render: (_, c) => <AreaName prefix={c.areaPrefix} /> },
    {
      key: 'who', title: t('callup.admin.who'),
      render: (_, c) => [c.reserveOnly ? t('callup.admin.reserveOnly') : t('callup.admin.everyone'), ...c.categories.map((code) => categoryName(t, code)), ...c.skills].join('、'),
    },
    { key: 'headcount', title: t('callup.admin.headcount'), render: (_, c) => c.headcount },
    { key: 'answers', title: t('callup.admin.answers'), render: (_, c) => t('callup.admin.answerCounts', { notified: c.notified, accepted: c.accepted, declined: c.declined }) },
    { key: 'created', title: t('callup.admin.createdAt'), render: (_, c) => formatDateTime(c.createdAt, lang) },
  ];
  return (
    <Card
      title={t('callup.menu')}
      extra={<Button type="primary" danger icon={<AlertOutlined />} onClick={() => setCreating(true)}>{t('callup.admin.create')}</Button>}
    >
      <Space orientation="vertical" size="middle" className="full-width">
        {callups.error !== undefined && <Alert type="error" showIcon title={errorMessage(callups.error, t)} />}
        <Table<Callup> rowKey="id" columns={columns} dataSource={callups.data?.items} loading={callups.loading} pagination={false} locale={{ emptyText: t('callup.admin.none') }} />
      </Space>
      {creating && <CallupFormModal onCreated={(board) => void navigate(`/callups/${board.id}`)} onClose={() => setCreating(false)} />}
    </Card>
  );
}
