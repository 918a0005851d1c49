// 阵地主页 (/m/portal/:id, short address /p/:id): the public page of a center, institute or
// station — its headline numbers, service menu, open activities, wish wall, brand projects and
// teams, and its address to share. No sign-in: ordering or signing up asks for it then.
import { Button, Tag } from 'antd-mobile';
import { useCallback, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { SiteKind } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import type { Portal } from '../../../shared/orders';
import { useLoad } from '../../../shared/useLoad';
import { asGroup } from '../../../shared/wishes';
import { Empty, Loaded } from '../../components/Async';
import { formatDayTime } from '../../format';
import './orders.css';

const siteKinds: readonly SiteKind[] = ['province', 'city', 'center', 'institute', 'station', 'point'];

export function PortalPage() {
  const id = Number(useParams().id);
  const load = useCallback(() => call(api.GET('/api/v1/portals/{id}', { params: { path: { id } } })), [id]);
  const portal = useLoad(load);
  return (
    <div className="m-register m-portal">
      <Loaded state={portal}>{(data) => <PortalView portal={data} />}</Loaded>
    </div>
  );
}

function PortalView({ portal }: { portal: Portal }) {
  const { t, lang } = useI18n();
  const kind = siteKinds.find((k) => k === portal.site.kind);
  const numbers = [
    { key: 'volunteers', label: t('order.portal.volunteers'), value: portal.numbers.volunteers },
    { key: 'organizations', label: t('order.portal.organizations'), value: portal.numbers.organizations },
    { key: 'activities', label: t('order.portal.activities'), value: portal.numbers.activities },
    { key: 'hours', label: t('order.portal.hours'), value: portal.numbers.serviceHours },
    { key: 'wishes', label: t('order.portal.wishesCollected'), value: portal.numbers.wishesCollected },
    { key: 'fulfilled', label: t('order.portal.wishesFulfilled'), value: portal.numbers.wishesFulfilled },
  ];
  return (
    <>
      <header className="m-page-head">
        <h1>{portal.site.name}</h1>
      </header>
      <p className="m-meta">
        {kind && <Tag className="m-tag" color="primary">{t(`kind.${kind}`)}</Tag>}
        {portal.site.address && <span>{portal.site.address}</span>}
      </p>
      <dl className="m-portal-numbers" aria-label={t('order.portal.numbers')}>
        {numbers.map((n) => (
          <div key={n.key}>
            <dt>{n.label}</dt>
            <dd>{n.value.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN')}</dd>
          </div>
        ))}
      </dl>

      <Section title={t('order.portal.menu')} empty={t('order.portal.menuEmpty')} items={portal.menu}>
        {(item) => (
          <div className="m-item-card">
            <h3>{item.title}</h3>
            <p className="m-meta">
              <Tag className="m-tag" color="primary" fill="outline">{categoryName(t, item.category)}</Tag>
              <span>{item.organization.name}</span>
              {item.schedule && <span>{item.schedule}</span>}
            </p>
            <Link className="m-button-link" to={`/orders/new?item=${item.id}&site=${portal.site.id}`} aria-label={t('order.m.orderThisLabel', { title: item.title })}>
              {t('order.m.orderThis')}
            </Link>
          </div>
        )}
      </Section>
      <Section title={t('order.portal.activities')} empty={t('order.portal.activitiesEmpty')} items={portal.activities}>
        {(activity) => (
          <Link to={`/activities/${activity.id}`} className="m-item-card">
            <h3>{activity.title}</h3>
            <p className="m-meta">
              <span>{formatDayTime(activity.startsAt, lang)}</span>
              <span>{t('order.portal.signedUp', { n: activity.confirmedCount, quota: activity.quota })}</span>
            </p>
          </Link>
        )}
      </Section>
      <Section title={t('order.portal.wishes')} empty={t('order.portal.wishesEmpty')} items={portal.wishes}>
        {(wish) => {
          const group = asGroup(wish.beneficiaryGroup);
          return (
            <Link to={`/wishes/${wish.id}`} className="m-item-card">
              <h3>{wish.title}</h3>
              <p className="m-meta">
                <span>{wish.beneficiaryName}</span>
                <span>{group ? t(`wish.group.${group}`) : wish.beneficiaryGroup}</span>
              </p>
            </Link>
          );
        }}
      </Section>
      <Section title={t('order.portal.projects')} empty={t('order.portal.projectsEmpty')} items={portal.projects}>
        {(project) => (
          <div className="m-item-card">
            <h3>{project.name}</h3>
            <p className="m-meta">
              {project.brand && <Tag className="m-tag" color="danger">{project.brand}</Tag>}
              <span>{categoryName(t, project.category)}</span>
            </p>
          </div>
        )}
      </Section>
      <Section title={t('order.portal.teams')} empty={t('order.portal.teamsEmpty')} items={portal.teams}>
        {(team) => (
          <Link to={`/teams/${team.id}`} className="m-item-card">
            <h3>{team.name}</h3>
            <p className="m-meta">
              <span>{categoryName(t, team.category)}</span>
              <span>{t('order.portal.members', { n: team.memberCount })}</span>
            </p>
          </Link>
        )}
      </Section>
      <Share path={portal.shareUrl} />
      <Link className="m-button-link" to="/">{t('order.portal.enter')}</Link>
    </>
  );
}

function Section<T extends { id: number }>({ title, empty, items, children }: { title: string; empty: string; items: T[]; children(item: T): ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="m-section-title">{title}</h2>
      {items.length === 0 ? <Empty>{empty}</Empty> : <ul className="m-list-cards">{items.map((item) => <li key={item.id}>{children(item)}</li>)}</ul>}
    </section>
  );
}

/** The short address, in full, to read out or copy. */
function Share({ path }: { path: string }) {
  const { t } = useI18n();
  const url = `${window.location.origin}${path}`;
  const [copied, setCopied] = useState(false);
  return (
    <section aria-label={t('order.portal.share')} className="m-notice">
      <h2 className="m-section-title">{t('order.portal.share')}</h2>
      <p className="m-mono">{url}</p>
      <Button
        size="large" color="primary" fill="outline"
        onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
      >
        {copied ? t('common.copied') : t('order.portal.copy')}
      </Button>
    </section>
  );
}
