// The team leader's part of a team page: the join requests waiting for them (同意 / 不同意)
// and the team's members. The API lets a leader, not only staff, decide on their own team,
// and the console admits staff only, so this is where a leader does it.
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { useCallback, type ReactNode } from 'react';
import { api } from '../../../api/client';
import type { Member, Organization } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { usePagedList, type PagedList } from '../../../shared/usePagedList';
import { ErrorText } from '../../components/Async';
import { Paged } from '../../components/Paged';
import { formatDayTime } from '../../format';
import { useAction } from '../../useAction';

const PAGE = 50;

function useMembers(teamId: number, status: 'pending' | 'active') {
  const loadPage = useCallback(
    (cursor?: string) => call(api.GET('/api/v1/organizations/{id}/members', {
      params: { path: { id: teamId }, query: { status, limit: PAGE, ...(cursor && { cursor }) } },
    })),
    [teamId, status],
  );
  return usePagedList(loadPage, 'volunteerId');
}

/** `onChanged` after a decision went through (the team's member count changed). */
export function TeamMembers({ team, onChanged }: { team: Organization; onChanged(): void }) {
  const { t, lang } = useI18n();
  const requests = useMembers(team.id, 'pending');
  const members = useMembers(team.id, 'active');
  const action = useAction();

  async function decide(member: Member, decision: 'approve' | 'decline') {
    if (decision === 'decline') {
      const confirmed = await Dialog.confirm({
        content: t('mobile.teamLead.declineConfirm', { name: member.name }),
        confirmText: t('mobile.teamLead.decline'),
        cancelText: t('common.cancel'),
      });
      if (!confirmed) return;
    }
    const result = await action.run(() => call(api.POST('/api/v1/organizations/{id}/members/{volunteerId}', {
      params: { path: { id: team.id, volunteerId: member.volunteerId } }, body: { decision },
    })));
    // Both lists reload even after a refusal: most often someone else (station staff) decided first.
    requests.reload();
    members.reload();
    if (!result) return;
    Toast.show({ icon: 'success', content: t(decision === 'approve' ? 'mobile.teamLead.approved' : 'mobile.teamLead.declined', { name: member.name }) });
    onChanged();
  }

  const memberList = (list: PagedList<Member>, empty: string, actions?: (member: Member) => ReactNode) => (
    <Paged list={list} empty={empty}>
      {(items) => (
        <ul className="m-list-cards">
          {items.map((member) => (
            <li key={member.volunteerId} className="m-item-card">
              <h3>{member.name}</h3>
              <p className="m-meta">
                <span>{member.phoneMasked}</span>
                {member.volunteerId === team.leader?.volunteerId && <Tag className="m-tag" color="primary">{t('mobile.team.leader')}</Tag>}
                {actions && <span>{t('mobile.teamLead.askedAt', { time: formatDayTime(member.requestedAt, lang) })}</span>}
              </p>
              {actions?.(member)}
            </li>
          ))}
        </ul>
      )}
    </Paged>
  );

  return (
    <>
      <section aria-labelledby="team-requests">
        <h3 className="m-section-title" id="team-requests">{t('mobile.teamLead.requests')}</h3>
        <ErrorText>{action.error}</ErrorText>
        {memberList(requests, t('mobile.teamLead.noRequests'), (member) => (
          <div className="m-row-actions">
            <Button color="primary" loading={action.busy} onClick={() => void decide(member, 'approve')}
              aria-label={t('mobile.teamLead.approveLabel', { name: member.name })}>
              {t('mobile.teamLead.approve')}
            </Button>
            <Button color="danger" fill="outline" loading={action.busy} onClick={() => void decide(member, 'decline')}
              aria-label={t('mobile.teamLead.declineLabel', { name: member.name })}>
              {t('mobile.teamLead.decline')}
            </Button>
          </div>
        ))}
      </section>
      <section aria-labelledby="team-members">
        <h3 className="m-section-title" id="team-members">{t('mobile.teamLead.members')}</h3>
        {memberList(members, t('mobile.teamLead.noMembers'))}
      </section>
    </>
  );
}
