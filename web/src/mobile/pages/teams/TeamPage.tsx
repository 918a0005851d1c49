// One team: what it does, where, who to contact; ask to join (the leader approves), take
// the request back, or leave. Its leader also sees the join requests and the members.
import { Button, Dialog, Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Organization } from '../../../api/types';
import { ApiFailure, call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { useLoad } from '../../../shared/useLoad';
import { DoneText, ErrorText, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { membershipLabel } from '../../labels';
import { useMyVolunteer, WithMyVolunteer } from '../../myVolunteer';
import { useAction } from '../../useAction';
import { TeamMembers } from './TeamMembers';

/** Any approved team, by its id: GET /organizations/{id} answers anyone signed in, so a deep link works. */
async function fetchTeam(id: number, notFound: string): Promise<Organization> {
  try {
    return await call(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } }));
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 404) throw new ApiFailure(404, { code: 'NOT_FOUND', message: notFound });
    throw error;
  }
}

export function TeamPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('mobile.team.title')} back="/teams" />
      <WithMyVolunteer>{() => <LoadTeam />}</WithMyVolunteer>
    </>
  );
}

/**
 * The team passed by the list it was opened from (no second request), else fetched. The
 * list names no leader, so a team I am a member of (a leader always is) is fetched to learn
 * whether I lead it; decided once, on opening, so joining or leaving does not reload it.
 */
function LoadTeam() {
  const { t } = useI18n();
  const notFound = t('mobile.team.gone');
  const id = Number(useParams().id);
  const passed = (useLocation().state as { team?: Organization } | null)?.team;
  const { volunteer } = useMyVolunteer();
  const [member] = useState(() => volunteer?.organizations.some((team) => team.id === id && team.status === 'active') ?? false);
  const load = useCallback(async () => (passed?.id === id && !member ? passed : fetchTeam(id, notFound)), [id, passed, member, notFound]);
  const state = useLoad(load);
  const { setData } = state;
  // After the leader lets someone in, the member count shown is read again; the lists
  // below already say what happened, so a failure here is left unsaid.
  const refresh = useCallback(() => void fetchTeam(id, notFound).then(setData, () => undefined), [id, notFound, setData]);
  return <Loaded state={state}>{(team) => <TeamDetail team={team} onChanged={refresh} />}</Loaded>;
}

function TeamDetail({ team, onChanged }: { team: Organization; onChanged(): void }) {
  const { t } = useI18n();
  const { volunteer, reload } = useMyVolunteer();
  const status = volunteer?.organizations.find((item) => item.id === team.id)?.status;
  const leads = volunteer != null && team.leader?.volunteerId === volunteer.id;
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);

  async function join() {
    setDone(null);
    const result = await action.run((headers) => call(api.POST('/api/v1/organizations/{id}/join', { params: { path: { id: team.id } }, headers })));
    if (result) {
      setDone(t('mobile.team.joinSent'));
      reload();
    }
  }

  async function leave(pending: boolean) {
    const confirmed = await Dialog.confirm({
      content: t(pending ? 'mobile.team.withdrawConfirm' : 'mobile.team.leaveConfirm', { name: team.name }),
      confirmText: t(pending ? 'mobile.team.withdraw' : 'mobile.team.leave'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    setDone(null);
    const result = await action.run(() => call(api.POST('/api/v1/organizations/{id}/leave', { params: { path: { id: team.id } } })));
    if (result) {
      setDone(t(pending ? 'mobile.team.withdrawn' : 'mobile.team.leftDone'));
      reload();
    }
  }

  const membership = status ? membershipLabel(t, status) : null;
  return (
    <article className="m-detail">
      <h2 className="m-detail-title">{team.name}</h2>
      <p className="m-meta">
        <Tag className="m-tag" color="primary" fill="outline">{categoryName(t, team.category, team.customCategory)}</Tag>
        {membership && <Tag className="m-tag" color={membership.color}>{membership.text}</Tag>}
      </p>
      <dl className="m-facts">
        <dt>{t('mobile.team.site')}</dt>
        <dd>{team.site.name}</dd>
        <dt>{t('mobile.team.memberCount')}</dt>
        <dd>{t('mobile.teams.members', { n: team.memberCount })}</dd>
        {team.leader && (<><dt>{t('mobile.team.leader')}</dt><dd>{team.leader.name}</dd></>)}
        {team.contactName && (<><dt>{t('mobile.team.contact')}</dt><dd>{team.contactName} {team.contactPhoneMasked ?? ''}</dd></>)}
        {team.sponsorName && (<><dt>{t('mobile.team.sponsor')}</dt><dd>{team.sponsorName}</dd></>)}
      </dl>
      {team.description && <p className="m-description">{team.description}</p>}

      <DoneText>{done}</DoneText>
      <ErrorText>{action.error}</ErrorText>
      <div className="m-actions">
        {volunteer === null && (
          <>
            <p className="m-notice">{t('mobile.team.registerFirst')}</p>
            <Link className="m-button-link" to="/register">{t('mobile.home.becomeAction')}</Link>
          </>
        )}
        {volunteer && (status === 'active' || status === 'pending') && (
          <Button block size="large" color="danger" fill="outline" loading={action.busy} onClick={() => void leave(status === 'pending')}>
            {t(status === 'pending' ? 'mobile.team.withdraw' : 'mobile.team.leave')}
          </Button>
        )}
        {volunteer && status !== 'active' && status !== 'pending' && (
          <Button block size="large" color="primary" loading={action.busy} onClick={() => void join()}>{t('mobile.team.join')}</Button>
        )}
      </div>
      {leads && <TeamMembers team={team} onChanged={onChanged} />}
    </article>
  );
}
