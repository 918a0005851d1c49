// Finds a site in the caller's area by name (GET /sites?q=), optionally of one kind.
// Used to jump to a site in the network, to pick the site of a new staff role, a
// volunteer's home or an activity's place. The region path tells same-named villages apart.
import { Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { api } from '../../api/client';
import type { SiteKind, SiteSummary } from '../../api/types';
import { call } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { SearchSelect, type SearchSelectProps } from './SearchSelect';

interface Props extends SearchSelectProps<SiteSummary> {
  kind?: SiteKind | undefined;
}

export function SiteSelect({ kind, ...props }: Props) {
  const { t } = useI18n();
  const search = useCallback(
    async (q: string | undefined) => (await call(api.GET('/api/v1/sites', { params: { query: { q, kind, limit: 20 } } }))).items,
    [kind],
  );
  return (
    <SearchSelect<SiteSummary>
      placeholder={t('site.searchPlaceholder')}
      {...props}
      search={search}
      idOf={(site) => site.id}
      labelOf={(site) => site.name}
      notFound={t('site.noMatch')}
      render={(site) => (
        <Space size="small" className="site-option">
          <span>{site.name}</span>
          <Tag>{t(`kind.${site.kind}`)}</Tag>
          <Typography.Text type="secondary" className="site-option-path">{site.regionPath}</Typography.Text>
        </Space>
      )}
    />
  );
}
