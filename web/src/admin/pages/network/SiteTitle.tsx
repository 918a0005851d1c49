import {
  BankOutlined, BookOutlined, FlagOutlined, HomeOutlined, PushpinOutlined, ReadOutlined, ShopOutlined, SunOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { PointType, SiteCounts, SiteNode } from '../../../api/types';
import { siteKinds } from '../../../shared/domain';
import { useI18n, type Translate } from '../../../shared/i18n';

const pointIcons: Record<PointType, ComponentType<{ 'aria-label'?: string; className?: string }>> = {
  family_workshop: HomeOutlined,
  square: FlagOutlined,
  library: BookOutlined,
  culture_hall: BankOutlined,
  school: ReadOutlined,
  enterprise: ShopOutlined,
  park: SunOutlined,
  other: PushpinOutlined,
};

/** A point's type (the API's enum); a point without one reads as "other". */
export function PointIcon({ type }: { type: PointType | null }) {
  const { t } = useI18n();
  const pointType = type ?? 'other';
  const Icon = pointIcons[pointType];
  return <Icon aria-label={t(`point.${pointType}`)} className="point-icon" />;
}

/** “7 中心 · 95 所 · 1,226 站”: the non-zero kinds below a site. */
export function countSummary(counts: SiteCounts, t: Translate): string {
  return siteKinds.filter((kind) => counts[kind] > 0).map((kind) => t(`count.${kind}`, { n: counts[kind] })).join(' · ');
}

export function SiteTitle({ site }: { site: SiteNode }) {
  const { t } = useI18n();
  const summary = countSummary(site.counts, t);
  return (
    <span>
      {site.kind === 'point' && <PointIcon type={site.pointType} />}
      <span className="site-name">{site.name}</span>
      {summary && <span className="site-counts"> · {summary}</span>}
    </span>
  );
}
