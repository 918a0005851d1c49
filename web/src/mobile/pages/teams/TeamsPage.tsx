// 志愿服务队: approved teams around where I live (my county), by kind of service or by
// name; each shows whether I am in it or have asked to join.
import { SearchBar, Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import type { MyVolunteer, ServiceCategory } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { useMe } from '../../../shared/session';
import { useDebounced } from '../../../shared/useDebounced';
import { usePagedList } from '../../../shared/usePagedList';
import { CategoryFilter } from '../../components/CategoryFilter';
import { Paged } from '../../components/Paged';
import { PageHeader } from '../../components/PageHeader';
import { membershipLabel } from '../../labels';
import { browseUnder, WithMyVolunteer } from '../../myVolunteer';

const PAGE = 30;

export function TeamsPage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('mobile.teams.title')} />
      <WithMyVolunteer>{(volunteer) => <TeamList volunteer={volunteer} under={browseUnder(volunteer, me.grants)} />}</WithMyVolunteer>
    </>
  );
}

function TeamList({ volunteer, under }: { volunteer: MyVolunteer | null; under: string | undefined }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 400);
  const [category, setCategory] = useState<ServiceCategory | undefined>();
  const loadPage = useCallback(
    (cursor?: string) => call(api.GET('/api/v1/organizations/browse', {
      params: { query: { limit: PAGE, ...(cursor && { cursor }), ...(q && { q }), ...(category && { category }), ...(under && { under }) } },
    })),
    [q, category, under],
  );
  const list = usePagedList(loadPage, 'id');
  const membership = new Map(volunteer?.organizations.map((team) => [team.id, team.status]) ?? []);

  return (
    <>
      <SearchBar className="m-search" placeholder={t('mobile.teams.search')} value={query} onChange={setQuery} aria-label={t('mobile.teams.search')} />
      <CategoryFilter value={category} onChange={setCategory} />
      <Paged list={list} empty={t('mobile.teams.none')}>
        {(items) => (
          <ul className="m-list-cards">
            {items.map((team) => {
              const status = membership.get(team.id);
              const tag = status && membershipLabel(t, status);
              return (
                <li key={team.id}>
                  <Link to={`/teams/${team.id}`} state={{ team }} className="m-item-card">
                    <h2>{team.name}</h2>
                    <p className="m-meta">
                      <Tag className="m-tag" color="primary" fill="outline">{categoryName(t, team.category, team.customCategory)}</Tag>
                      <span>{t('mobile.teams.members', { n: team.memberCount })}</span>
                      {tag && <Tag className="m-tag" color={tag.color}>{tag.text}</Tag>}
                    </p>
                    <p className="m-meta">{team.site.name}</p>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </Paged>
    </>
  );
}
