// 微心愿: the wishes of my area, newest first. 待审核 holds those waiting for the station:
// approve onto the wall, reject with a reason the resident reads, or merge into a likely
// duplicate the server points out. Staff also post for a resident without a phone and
// confirm a fulfilled wish on the beneficiary's behalf. A row opens in a drawer (?id=).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { usePageCount, useQueryList } from '../../../shared/usePagedList';
import {
  asCategory, beneficiaryGroups, wishCategories, wishStatuses, type BeneficiaryGroup, type Wish, type WishCategory, type WishQuery, type WishStatus,
} from '../../../shared/wishes';
import { EnumSelect, YesNoSelect } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { ReviewTabs, useReviewTab } from '../../components/ReviewTabs';
import { useIdParam } from '../../useSearchParam';
import { WishActions } from './WishActions';
import { WishDrawer } from './WishDrawer';
import { WishFormModal } from './WishFormModal';
import { WishStatusTag } from './WishStatusTag';

interface Filter {
  status?: WishStatus | undefined;
  category?: WishCategory | undefined;
  beneficiaryGroup?: BeneficiaryGroup | undefined;
  overdue?: boolean | undefined;
}

type Filters = Omit<WishQuery, 'cursor' | 'limit'>;
const fetchWishes = (query: Filters, cursor?: string) => call(api.GET('/api/v1/wishes', { params: { query: { ...query, cursor, limit: 50 } } }));

export function WishesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [reviewing, setReviewing] = useReviewTab();
  const [openId, setOpenId] = useIdParam();
  const [filter, setFilter] = useState<Filter>({});
  const [posting, setPosting] = useState(false);
  const query: Filters = { ...filter, status: reviewing ? 'submitted' : filter.status };
  const list = useQueryList(fetchWishes, query, 'id');
  const pending = usePageCount(useCallback((limit: number) => call(api.GET('/api/v1/wishes', { params: { query: { status: 'submitted', limit } } })), []));

  function changed(wish: Wish) {
    list.upsert(wish);
    pending.reload();
  }

  const columns: ColumnsType<Wish> = [
    {
      key: 'title',
      title: t('wish.c.title'),
      fixed: 'left',
      render: (_, wish) => <Button type="link" className="link-cell" onClick={() => setOpenId(wish.id)}>{wish.title}</Button>,
    },
    { key: 'beneficiary', title: t('wish.c.beneficiary'), render: (_, wish) => wish.beneficiaryName },
    { key: 'site', title: t('wish.c.site'), render: (_, wish) => wish.site.name },
    {
      key: 'category',
      title: t('wish.c.category'),
      render: (_, wish) => {
        const category = asCategory(wish.category);
        return <Tag>{category ? t(`wish.category.${category}`) : wish.category}</Tag>;
      },
    },
    { key: 'campaign', title: t('wish.c.campaign'), render: (_, wish) => wish.campaign?.name ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      key: 'status',
      title: t('wish.c.status'),
      render: (_, wish) => (
        <Space size={4}>
          <WishStatusTag status={wish.status} />
          {wish.overdue && <Tag color="orange">{t('wish.c.filterOverdue')}</Tag>}
        </Space>
      ),
    },
    { key: 'claimer', title: t('wish.c.claimer'), render: (_, wish) => wish.claimer?.name ?? '' },
    { key: 'createdAt', title: t('wish.c.createdAt'), render: (_, wish) => formatDateTime(wish.createdAt, lang) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, wish) => (
        <Space size="small">
          <WishActions wish={wish} onChanged={changed} />
          <Button size="small" onClick={() => setOpenId(wish.id)}>{t('wish.c.details')}</Button>
        </Space>
      ),
    },
  ];

  const set = (change: Partial<Filter>) => setFilter({ ...filter, ...change });
  return (
    <Card title={t('wish.menu.wishes')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)}>{t('wish.c.post')}</Button>}>
      <ReviewTabs reviewing={reviewing} onChange={setReviewing} allLabel={t('wish.c.tabAll')} reviewLabel={t('wish.c.tabPending')} count={pending.data} />
      <Space orientation="vertical" size="middle" className="full-width">
        <Space wrap>
          {!reviewing && (
            <EnumSelect placeholder={t('wish.c.filterStatus')} values={wishStatuses} label={(s) => t(`wish.status.${s}`)} value={filter.status} onChange={(status) => set({ status })} />
          )}
          <EnumSelect
            placeholder={t('wish.c.filterCategory')}
            values={wishCategories}
            label={(c) => t(`wish.category.${c}`)}
            value={filter.category}
            onChange={(category) => set({ category })}
          />
          <EnumSelect
            placeholder={t('wish.c.filterGroup')}
            values={beneficiaryGroups}
            label={(g) => t(`wish.group.${g}`)}
            value={filter.beneficiaryGroup}
            onChange={(beneficiaryGroup) => set({ beneficiaryGroup })}
          />
          {!reviewing && <YesNoSelect placeholder={t('wish.c.filterOverdue')} value={filter.overdue} onChange={(overdue) => set({ overdue })} />}
        </Space>
        <PagedTable<Wish> rowKey="id" columns={columns} list={list} empty={t(reviewing ? 'wish.c.emptyPending' : 'wish.c.empty')} />
      </Space>
      {openId !== null && <WishDrawer id={openId} onChanged={changed} onClose={() => setOpenId(null)} />}
      {posting && (
        <WishFormModal
          onPosted={(wish) => {
            changed(wish);
            setPosting(false);
            void message.success(t('wish.c.posted', { title: wish.title }));
          }}
          onClose={() => setPosting(false)}
        />
      )}
    </Card>
  );
}
