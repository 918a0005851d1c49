// The service menu of my area: what my station, institute and center offer, each item with
// its team, where, when and how many places are taken, and a big button to order it (已满
// instead when every place is taken; retired items are not shown). The area is my home;
// another can be chosen (ordering for a parent in another village).
import { Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import type { ServiceCategory } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import type { MenuItem } from '../../../shared/orders';
import { useMe } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import { Empty, Loaded } from '../../components/Async';
import { CategoryFilter } from '../../components/CategoryFilter';
import { WithMyVolunteer } from '../../myVolunteer';
import { HomeSitePicker, type ChosenSite } from '../register/HomeSitePicker';
import { homeSiteOf } from './homeSite';

export function MenuTab() {
  const me = useMe();
  return <WithMyVolunteer>{(volunteer) => <Menu home={homeSiteOf(volunteer, me)} />}</WithMyVolunteer>;
}

function Menu({ home }: { home: ChosenSite | undefined }) {
  const { t } = useI18n();
  const [site, setSite] = useState<ChosenSite | undefined>(home);
  const [category, setCategory] = useState<ServiceCategory | undefined>();
  return (
    <>
      <p className="m-label">{t('order.m.area')}</p>
      <HomeSitePicker value={site ?? null} onChange={setSite} />
      {site ? (
        <>
          <Link className="m-text-link" to={`/portal/${site.site.id}`}>{t('order.m.portalLink', { site: site.site.name })}</Link>
          <CategoryFilter value={category} onChange={setCategory} />
          <MenuItems siteId={site.site.id} category={category} />
        </>
      ) : (
        <Empty>{t('order.m.pickArea')}</Empty>
      )}
    </>
  );
}

function MenuItems({ siteId, category }: { siteId: number; category: ServiceCategory | undefined }) {
  const { t } = useI18n();
  const load = useCallback(
    // The public menu holds approved items only; retired ones are filtered here too, should a stale answer hold one.
    async () => (await call(api.GET('/api/v1/menu', { params: { query: { siteId, ...(category && { category }) } } }))).items.filter((item) => item.status !== 'retired'),
    [siteId, category],
  );
  const menu = useLoad(load);
  return (
    <Loaded state={menu}>
      {(items) => items.length === 0 ? <Empty>{t('order.m.menuEmpty')}</Empty> : (
        <ul className="m-list-cards" aria-label={t('order.m.menuTab')}>
          {items.map((item) => <li key={item.id}><MenuCard item={item} siteId={siteId} /></li>)}
        </ul>
      )}
    </Loaded>
  );
}

/** One item of the menu: what, who, where, when, how many; with `siteId`, a button to order it for that area. */
export function MenuCard({ item, siteId }: { item: MenuItem; siteId?: number }) {
  const { t } = useI18n();
  const full = item.capacity !== null && item.used >= item.capacity;
  return (
    <article className="m-item-card" aria-label={item.title}>
      <h2>{item.title}</h2>
      <p className="m-meta">
        <Tag className="m-tag" color="primary" fill="outline">{categoryName(t, item.category)}</Tag>
        {full && <Tag className="m-tag" color="danger">{t('order.m.full')}</Tag>}
        <span>{t('order.m.offeredBy', { site: item.site.name })}</span>
      </p>
      <dl className="m-facts">
        <dt>{t('order.m.itemTeam')}</dt>
        <dd>{item.organization.name}</dd>
        {item.place && (<><dt>{t('order.m.itemPlace')}</dt><dd>{item.place}</dd></>)}
        {item.schedule && (<><dt>{t('order.m.itemSchedule')}</dt><dd>{item.schedule}</dd></>)}
        {item.capacity !== null && (<><dt>{t('order.m.itemCapacity')}</dt><dd>{t('order.m.placesLeft', { used: item.used, total: item.capacity })}</dd></>)}
      </dl>
      {item.description && <p className="m-description">{item.description}</p>}
      {full && <p className="m-hint">{t('order.m.fullHint')}</p>}
      {siteId !== undefined && !full && (
        <Link className="m-button-link" to={`/orders/new?item=${item.id}&site=${siteId}`} aria-label={t('order.m.orderThisLabel', { title: item.title })}>
          {t('order.m.orderThis')}
        </Link>
      )}
    </article>
  );
}
