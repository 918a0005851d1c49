// 服务项目: the projects of my area by status; submitted ones wait for the center's
// review (their own tab, with a count). A project opens in a drawer (?id=). The brands
// the projects are filed under have their own tab (?view=brands).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Project, ProjectQuery, ProjectStatus } from '../../../api/types';
import { projectStatuses } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { useDebounced } from '../../../shared/useDebounced';
import { usePageCount, useQueryList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { EnumSelect, SearchInput } from '../../components/Filters';
import { ReviewTabs, useReviewTab } from '../../components/ReviewTabs';
import { StatusTag } from '../../components/Tags';
import { useIdParam, useSearchParam } from '../../useSearchParam';
import { BrandsPanel } from './BrandsPanel';
import { ProjectActions } from './ProjectActions';
import { ProjectDrawer } from './ProjectDrawer';
import { ProjectFormModal } from './ProjectFormModal';

type Filters = Omit<ProjectQuery, 'cursor' | 'limit'>;
const fetchProjects = (query: Filters, cursor?: string) => call(api.GET('/api/v1/projects', { params: { query: { ...query, cursor, limit: 50 } } }));

export function ProjectsPage() {
  const { t } = useI18n();
  const [reviewing, setReviewing] = useReviewTab();
  const [openId, setOpenId] = useIdParam();
  const [view, setView] = useSearchParam('view');
  const [status, setStatus] = useState<ProjectStatus | undefined>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [form, setForm] = useState<{ project?: Project } | null>(null);
  const list = useQueryList(fetchProjects, { q: q || undefined, status: reviewing ? 'submitted' : status }, 'id');
  const submitted = usePageCount(useCallback((limit: number) => call(api.GET('/api/v1/projects', { params: { query: { status: 'submitted', limit } } })), []));

  function changed(project: Project) {
    list.upsert(project);
    submitted.reload();
  }

  const columns: ColumnsType<Project> = [
    {
      key: 'name',
      title: t('projects.name'),
      fixed: 'left',
      render: (_, p) => <Button type="link" className="link-cell" onClick={() => setOpenId(p.id)}>{p.name}</Button>,
    },
    { key: 'brand', title: t('projects.brand'), render: (_, p) => (p.brand ? <Tag color="red">{p.brand.name}</Tag> : null) },
    { key: 'category', title: t('projects.category'), render: (_, p) => categoryName(t, p.category) },
    { key: 'organization', title: t('projects.organization'), render: (_, p) => p.organization.name },
    { key: 'period', title: t('projects.period'), render: (_, p) => `${p.startsOn} – ${p.endsOn}` },
    { key: 'status', title: t('projects.status'), render: (_, p) => <StatusTag status={p.status}>{t(`projects.status.${p.status}`)}</StatusTag> },
    { key: 'actions', title: t('common.actions'), render: (_, p) => <ProjectActions project={p} onChanged={changed} onEdit={() => setForm({ project: p })} /> },
  ];

  const views = [{ key: 'projects', label: t('projects.viewProjects') }, { key: 'brands', label: t('projects.viewBrands') }];
  if (view === 'brands') {
    return (
      <Card title={t('menu.projects')} tabList={views} activeTabKey="brands" onTabChange={(key) => setView(key === 'brands' ? key : null)}>
        <BrandsPanel />
      </Card>
    );
  }
  return (
    <Card
      title={t('menu.projects')}
      tabList={views}
      activeTabKey="projects"
      onTabChange={(key) => setView(key === 'brands' ? key : null)}
      tabBarExtraContent={<Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})}>{t('projects.create')}</Button>}
    >
      <ReviewTabs reviewing={reviewing} onChange={setReviewing} allLabel={t('projects.tabAll')} reviewLabel={t('projects.tabSubmitted')} count={submitted.data} />
      <Space orientation="vertical" size="middle" className="full-width">
        <Space wrap>
          <SearchInput label={t('projects.filterName')} value={search} onChange={setSearch} />
          {!reviewing && (
            <EnumSelect
              placeholder={t('projects.filterStatus')}
              values={projectStatuses}
              label={(value) => t(`projects.status.${value}`)}
              value={status}
              onChange={(value) => setStatus(value)}
            />
          )}
        </Space>
        <PagedTable<Project> rowKey="id" columns={columns} list={list} empty={t(reviewing ? 'projects.emptySubmitted' : 'projects.empty')} />
      </Space>
      {openId !== null && (
        <ProjectDrawer id={openId} onChanged={changed} onClose={() => setOpenId(null)} />
      )}
      {form && (
        <ProjectFormModal
          project={form.project}
          onSaved={(project) => {
            changed(project);
            setForm(null);
            setOpenId(project.id);
          }}
          onClose={() => setForm(null)}
        />
      )}
    </Card>
  );
}
