// 志愿服务组织: the organizations and teams of my area, or of one site's region in it; those
// waiting for approval have their own tab. The chosen one opens in a drawer (?id=) with its members.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Organization, OrganizationCategory, OrganizationQuery, OrganizationStatus, SiteSummary, SizeBucket } from '../../../api/types';
import { organizationCategories, organizationStatuses, regionPrefix, sizeBuckets } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { download } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { useDebounced } from '../../../shared/useDebounced';
import { usePageCount, useQueryList } from '../../../shared/usePagedList';
import { ExportButton } from '../../components/ExportButton';
import { PagedTable } from '../../components/PagedTable';
import { EnumSelect, SearchInput } from '../../components/Filters';
import { ReviewTabs, useReviewTab } from '../../components/ReviewTabs';
import { SiteSelect } from '../../components/SiteSelect';
import { StatusTag } from '../../components/Tags';
import { useIdParam } from '../../useSearchParam';
import { OrganizationDrawer } from './OrganizationDrawer';
import { OrganizationFormModal } from './OrganizationFormModal';
import { OrganizationReview } from './OrganizationReview';

interface Filter {
  q: string;
  category?: OrganizationCategory | undefined;
  status?: OrganizationStatus | undefined;
  size?: SizeBucket | undefined;
  /** The organizations of this site's region and below. */
  area?: SiteSummary | undefined;
}

type Filters = Omit<OrganizationQuery, 'cursor' | 'limit'>;
const fetchOrganizations = (query: Filters, cursor?: string) =>
  call(api.GET('/api/v1/organizations', { params: { query: { ...query, cursor, limit: 50 } } }));

export function OrganizationsPage() {
  const { t } = useI18n();
  const [reviewing, setReviewing] = useReviewTab();
  const [openId, setOpenId] = useIdParam();
  const [filter, setFilter] = useState<Filter>({ q: '' });
  const [creating, setCreating] = useState(false);
  const q = useDebounced(filter.q.trim(), 300);
  const query: Filters = {
    q: q || undefined, category: filter.category, size: filter.size, status: reviewing ? 'pending' : filter.status,
    under: filter.area ? regionPrefix(filter.area) : undefined,
  };
  const list = useQueryList(fetchOrganizations, query, 'id');
  const pending = usePageCount(useCallback((limit: number) => call(api.GET('/api/v1/organizations', { params: { query: { status: 'pending', limit } } })), []));

  function changed(org: Organization) {
    list.upsert(org);
    pending.reload();
  }

  const columns: ColumnsType<Organization> = [
    {
      key: 'name',
      title: t('organizations.name'),
      fixed: 'left',
      render: (_, org) => <Button type="link" className="link-cell" onClick={() => setOpenId(org.id)}>{org.name}</Button>,
    },
    { key: 'category', title: t('organizations.category'), render: (_, org) => <Tag>{categoryName(t, org.category, org.customCategory)}</Tag> },
    { key: 'site', title: t('organizations.site'), render: (_, org) => org.site.name },
    { key: 'members', title: t('organizations.members'), render: (_, org) => t('organizations.memberCount', { n: org.memberCount }) },
    { key: 'leader', title: t('organizations.leader'), render: (_, org) => org.leader?.name ?? <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text> },
    { key: 'status', title: t('organizations.status'), render: (_, org) => <StatusTag status={org.status}>{t(`organizations.status.${org.status}`)}</StatusTag> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, org) => (
        <Space size="small">
          {org.status === 'pending' && <OrganizationReview organization={org} onReviewed={changed} />}
          <Button size="small" onClick={() => setOpenId(org.id)}>{t('common.details')}</Button>
        </Space>
      ),
    },
  ];

  const set = (change: Partial<Filter>) => setFilter({ ...filter, ...change });
  return (
    <Card
      title={t('menu.organizations')}
      extra={
        <Space wrap>
          <ExportButton
            exportFile={(options) =>
              download(api.GET('/api/v1/organizations/export.xlsx', { params: { query: { ...query, ...options } }, parseAs: 'blob' }), 'organizations.xlsx')}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('organizations.create')}</Button>
        </Space>
      }
    >
      <ReviewTabs reviewing={reviewing} onChange={setReviewing} allLabel={t('organizations.tabAll')} reviewLabel={t('organizations.tabPending')} count={pending.data} />
      <Space orientation="vertical" size="middle" className="full-width">
        <Space wrap>
          <SearchInput label={t('organizations.filterName')} value={filter.q} onChange={(q) => set({ q })} />
          <EnumSelect
            placeholder={t('organizations.filterCategory')}
            values={organizationCategories}
            label={(category) => t(`category.${category}`)}
            value={filter.category}
            onChange={(category) => set({ category })}
          />
          {!reviewing && (
            <EnumSelect
              placeholder={t('organizations.filterStatus')}
              values={organizationStatuses}
              label={(status) => t(`organizations.status.${status}`)}
              value={filter.status}
              onChange={(status) => set({ status })}
            />
          )}
          <EnumSelect
            placeholder={t('organizations.filterSize')}
            values={sizeBuckets}
            label={(size) => t('organizations.size', { size })}
            value={filter.size}
            onChange={(size) => set({ size })}
          />
          <SiteSelect
            allowClear
            aria-label={t('organizations.filterArea')}
            placeholder={t('organizations.filterArea')}
            value={filter.area?.id ?? null}
            onChange={(_id, area) => set({ area })}
            className="filter-wide"
          />
        </Space>
        <PagedTable<Organization>
          rowKey="id"
          columns={columns}
          list={list}
          empty={t(reviewing ? 'organizations.emptyPending' : 'organizations.empty')}
        />
      </Space>
      {openId !== null && <OrganizationDrawer id={openId} onChanged={changed} onClose={() => setOpenId(null)} />}
      {creating && (
        <OrganizationFormModal
          onSaved={(org) => {
            changed(org);
            setCreating(false);
            setOpenId(org.id);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}
