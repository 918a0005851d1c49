// 消息: what happened to the orders, wishes and work of my area, newest first (all, or the
// unread only). Opening a message marks it read and goes where it points in the console;
// a message written for the phone app (/m/...) opens there, in a new tab.
import { Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { InboxMessage } from '../../../api/types';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { usePagedList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { useInboxCount } from '../../layout/inboxCount';
import { useAction } from '../../useAction';
import { useSearchParam } from '../../useSearchParam';

const PAGE = 30;

export function InboxPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const count = useInboxCount();
  const [show, setShow] = useSearchParam('show');
  const unreadOnly = show === 'unread';
  const fetchPage = useCallback(
    (cursor?: string) => call(api.GET('/api/v1/inbox', { params: { query: { limit: PAGE, ...(unreadOnly && { unread: true }), ...(cursor && { cursor }) } } })),
    [unreadOnly],
  );
  const list = usePagedList(fetchPage, 'id');
  const { busy, run } = useAction<number | 'all'>();

  async function markRead(id: number | 'all') {
    const done = await run(() => call(id === 'all' ? api.POST('/api/v1/inbox/read-all') : api.POST('/api/v1/inbox/{id}/read', { params: { path: { id } } })), undefined, id);
    if (done) count.refresh();
    return done;
  }

  async function readOne(item: InboxMessage) {
    if (item.read || !(await markRead(item.id))) return;
    list.upsert({ ...item, read: true });
  }

  async function open(item: InboxMessage) {
    await readOne(item);
    if (!item.link) return;
    if (item.link.startsWith('/m/')) window.open(item.link, '_blank', 'noopener');
    else void navigate(item.link);
  }

  async function readAll() {
    if (await markRead('all')) list.reload();
  }

  const columns: ColumnsType<InboxMessage> = [
    {
      key: 'message',
      title: t('inbox.c.message'),
      render: (_, item) => (
        <Space orientation="vertical" size={2}>
          <Space size="small">
            {!item.read && <Tag color="red">{t('inbox.unread')}</Tag>}
            <Button type="link" className="link-cell" onClick={() => void open(item)}>
              {item.read ? item.title : <strong>{item.title}</strong>}
            </Button>
          </Space>
          <Typography.Text type="secondary">{item.body}</Typography.Text>
        </Space>
      ),
    },
    { key: 'createdAt', title: t('inbox.c.time'), width: 180, render: (_, item) => formatDateTime(item.createdAt, lang) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, item) => !item.read && <Button size="small" loading={busy === item.id} onClick={() => void readOne(item)}>{t('inbox.markRead')}</Button>,
    },
  ];

  return (
    <Card
      title={t('inbox.title')}
      extra={<Button loading={busy === 'all'} disabled={count.unread === 0} onClick={() => void readAll()}>{t('inbox.readAll')}</Button>}
    >
      <Space orientation="vertical" size="middle" className="full-width">
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          options={[{ value: 'all', label: t('inbox.all') }, { value: 'unread', label: t('inbox.unreadOnly', { n: count.unread }) }]}
          onChange={(value) => setShow(value === 'unread' ? 'unread' : null)}
        />
        <PagedTable<InboxMessage> rowKey="id" columns={columns} list={list} empty={t(unreadOnly ? 'inbox.emptyUnread' : 'inbox.empty')} />
      </Space>
    </Card>
  );
}
