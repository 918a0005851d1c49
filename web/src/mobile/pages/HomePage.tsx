// 首页: a greeting, a call-up alert when one is out, where the person stands as a
// volunteer, and the ways in: activities, teams, pairing, wishes and orders.
import { CalendarOutlined, GiftOutlined, HeartOutlined, IdcardOutlined, ShoppingCartOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { useMe } from '../../shared/session';
import { volunteerStatusColor } from '../labels';
import { useMyVolunteer } from '../myVolunteer';
import { CallupAlert } from './callups/CallupAlert';

function EntryCard({ icon, title, body, to, action, tag }: { icon: ReactNode; title: string; body: string; to: string; action: string; tag?: ReactNode }) {
  return (
    <Card className="m-card">
      <div className="m-card-head">
        <span className="m-card-icon" aria-hidden>{icon}</span>
        <h2>{title}</h2>
        {tag}
      </div>
      <p>{body}</p>
      <Link className="m-button-link" to={to}>{action}</Link>
    </Card>
  );
}

/** Where the person stands as a volunteer: register, under review, or their number. */
function VolunteerCard() {
  const { t } = useI18n();
  const { volunteer } = useMyVolunteer();
  if (volunteer === undefined) return null; // the other cards do not wait for it
  const card = volunteer === null
    ? <EntryCard icon={<IdcardOutlined />} title={t('mobile.home.becomeTitle')} body={t('mobile.home.becomeBody')} to="/register" action={t('mobile.home.becomeAction')} />
    : (
      <EntryCard
        icon={<IdcardOutlined />}
        title={t('mobile.home.volunteerTitle')}
        body={volunteer.status === 'active'
          ? t('mobile.home.volunteerNo', { no: volunteer.volunteerNo })
          : t(`mobile.me.${volunteer.status}Body`, { site: volunteer.site.name, reason: volunteer.rejectReason ?? '—' })}
        to="/me"
        action={t('mobile.home.volunteerAction')}
        tag={<Tag color={volunteerStatusColor[volunteer.status]} className="m-tag">{t(`mobile.status.${volunteer.status}`)}</Tag>}
      />
    );
  return <li>{card}</li>;
}

export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <>
      <h1 className="m-greeting">{t('m.greeting', { name: me.user.name })}</h1>
      <p className="m-subtitle">{t('m.subtitle')}</p>
      <ul className="m-cards">
        <CallupAlert />
        <VolunteerCard />
        <li>
          <EntryCard icon={<CalendarOutlined />} title={t('m.activities')} body={t('m.activitiesBody')} to="/activities" action={t('mobile.home.activitiesAction')} />
        </li>
        <li>
          <EntryCard icon={<TeamOutlined />} title={t('mobile.home.teamsTitle')} body={t('mobile.home.teamsBody')} to="/teams" action={t('mobile.home.teamsAction')} />
        </li>
        <li>
          <EntryCard icon={<HeartOutlined />} title={t('care.home.title')} body={t('care.home.body')} to="/care" action={t('care.home.action')} />
        </li>
        <li>
          <EntryCard icon={<GiftOutlined />} title={t('m.wishes')} body={t('m.wishesBody')} to="/wishes" action={t('wish.m.homeAction')} />
        </li>
        <li><EntryCard icon={<ShoppingCartOutlined />} title={t('m.orders')} body={t('m.ordersBody')} to="/orders" action={t('order.m.homeAction')} /></li>
      </ul>
    </>
  );
}
