// The coverage report (覆盖情况): how many recipients are visited within their plan, who
// is overdue (longest first), whose volunteer left the group, and the members who left
// lately with how many people they leave behind. The totals are counted by the server;
// the two lists are keyset-paged (load more), however many recipients the area has.
// 交接 hands a recipient to another member.
import { Alert, Button, Empty, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Coverage, CoverageList, ListedRecipient } from '../../../api/careTypes';
import { recipientKindName } from '../../../shared/careLabels';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { usePagedList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { HandOverModal } from './HandOverModal';
import { RecipientRecord } from './RecipientRecord';

type Listed = ListedRecipient;
type Leaver = Coverage['leavers'][number];

export function useRecipientColumns(onHandOver: (recipient: Listed) => void, onRead: (recipient: Listed) => void): ColumnsType<Listed> {
  const { t } = useI18n();
  return [
    { key: 'name', title: t('care.admin.recipient'), render: (_, r) => r.name },
    { key: 'kind', title: t('care.admin.kind'), render: (_, r) => recipientKindName(t, r.kind) },
    { key: 'group', title: t('care.admin.group'), render: (_, r) => r.groupName },
    {
      key: 'caretaker', title: t('care.admin.caretaker'),
      render: (_, r) => r.caretaker
        ? <Space size={4}>{r.caretaker.name}{!r.caretaker.active && <Tag color="red">{t('care.admin.caretakerLeft')}</Tag>}</Space>
        : <Tag color="red">{t('care.admin.noCaretaker')}</Tag>,
    },
    { key: 'plan', title: t('care.admin.plan'), render: (_, r) => t('care.admin.every', { n: r.visitEveryDays }) },
    { key: 'last', title: t('care.admin.lastVisit'), render: (_, r) => r.lastVisit ?? <Typography.Text type="secondary">{t('care.admin.never')}</Typography.Text> },
    { key: 'due', title: t('care.admin.nextDue'), render: (_, r) => r.nextDue },
    { key: 'late', title: t('care.admin.late'), render: (_, r) => (r.lateDays > 0 ? <Tag color="red">{t('care.admin.lateDays', { n: r.lateDays })}</Tag> : <Tag color="green">{t('care.admin.onPlan')}</Tag>) },
    {
      key: 'actions', title: t('common.actions'),
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" onClick={() => onRead(r)}>{t('care.admin.recordOpen')}</Button>
          <Button size="small" onClick={() => onHandOver(r)}>{t('care.admin.handOver')}</Button>
        </Space>
      ),
    },
  ];
}

/** One coverage list (as of today, like the totals), page by page. */
function useCoverageList(list: CoverageList) {
  const fetchPage = useCallback(
    (cursor?: string) => call(api.GET('/api/v1/care/coverage/recipients', { params: { query: { list, ...(cursor && { cursor }) } } })),
    [list],
  );
  return usePagedList(fetchPage, 'id');
}

export function CoverageReport() {
  const { t, lang } = useI18n();
  const coverage = useLoad(useCallback(() => call(api.GET('/api/v1/care/coverage')), []));
  const overdue = useCoverageList('overdue');
  const orphans = useCoverageList('withoutCaretaker');
  const reload = () => {
    coverage.reload();
    overdue.reload();
    orphans.reload();
  };
  const [handing, setHanding] = useState<Listed | null>(null);
  const [reading, setReading] = useState<Listed | null>(null);
  const columns = useRecipientColumns(setHanding, setReading);
  const leaverColumns: ColumnsType<Leaver> = [
    { key: 'group', title: t('care.admin.group'), render: (_, l) => l.groupName },
    { key: 'name', title: t('care.admin.member'), render: (_, l) => l.name },
    { key: 'left', title: t('care.admin.leftAt'), render: (_, l) => formatDateTime(l.leftAt, lang) },
    { key: 'orphans', title: t('care.admin.leftBehind'), render: (_, l) => (l.recipients > 0 ? <Tag color="red">{t('care.admin.people', { n: l.recipients })}</Tag> : t('care.admin.handedOver')) },
  ];

  if (coverage.error !== undefined) {
    return <Alert type="error" showIcon title={errorMessage(coverage.error, t)} action={<Button onClick={coverage.reload}>{t('common.retry')}</Button>} />;
  }
  const data = coverage.data;
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Space size="large" wrap>
        <Statistic title={t('care.admin.recipients')} value={data?.recipients ?? '—'} loading={!data} />
        <Statistic title={t('care.admin.covered')} value={data?.covered ?? '—'} loading={!data} />
        <Statistic title={t('care.admin.overdueCount')} value={data?.overdue ?? '—'} loading={!data} valueStyle={data?.overdue ? { color: '#b7141b' } : undefined} />
        <Statistic title={t('care.admin.orphansCount')} value={data?.withoutCaretaker ?? '—'} loading={!data} valueStyle={data?.withoutCaretaker ? { color: '#b7141b' } : undefined} />
        {data && <Typography.Text type="secondary">{t('care.admin.asOf', { date: data.asOf })}</Typography.Text>}
      </Space>
      <section aria-label={t('care.admin.overdueTitle')}>
        <Typography.Title level={5}>{t('care.admin.overdueTitle')}</Typography.Title>
        <PagedTable<Listed> rowKey="id" columns={columns} list={overdue} empty={t('care.admin.noneOverdue')} />
      </section>
      <section aria-label={t('care.admin.orphansTitle')}>
        <Typography.Title level={5}>{t('care.admin.orphansTitle')}</Typography.Title>
        <PagedTable<Listed> rowKey="id" columns={columns} list={orphans} empty={t('care.admin.noneOrphans')} />
      </section>
      <section aria-label={t('care.admin.leaversTitle')}>
        <Typography.Title level={5}>{t('care.admin.leaversTitle')}</Typography.Title>
        <Table<Leaver> rowKey={(l) => `${l.groupId}:${l.volunteerId}`} size="middle" columns={leaverColumns} dataSource={data?.leavers} loading={coverage.loading} pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.admin.noneLeavers')} /> }} />
      </section>
      {handing && <HandOverModal recipient={handing} onDone={reload} onClose={() => setHanding(null)} />}
      {reading && <RecipientRecord recipient={reading} onClose={() => setReading(null)} />}
    </Space>
  );
}
