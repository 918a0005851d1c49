// 我带的活动: the activities of the teams I lead, latest first; each opens the leader's page
// (check-in QR code, roster, confirming the hours, ratings).
import { Tag } from 'antd-mobile';
import { Link } from 'react-router-dom';
import type { Activity } from '../../../api/types';
import { useI18n } from '../../../shared/i18n';
import { Empty } from '../../components/Async';
import { formatTimeRange } from '../../format';
import { useNow } from '../../useNow';

export function LeaderActivities({ items }: { items: Activity[] }) {
  const { t, lang } = useI18n();
  const now = useNow();
  if (items.length === 0) return <Empty>{t('lead.none')}</Empty>;
  return (
    <ul className="m-list-cards">
      {items.map((activity) => (
        <li key={activity.id}>
          <Link to={`/activities/${activity.id}/lead`} className="m-item-card">
            <h2>{activity.title}</h2>
            <p className="m-when">{formatTimeRange(activity.startsAt, activity.endsAt, lang)}</p>
            <p className="m-meta">
              <Tag className="m-tag" fill="outline">{activity.organization.name}</Tag>
              <Tag className="m-tag" color="primary" fill="outline">{t('activities.confirmedOfQuota', { confirmed: activity.confirmedCount, quota: activity.quota })}</Tag>
              {activity.status === 'cancelled' && <Tag className="m-tag" color="danger">{t('mobile.activity.cancelled')}</Tag>}
              {activity.status !== 'cancelled' && Date.parse(activity.endsAt) < now && <Tag className="m-tag">{t('mobile.activity.finished')}</Tag>}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
