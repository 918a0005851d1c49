// 我的活动: what I signed up for, newest first, with where each stands (seat, waiting list,
// checked in, hours confirmed) and how the leader rated my service.
import { Tag } from 'antd-mobile';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import type { MySignup } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { Empty, Loaded } from '../../components/Async';
import { formatTimeRange } from '../../format';
import { signupStatusColor } from '../../labels';

export function attendanceKey(signup: MySignup) {
  if (signup.confirmed) return 'mobile.attendance.confirmed' as const;
  if (signup.checkedOutAt) return 'mobile.attendance.checkedOut' as const;
  if (signup.checkedInAt) return 'mobile.attendance.checkedIn' as const;
  return null;
}

export function MyActivities() {
  const { t, lang } = useI18n();
  const load = useCallback(async () => {
    const [mine, ratings] = await Promise.all([call(api.GET('/api/v1/activities/mine')), call(api.GET('/api/v1/activities/mine/ratings'))]);
    return { items: mine.items, rated: new Map(ratings.items.map((row) => [row.activityId, row.score])) };
  }, []);
  const mine = useLoad(load);
  return (
    <Loaded state={mine}>
      {({ items, rated }) => items.length === 0 ? <Empty>{t('mobile.activities.mineNone')}</Empty> : (
        <ul className="m-list-cards">
          {items.map((signup) => {
            const attendance = attendanceKey(signup);
            return (
              <li key={signup.activityId}>
                <Link to={`/activities/${signup.activityId}`} className="m-item-card">
                  <h2>{signup.title}</h2>
                  <p className="m-when">{formatTimeRange(signup.startsAt, signup.endsAt, lang)}</p>
                  <p className="m-meta">
                    <Tag className="m-tag" color={signupStatusColor[signup.status]}>{t(`mobile.signup.${signup.status}`)}</Tag>
                    {attendance && <Tag className="m-tag" color="success" fill="outline">{t(attendance)}</Tag>}
                    {signup.activityStatus === 'cancelled' && <Tag className="m-tag" color="danger">{t('mobile.activity.cancelled')}</Tag>}
                    {rated.has(signup.activityId) && <Tag className="m-tag" color="warning" fill="outline">{t('evaluations.leaderRated', { n: rated.get(signup.activityId) ?? 0 })}</Tag>}
                  </p>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Loaded>
  );
}
