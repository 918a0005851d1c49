// 志愿者: the real-name volunteers of my area. Registrations waiting for review come
// first (their own tab, with a count); the chosen volunteer opens in a drawer (?id=).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { VolunteerDetail } from '../../../api/types';
import { download } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { useDebounced } from '../../../shared/useDebounced';
import { ExportButton } from '../../components/ExportButton';
import { ReviewTabs, useReviewTab } from '../../components/ReviewTabs';
import { useIdParam } from '../../useSearchParam';
import { VolunteerDrawer } from './VolunteerDrawer';
import { VolunteerFilters } from './VolunteerFilters';
import { VolunteerFormModal } from './VolunteerFormModal';
import { VolunteerTable } from './VolunteerTable';
import { noFilter, queryOf, usePendingCount, useVolunteerList, type VolunteerFilter } from './useVolunteers';

const TYPING_MS = 300;

export function VolunteersPage() {
  const { t } = useI18n();
  const [reviewing, setReviewing] = useReviewTab();
  const [openId, setOpenId] = useIdParam();
  const [filter, setFilter] = useState<VolunteerFilter>(noFilter);
  const [creating, setCreating] = useState(false);
  const typed = {
    q: useDebounced(filter.q, TYPING_MS),
    phoneSuffix: useDebounced(filter.phoneSuffix, TYPING_MS),
    skill: useDebounced(filter.skill, TYPING_MS),
  };
  const query = queryOf({ ...filter, ...typed, status: reviewing ? 'pending' : filter.status });
  const list = useVolunteerList(query);
  const pending = usePendingCount();

  function changed(volunteer: VolunteerDetail) {
    list.upsert(volunteer);
    pending.reload();
  }

  return (
    <Card
      title={t('menu.volunteers')}
      extra={
        <Space wrap>
          <ExportButton
            exportFile={(options) =>
              download(api.GET('/api/v1/volunteers/export.xlsx', { params: { query: { ...query, ...options } }, parseAs: 'blob' }), 'volunteers.xlsx')}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('volunteers.create')}</Button>
        </Space>
      }
    >
      <ReviewTabs reviewing={reviewing} onChange={setReviewing} allLabel={t('volunteers.tabAll')} reviewLabel={t('volunteers.tabPending')} count={pending.data} />
      <Space orientation="vertical" size="middle" className="full-width">
        <VolunteerFilters value={filter} onChange={setFilter} withStatus={!reviewing} />
        <VolunteerTable
          list={list}
          empty={t(reviewing ? 'volunteers.emptyPending' : 'volunteers.empty')}
          onOpen={setOpenId}
          onReviewed={changed}
        />
      </Space>
      {openId !== null && <VolunteerDrawer id={openId} onChanged={changed} onClose={() => setOpenId(null)} />}
      {creating && (
        <VolunteerFormModal
          onSaved={(volunteer) => {
            changed(volunteer);
            setCreating(false);
            setOpenId(volunteer.id);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}
