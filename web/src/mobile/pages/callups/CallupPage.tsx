// One call-up: what is asked, the posts and their places left; accept (at the post I
// choose, or wherever there is room) or decline, once; then where I am to go, and a way
// out for whoever accepted and can no longer come (the place goes to someone else).
import { Button, Dialog, Radio, Space } from 'antd-mobile';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { MyCallup } from '../../../api/careTypes';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { DoneText, ErrorText, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatDayTime } from '../../format';
import { useAction } from '../../useAction';
import { AnswerTag, loadMyCallups } from './CallupsPage';

const ANY = 0;

export function CallupPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const state = useLoad(loadMyCallups);
  return (
    <>
      <PageHeader title={t('callup.detail.title')} back="/callups" />
      <Loaded state={state}>
        {({ items }) => {
          const callup = items.find((item) => item.id === id);
          if (!callup) {
            return (
              <>
                <p className="m-notice">{t('callup.detail.gone')}</p>
                <Link className="m-button-link" to="/callups">{t('callup.mine.title')}</Link>
              </>
            );
          }
          return <CallupDetail callup={callup} onAnswered={state.reload} />;
        }}
      </Loaded>
    </>
  );
}

function CallupDetail({ callup, onAnswered }: { callup: MyCallup; onAnswered(): void }) {
  const { t, lang } = useI18n();
  const [postId, setPostId] = useState<number>(ANY);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const myPost = callup.posts.find((post) => post.id === callup.myPostId);

  async function answer(decision: 'accept' | 'decline') {
    if (decision === 'decline') {
      const sure = await Dialog.confirm({ content: t('callup.detail.declineConfirm'), confirmText: t('callup.detail.decline'), cancelText: t('common.back') });
      if (!sure) return;
    }
    const body = { decision, ...(decision === 'accept' && postId !== ANY && { postId }) };
    const result = await action.run((headers) => call(api.POST('/api/v1/callups/{id}/respond', { params: { path: { id: callup.id } }, body, headers })));
    if (!result) return;
    setDone(t(result.status === 'declined' ? 'callup.detail.declinedDone' : result.postId === null ? 'callup.detail.standbyDone' : 'callup.detail.acceptedDone'));
    onAnswered();
  }

  async function withdraw() {
    const sure = await Dialog.confirm({ content: t('callup.detail.withdrawConfirm'), confirmText: t('callup.detail.withdraw'), cancelText: t('common.back') });
    if (!sure) return;
    const result = await action.run((headers) => call(api.POST('/api/v1/callups/{id}/withdraw', { params: { path: { id: callup.id } }, headers })));
    if (!result) return;
    setDone(t('callup.detail.withdrawnDone'));
    onAnswered();
  }

  return (
    <article className="m-detail">
      <p className="m-meta"><AnswerTag callup={callup} /><span>{formatDayTime(callup.createdAt, lang)}</span></p>
      <h2 className="m-detail-title">{callup.title}</h2>
      {callup.description && <p className="m-description">{callup.description}</p>}
      <DoneText>{done}</DoneText>
      {callup.myAnswer === 'accepted' && (
        <section className="m-item-card m-post-card m-post-mine" aria-label={t('callup.detail.myPost')}>
          <h3>{t('callup.detail.myPost')}</h3>
          {myPost ? (
            <>
              <p className="m-state">{myPost.name}</p>
              {myPost.address && <p className="m-meta">{t('callup.detail.address', { address: myPost.address })}</p>}
            </>
          ) : <p className="m-hint">{t('callup.detail.standby')}</p>}
          {callup.status !== 'stood_down' && (
            <>
              <ErrorText>{action.error}</ErrorText>
              <Button block color="default" loading={action.busy} onClick={() => void withdraw()}>{t('callup.detail.withdraw')}</Button>
            </>
          )}
        </section>
      )}
      {callup.myAnswer === 'declined' && <p className="m-hint">{t('callup.detail.declinedBody')}</p>}
      {callup.myAnswer === null && (
        <section className="m-signup" aria-label={t('callup.detail.answer')}>
          <h3 className="m-section-title">{t('callup.detail.choosePost')}</h3>
          <Radio.Group value={postId} onChange={(value) => setPostId(Number(value))}>
            <Space direction="vertical" className="m-choices">
              <Radio value={ANY}>{t('callup.detail.anyPost')}</Radio>
              {callup.posts.map((post) => {
                const left = Math.max(0, post.capacity - post.assigned);
                return (
                  <Radio key={post.id} value={post.id} disabled={left === 0}>
                    {post.name}（{left > 0 ? t('callup.detail.left', { n: left }) : t('callup.detail.full')}）
                  </Radio>
                );
              })}
            </Space>
          </Radio.Group>
          <ErrorText>{action.error}</ErrorText>
          <Button block size="large" color="primary" loading={action.busy} onClick={() => void answer('accept')}>{t('callup.detail.accept')}</Button>
          <Button block size="large" color="default" disabled={action.busy} onClick={() => void answer('decline')}>{t('callup.detail.decline')}</Button>
        </section>
      )}
      {callup.myAnswer === null || (
        <ul className="m-list-cards" aria-label={t('callup.detail.posts')}>
          {callup.posts.map((post) => (
            <li key={post.id} className={`m-item-card m-post-card${post.id === callup.myPostId ? ' m-post-mine' : ''}`}>
              <h3>{post.name}</h3>
              <p className="m-meta">
                {post.address && <span>{post.address}</span>}
                <span>{t('callup.detail.filled', { n: post.assigned, capacity: post.capacity })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
