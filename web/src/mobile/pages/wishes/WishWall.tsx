// 心愿墙: the approved wishes of my county waiting for a volunteer (and those under way),
// newest first, by kind, in pages; the beneficiary's name is masked by the server.
import { Selector } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { usePagedList } from '../../../shared/usePagedList';
import { wallArea, wishCategories, type WishCategory } from '../../../shared/wishes';
import { Empty } from '../../components/Async';
import { Paged } from '../../components/Paged';
import { WithMyVolunteer } from '../../myVolunteer';
import { WishCard } from './WishCard';

const PAGE = 20;

export function WishWall() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <WithMyVolunteer>
      {(volunteer) => {
        const under = wallArea(volunteer?.site.regionCode, me.grants);
        return under ? <Wall under={under} /> : <Empty>{t('wish.m.noArea')}</Empty>;
      }}
    </WithMyVolunteer>
  );
}

function Wall({ under }: { under: string }) {
  const { t } = useI18n();
  const [category, setCategory] = useState<WishCategory | undefined>();
  const loadPage = useCallback(
    (cursor?: string) => call(api.GET('/api/v1/wishes/wall', { params: { query: { under, limit: PAGE, ...(cursor && { cursor }), ...(category && { category }) } } })),
    [under, category],
  );
  const list = usePagedList(loadPage, 'id');
  return (
    <>
      <p className="m-hint">{t('wish.m.wallHint')}</p>
      <div role="group" aria-label={t('wish.m.filterCategory')}>
        <Selector<WishCategory | 'all'>
          className="m-filter"
          showCheckMark={false}
          value={[category ?? 'all']}
          onChange={([next]) => setCategory(next === 'all' || next === undefined ? undefined : next)}
          options={[{ value: 'all', label: t('wish.m.all') }, ...wishCategories.map((value) => ({ value, label: t(`wish.category.${value}`) }))]}
        />
      </div>
      <Paged list={list} empty={t('wish.m.wallEmpty')}>
        {(items) => <ul className="m-list-cards">{items.map((wish) => <li key={wish.id}><WishCard wish={wish} /></li>)}</ul>}
      </Paged>
    </>
  );
}
