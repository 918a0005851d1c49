// One wish as a card in a list (the wall, 我的心愿): what is wished, for whom (masked on the
// wall), its kind and where it stands; the whole card opens the wish.
import { Tag } from 'antd-mobile';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import type { Wish, WishStatus } from '../../../shared/wishes';
import { WishLabels } from './labels';

type TagColor = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export const wishStatusColor: Record<WishStatus, TagColor> = {
  submitted: 'warning', rejected: 'danger', merged: 'default', published: 'primary', claimed: 'warning', fulfilled: 'success', confirmed: 'success', withdrawn: 'default',
};

export function WishStatusTag({ status }: { status: WishStatus }) {
  const { t } = useI18n();
  return <Tag className="m-tag" color={wishStatusColor[status]}>{t(`wish.status.${status}`)}</Tag>;
}

export function WishCard({ wish }: { wish: Wish }) {
  const { t } = useI18n();
  return (
    <Link to={`/wishes/${wish.id}`} className="m-item-card">
      <h2>{wish.title}</h2>
      <p className="m-meta">
        <span>{t('wish.m.beneficiary')}：{wish.beneficiaryName}</span>
        <span>{wish.site.name}</span>
      </p>
      <p className="m-meta">
        <WishLabels wish={wish} />
        <WishStatusTag status={wish.status} />
        {wish.estimatedValueYuan !== null && <span>{t('wish.valueYuan', { n: wish.estimatedValueYuan })}</span>}
      </p>
    </Link>
  );
}
