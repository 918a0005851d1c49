// 消息: what happened to my registrations, sign-ups and hours, newest first. Opening a
// message marks it read and goes where it points (an activity, my hours).
import { Button } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { InboxMessage } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { usePagedList } from '../../../shared/usePagedList';
import { ErrorText } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { Paged } from '../../components/Paged';
import { formatDayTime } from '../../format';
import { useInboxCount } from '../../inboxCount';

const PAGE = 30;
/** Links are written for the phone app at /m; the router's own paths start below it. */
const routeOf = (link: string) => (link.startsWith('/m/') ? link.slice(2) : null);

export function InboxPage() {
  const { t, lang } = useI18n();
  const count = useInboxCount();
  const loadPage = useCallback((cursor?: string) => call(api.GET('/api/v1/inbox', { params: { query: { limit: PAGE, ...(cursor && { cursor }) } } })), []);
  const list = usePagedList(loadPage, 'id');
  const [read, setRead] = useState<ReadonlySet<number | 'all'>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();

  async function markRead(id: number | 'all') {
    setError(null);
    try {
      await call(id === 'all' ? api.POST('/api/v1/inbox/read-all') : api.POST('/api/v1/inbox/{id}/read', { params: { path: { id } } }));
      setRead((previous) => new Set([...previous, id]));
      count.refresh();
      return true;
    } catch (failure) {
      setError(errorMessage(failure, t));
      return false;
    }
  }

  async function open(message: InboxMessage, unread: boolean) {
    if (unread && !(await markRead(message.id))) return;
    const route = message.link && routeOf(message.link);
    if (route) void navigate(route);
  }

  const isUnread = (message: InboxMessage) => !message.read && !read.has(message.id) && !read.has('all');
  return (
    <>
      <PageHeader
        title={t('mobile.inbox.title')}
        extra={count.unread > 0 && <Button size="middle" fill="outline" onClick={() => void markRead('all')}>{t('mobile.inbox.readAll')}</Button>}
      />
      <ErrorText>{error}</ErrorText>
      <Paged list={list} empty={t('mobile.inbox.none')}>
        {(items) => (
          <ul className="m-messages">
            {items.map((message) => {
              const unread = isUnread(message);
              return (
                <li key={message.id}>
                  <button type="button" className={`m-message${unread ? ' m-unread' : ''}`} onClick={() => void open(message, unread)}>
                    <span className="m-message-head">
                      {unread && <span className="m-dot">{t('mobile.inbox.unread')}</span>}
                      <strong>{message.title}</strong>
                    </span>
                    <span className="m-message-body">{message.body}</span>
                    <span className="m-meta">{formatDayTime(message.createdAt, lang)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </Paged>
    </>
  );
}
