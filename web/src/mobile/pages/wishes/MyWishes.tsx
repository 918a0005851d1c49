// 我的心愿: the wishes I made and those I (or a team I lead) claimed, each with its state.
import { useCallback } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import type { Wish } from '../../../shared/wishes';
import { Empty, Loaded } from '../../components/Async';
import { WishCard } from './WishCard';

export function MyWishes() {
  const { t } = useI18n();
  const load = useCallback(async () => {
    const [posted, claimed] = await Promise.all([call(api.GET('/api/v1/wishes/mine')), call(api.GET('/api/v1/wishes/claimed'))]);
    return { posted: posted.items, claimed: claimed.items };
  }, []);
  const mine = useLoad(load);
  return (
    <Loaded state={mine}>
      {({ posted, claimed }) => (
        <>
          <Section title={t('wish.m.posted')} wishes={posted} empty={t('wish.m.postedNone')} />
          <Section title={t('wish.m.claimedByMe')} wishes={claimed} empty={t('wish.m.claimedNone')} />
        </>
      )}
    </Loaded>
  );
}

function Section({ title, wishes, empty }: { title: string; wishes: Wish[]; empty: string }) {
  return (
    <section aria-label={title}>
      <h2 className="m-section-title">{title}</h2>
      {wishes.length === 0 ? <Empty>{empty}</Empty> : (
        <ul className="m-list-cards">{wishes.map((wish) => <li key={wish.id}><WishCard wish={wish} /></li>)}</ul>
      )}
    </section>
  );
}
