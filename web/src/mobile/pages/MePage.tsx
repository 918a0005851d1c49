// 我的: who I am as a volunteer (number, masked ID and phone, review status, teams), my
// hours and stars, links to my records, certificates and activities; roles, my data
// (download, close the account), language, signing out.
import { Button, List, Tag } from 'antd-mobile';
import { useCallback } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { MyVolunteer } from '../../api/types';
import { roles } from '../../shared/domain';
import { call } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { availabilityName, categoryName } from '../../shared/labels';
import { useMe, useSession } from '../../shared/session';
import { useLoad } from '../../shared/useLoad';
import { DoneText, Loaded, LoadFailed } from '../components/Async';
import { membershipLabel, volunteerStatusColor } from '../labels';
import { LanguagePicker } from '../LanguagePicker';
import { useMyVolunteer } from '../myVolunteer';
import { CareLinks } from './care/CareLinks';
import { HoursSummary } from './hours/HoursSummary';
import { CorrectProfileItem } from './me/CorrectProfile';

export function MePage() {
  const { t } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { volunteer, error, reload } = useMyVolunteer();
  const registered = (useLocation().state as { registered?: boolean } | null)?.registered;
  // Highest role first, as people introduce themselves.
  const grants = [...me.grants].sort((a, b) => roles.indexOf(b.role) - roles.indexOf(a.role));

  return (
    <>
      <section className="m-profile">
        <h1>{me.user.name}</h1>
        <p>{me.user.phoneMasked}</p>
      </section>
      {registered && <DoneText>{t('mobile.me.registered')}</DoneText>}
      {error !== undefined && <LoadFailed error={error} onRetry={reload} />}
      {volunteer === null && (
        <section className="m-callout">
          <h2>{t('mobile.home.becomeTitle')}</h2>
          <p>{t('mobile.home.becomeBody')}</p>
          <Link className="m-button-link" to="/register">{t('mobile.home.becomeAction')}</Link>
        </section>
      )}
      {volunteer && <VolunteerProfile volunteer={volunteer} />}
      {volunteer?.status === 'active' && <CareLinks />}
      <List header={t('m.myRoles')}>
        {grants.length === 0 && <List.Item>{t('m.noRoles')}</List.Item>}
        {grants.map((grant) => (
          <List.Item key={grant.id} description={grant.site.name}>{t(`role.${grant.role}`)}</List.Item>
        ))}
      </List>
      <List header={t('privacy.header')}>
        <List.Item arrowIcon onClick={() => void navigate('/privacy')}>{t('privacy.link')}</List.Item>
      </List>
      <List header={t('lang.label')}>
        <List.Item>
          <LanguagePicker />
        </List.Item>
      </List>
      <div className="m-actions">
        <Button block size="large" color="danger" fill="outline" onClick={() => void signOut()}>{t('layout.logout')}</Button>
      </div>
    </>
  );
}

function VolunteerProfile({ volunteer }: { volunteer: MyVolunteer }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const active = volunteer.status === 'active';
  const loadHours = useCallback(() => call(api.GET('/api/v1/hours/mine', { params: { query: { limit: 1 } } })), []);
  const hours = useLoad(loadHours);

  return (
    <>
      <section className={`m-status m-status-${volunteer.status}`} aria-label={t('mobile.me.statusLabel')}>
        <div className="m-status-head">
          <span>{t('mobile.me.volunteerStatus')}</span>
          <Tag color={volunteerStatusColor[volunteer.status]} className="m-tag">{t(`mobile.status.${volunteer.status}`)}</Tag>
        </div>
        <p>
          {volunteer.status === 'rejected'
            ? t('mobile.me.rejectedBody', { reason: volunteer.rejectReason ?? '—', site: volunteer.site.name })
            : t(`mobile.me.${volunteer.status}Body`, { site: volunteer.site.name })}
        </p>
      </section>

      {active && (
        <Loaded state={hours}>
          {(data) => (
            <Link to="/hours" className="m-card-link">
              <HoursSummary hours={data} />
            </Link>
          )}
        </Loaded>
      )}

      <List header={t('mobile.me.records')}>
        <List.Item arrowIcon onClick={() => void navigate('/hours')}>{t('mobile.me.hoursLink')}</List.Item>
        <List.Item arrowIcon onClick={() => void navigate('/certificates')}>{t('mobile.me.certificatesLink')}</List.Item>
        <List.Item arrowIcon onClick={() => void navigate('/activities?view=mine')}>{t('mobile.activities.mine')}</List.Item>
      </List>

      <List header={t('mobile.me.teams')}>
        {volunteer.organizations.length === 0 && (
          <List.Item arrowIcon onClick={() => void navigate('/teams')} description={t('mobile.me.noTeamsHint')}>{t('mobile.me.noTeams')}</List.Item>
        )}
        {volunteer.organizations.map((team) => {
          const membership = membershipLabel(t, team.status);
          return (
            <List.Item
              key={team.id}
              arrowIcon
              onClick={() => void navigate(`/teams/${team.id}`)}
              description={categoryName(t, team.category)}
              extra={<Tag color={membership.color} className="m-tag">{membership.text}</Tag>}
            >
              {team.name}
            </List.Item>
          );
        })}
      </List>

      <List header={t('mobile.me.profile')}>
        <List.Item extra={<span className="m-mono">{volunteer.volunteerNo}</span>}>{t('mobile.me.volunteerNo')}</List.Item>
        <List.Item description={<span className="m-mono">{volunteer.idMasked}</span>}>{t('mobile.register.idNumber')}</List.Item>
        <List.Item extra={<span className="m-mono">{volunteer.phoneMasked}</span>}>{t('login.phone')}</List.Item>
        <List.Item description={volunteer.site.name}>{t('mobile.me.site')}</List.Item>
        <List.Item description={volunteer.categories.map((c) => categoryName(t, c)).join('、') || t('common.notSet')}>{t('mobile.me.categories')}</List.Item>
        <List.Item description={volunteer.skills.join('、') || t('common.notSet')}>{t('mobile.me.skills')}</List.Item>
        <List.Item description={volunteer.availability.map((a) => availabilityName(t, a)).join('、') || t('common.notSet')}>{t('mobile.me.availability')}</List.Item>
        {volunteer.partyMember && <List.Item>{t('mobile.me.partyMember')}</List.Item>}
        {volunteer.emergencyReserve && <List.Item>{t('mobile.me.emergencyReserve')}</List.Item>}
        {volunteer.guardian && (
          <List.Item description={`${volunteer.guardian.name} ${volunteer.guardian.phoneMasked}`}>{t('mobile.me.guardian')}</List.Item>
        )}
        <CorrectProfileItem volunteer={volunteer} />
      </List>
    </>
  );
}
