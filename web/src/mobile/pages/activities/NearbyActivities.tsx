// Activities open for sign-up, nearest first when the phone gives its position, else the
// soonest in my county; by kind of service.
import { Button, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Activity, MySignup, ServiceCategory } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { useMe } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import { Empty, Loaded } from '../../components/Async';
import { CategoryFilter } from '../../components/CategoryFilter';
import { distanceParts, formatTimeRange } from '../../format';
import { currentPosition, PositionError, type Position, type PositionProblem } from '../../geolocation';
import { signupStatusColor } from '../../labels';
import { browseUnder, WithMyVolunteer } from '../../myVolunteer';

type Place = { status: 'asking' } | { status: 'found'; position: Position } | { status: 'none'; problem: PositionProblem | 'skipped' };

export function NearbyActivities() {
  const me = useMe();
  return <WithMyVolunteer>{(volunteer) => <Nearby under={volunteer ? volunteer.site.regionCode.slice(0, 6) : browseUnder(null, me.grants)} />}</WithMyVolunteer>;
}

function Nearby({ under }: { under: string | undefined }) {
  const { t } = useI18n();
  const [place, setPlace] = useState<Place>({ status: 'asking' });
  const [category, setCategory] = useState<ServiceCategory | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    currentPosition({ precise: false, timeoutMs: 10_000 }).then(
      (position) => live && setPlace({ status: 'found', position }),
      (error: unknown) => live && setPlace({ status: 'none', problem: error instanceof PositionError ? error.problem : 'unavailable' }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const position = place.status === 'found' ? place.position : null;
  const asking = place.status === 'asking';
  const load = useCallback(async () => {
    if (asking) return null;
    const query = { limit: 30, ...(category && { category }), ...(position ? position : under ? { under } : {}) };
    const [found, mine] = await Promise.all([
      call(api.GET('/api/v1/activities/browse', { params: { query } })),
      call(api.GET('/api/v1/activities/mine')),
    ]);
    return { items: found.items, mine: new Map(mine.items.map((signup) => [signup.activityId, signup])) };
  }, [asking, category, position, under]);
  const list = useLoad(load);

  return (
    <>
      {asking ? (
        <div className="m-notice" role="status">
          <p>{t('mobile.activities.locating')}</p>
          <Button size="large" fill="outline" onClick={() => setPlace({ status: 'none', problem: 'skipped' })}>{t('mobile.activities.skipLocation')}</Button>
        </div>
      ) : position ? (
        <p className="m-hint">{t('mobile.activities.nearest')}</p>
      ) : (
        <div className="m-notice">
          <p>{t(place.status === 'none' && place.problem === 'denied' ? 'mobile.geo.deniedSoonest' : 'mobile.activities.soonest')}</p>
          <Button size="large" fill="outline" onClick={() => { setPlace({ status: 'asking' }); setAttempt((n) => n + 1); }}>
            {t('mobile.activities.locate')}
          </Button>
        </div>
      )}
      <CategoryFilter value={category} onChange={setCategory} />
      {!asking && (
        <Loaded state={list}>
          {(data) => data && (data.items.length === 0 ? <Empty>{t('mobile.activities.none')}</Empty> : (
            <ul className="m-list-cards">
              {data.items.map((activity) => <li key={activity.id}><ActivityCard activity={activity} signup={data.mine.get(activity.id)} /></li>)}
            </ul>
          ))}
        </Loaded>
      )}
    </>
  );
}

function ActivityCard({ activity, signup }: { activity: Activity; signup: MySignup | undefined }) {
  const { t, lang } = useI18n();
  const left = Math.max(0, activity.quota - activity.confirmedCount);
  const distance = activity.distanceKm === undefined || activity.distanceKm === null ? null : distanceParts(activity.distanceKm);
  return (
    <Link to={`/activities/${activity.id}`} className="m-item-card">
      <h2>{activity.title}</h2>
      <p className="m-when">{formatTimeRange(activity.startsAt, activity.endsAt, lang)}</p>
      <p className="m-meta">
        {distance && <strong>{t(distance.unit === 'm' ? 'mobile.activity.distanceM' : 'mobile.activity.distanceKm', { n: distance.value })}</strong>}
        <span>{activity.address ?? activity.site.name}</span>
      </p>
      <p className="m-meta">
        <Tag className="m-tag" color="primary" fill="outline">{categoryName(t, activity.category)}</Tag>
        <span>{left > 0 ? t('mobile.activity.seatsLeft', { n: left }) : t('mobile.activity.full')}</span>
        {signup && <Tag className="m-tag" color={signupStatusColor[signup.status]}>{t(`mobile.signup.${signup.status}`)}</Tag>}
      </p>
    </Link>
  );
}
