// Searchable pickers over the caller's area: organizations, volunteers and projects.
import { Space, Typography } from 'antd';
import { useCallback } from 'react';
import { api } from '../../api/client';
import type { Organization, OrganizationStatus, Project, Volunteer } from '../../api/types';
import { call } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { SearchSelect, type SearchSelectProps } from './SearchSelect';

const LIMIT = 20;

/** A name with a secondary detail beside it. */
function Option({ name, detail }: { name: string; detail: string }) {
  return (
    <Space size="small">
      <span>{name}</span>
      <Typography.Text type="secondary">{detail}</Typography.Text>
    </Space>
  );
}

export function OrganizationSelect({ status, ...props }: SearchSelectProps<Organization> & { status?: OrganizationStatus }) {
  const { t } = useI18n();
  const search = useCallback(
    async (q: string | undefined) => (await call(api.GET('/api/v1/organizations', { params: { query: { q, status, limit: LIMIT } } }))).items,
    [status],
  );
  return (
    <SearchSelect<Organization>
      placeholder={t('organizations.searchPlaceholder')}
      {...props}
      search={search}
      idOf={(org) => org.id}
      labelOf={(org) => org.name}
      notFound={t('organizations.noMatch')}
      render={(org) => <Option name={org.name} detail={org.site.name} />}
    />
  );
}

export function VolunteerSelect(props: SearchSelectProps<Pick<Volunteer, 'id' | 'name' | 'volunteerNo'>>) {
  const { t } = useI18n();
  const search = useCallback(
    async (q: string | undefined) => (await call(api.GET('/api/v1/volunteers', { params: { query: { q, status: 'active', limit: LIMIT } } }))).items,
    [],
  );
  return (
    <SearchSelect<Pick<Volunteer, 'id' | 'name' | 'volunteerNo'>>
      placeholder={t('volunteers.searchPlaceholder')}
      {...props}
      search={search}
      idOf={(volunteer) => volunteer.id}
      labelOf={(volunteer) => `${volunteer.name}（${volunteer.volunteerNo}）`}
      notFound={t('volunteers.noMatch')}
    />
  );
}

/** Projects that may publish activities: approved or already running. */
export function ProjectSelect(props: SearchSelectProps<Project>) {
  const { t } = useI18n();
  const search = useCallback(async (q: string | undefined) => {
    const pages = await Promise.all((['running', 'approved'] as const).map((status) =>
      call(api.GET('/api/v1/projects', { params: { query: { q, status, limit: LIMIT } } }))));
    return pages.flatMap((page) => page.items);
  }, []);
  return (
    <SearchSelect<Project>
      placeholder={t('projects.searchPlaceholder')}
      {...props}
      search={search}
      idOf={(project) => project.id}
      labelOf={(project) => project.name}
      notFound={t('projects.noMatch')}
      render={(project) => <Option name={project.name} detail={project.organization.name} />}
    />
  );
}
