// One site: where it sits, its details and counts, and what may be done with it.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Descriptions, Result, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import type { SiteDetail } from '../../../api/types';
import { pointParentKinds } from '../../../shared/domain';
import { call, errorMessage } from '../../../shared/errors';
import { formatCoordinates, formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { useDangerConfirm } from '../../useConfirm';
import { SiteFormModal, type SiteFields } from './SiteFormModal';
import { countSummary, PointIcon } from './SiteTitle';
import { nodeOf } from './treeState';
import type { SiteTreeModel } from './useSiteTree';

interface Props {
  id: number;
  tree: SiteTreeModel;
  onSelect(id: number): void;
}

export function SiteDetailPanel({ id, tree, onSelect }: Props) {
  const { t } = useI18n();
  const { expand } = tree;
  const site = useLoad(
    useCallback(async () => {
      const detail = await call(api.GET('/api/v1/sites/{id}', { params: { path: { id } } }));
      // Open the branches down to this site, e.g. after a search or a deep link.
      expand(detail.ancestors.map((ancestor) => ancestor.id));
      return detail;
    }, [id, expand]),
  );

  if (site.error) {
    return (
      <Card>
        <Result status="warning" title={errorMessage(site.error, t)} extra={<Button onClick={site.reload}>{t('common.retry')}</Button>} />
      </Card>
    );
  }
  if (!site.data) return <Card loading />;
  return <SiteCard site={site.data} tree={tree} onSelect={onSelect} onChanged={site.setData} />;
}

function SiteCard({ site, tree, onSelect, onChanged }: { site: SiteDetail; tree: SiteTreeModel; onSelect(id: number): void; onChanged(site: SiteDetail): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const confirmDanger = useDangerConfirm();
  const [form, setForm] = useState<'edit' | 'addPoint' | null>(null);
  const isPoint = site.kind === 'point';
  const none = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;

  async function save(fields: SiteFields) {
    const updated = await call(api.PATCH('/api/v1/sites/{id}', { params: { path: { id: site.id } }, body: fields }));
    onChanged(updated);
    tree.siteChanged(updated);
    setForm(null);
    void message.success(t('site.saved'));
  }

  async function addPoint({ pointType = 'other', ...fields }: SiteFields) {
    const point = await call(api.POST('/api/v1/sites', { body: { parentId: site.id, pointType, ...fields } }));
    tree.pointAdded(site.id, nodeOf(point));
    setForm(null);
    void message.success(t('site.pointAdded', { name: point.name }));
    onSelect(point.id);
  }

  function confirmDelete() {
    confirmDanger({
      title: t('site.deleteTitle', { name: site.name }),
      content: t('site.deleteBody'),
      okText: t('common.delete'),
      onOk: async () => {
        try {
          await call(api.DELETE('/api/v1/sites/{id}', { params: { path: { id: site.id } } }));
        } catch (error) {
          void message.error(errorMessage(error, t));
          return;
        }
        tree.pointRemoved(site.id);
        void message.success(t('site.deleted', { name: site.name }));
        if (site.parentId !== null) onSelect(site.parentId);
      },
    });
  }

  const crumbs = [
    ...site.ancestors.map((ancestor) => ({
      key: ancestor.id,
      // Sites above the person's own area are shown for orientation but cannot be opened.
      title: ancestor.inScope ? <Link to={{ search: `?site=${ancestor.id}` }}>{ancestor.name}</Link> : <span className="out-of-scope">{ancestor.name}</span>,
    })),
    { key: site.id, title: site.name },
  ];

  return (
    <Card
      title={
        <Space>
          {isPoint && <PointIcon type={site.pointType} />}
          <Typography.Title level={4} className="detail-title">{site.name}</Typography.Title>
          <Tag color={isPoint ? 'green' : 'blue'}>{t(`kind.${site.kind}`)}</Tag>
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={() => setForm('edit')}>{t('common.edit')}</Button>
          {pointParentKinds.includes(site.kind) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm('addPoint')}>{t('site.addPoint')}</Button>
          )}
          {isPoint && <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>{t('common.delete')}</Button>}
        </Space>
      }
    >
      {site.ancestors.length > 0 && <Breadcrumb items={crumbs} className="detail-breadcrumb" />}
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'kind', label: t('site.kind'), children: isPoint ? `${t('kind.point')} · ${t(`point.${site.pointType ?? 'other'}`)}` : t(`kind.${site.kind}`) },
          ...(isPoint ? [] : [{ key: 'counts', label: t('site.below'), children: countSummary(site.counts, t) || none }]),
          { key: 'region', label: t('site.regionCode'), children: site.regionCode },
          { key: 'address', label: t('site.address'), children: site.address ?? none },
          { key: 'coordinates', label: t('site.coordinates'), children: formatCoordinates(site.longitude, site.latitude) ?? none },
          { key: 'contact', label: t('site.contact'), children: [site.contactName, site.contactTel].filter(Boolean).join(' · ') || none },
          { key: 'description', label: t('site.description'), children: site.description ? <span className="pre-line">{site.description}</span> : none },
          { key: 'updated', label: t('site.updatedAt'), children: formatDateTime(site.updatedAt, lang) },
        ]}
      />
      {form === 'edit' && (
        <SiteFormModal title={t('site.editTitle', { name: site.name })} site={site} withPointType={isPoint} onSubmit={save} onClose={() => setForm(null)} />
      )}
      {form === 'addPoint' && (
        <SiteFormModal title={t('site.addPointTitle', { name: site.name })} withPointType onSubmit={addPoint} onClose={() => setForm(null)} />
      )}
    </Card>
  );
}
