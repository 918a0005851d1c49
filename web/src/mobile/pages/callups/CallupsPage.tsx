// 应急动员: the call-ups that ask for me now, newest first, with my answer so far.
import { Tag } from 'antd-mobile';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import type { MyCallup } from '../../../api/careTypes';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { Empty, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatDayTime } from '../../format';
import '../care/care.css';

export const loadMyCallups = () => call(api.GET('/api/v1/callups/mine'));

/** My answer as a tag: waiting for it, coming (at a post or standing by), or not coming. */
export function AnswerTag({ callup }: { callup: MyCallup }) {
  const { t } = useI18n();
  if (callup.myAnswer === 'accepted') return <Tag className="m-tag" color="success">{t('callup.answer.accepted')}</Tag>;
  if (callup.myAnswer === 'declined') return <Tag className="m-tag">{t('callup.answer.declined')}</Tag>;
  return <Tag className="m-tag" color="danger">{t('callup.answer.waiting')}</Tag>;
}

export function CallupsPage() {
  const { t, lang } = useI18n();
  const state = useLoad(loadMyCallups);
  return (
    <>
      <PageHeader title={t('callup.mine.title')} back="/me" />
      <Loaded state={state}>
        {({ items }) => items.length === 0 ? <Empty>{t('callup.mine.none')}</Empty> : (
          <ul className="m-list-cards">
            {items.map((callup) => (
              <li key={callup.id}>
                <Link to={`/callups/${callup.id}`} className={callup.myAnswer ? 'm-item-card' : 'm-alert-card'}>
                  <p className="m-meta"><AnswerTag callup={callup} /></p>
                  <h2>{callup.title}</h2>
                  <p className="m-meta">{formatDayTime(callup.createdAt, lang)}</p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </>
  );
}
