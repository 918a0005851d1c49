// 实践阵地: the practice network as a tree on the left, the chosen site on the right.
// The chosen site lives in the URL (?site=), so it survives a reload and can be shared.
import { Card, Empty } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { SiteSelect } from '../../components/SiteSelect';
import { SiteDetailPanel } from './SiteDetailPanel';
import { SiteTreeView } from './SiteTreeView';
import { useSiteTree } from './useSiteTree';

export function NetworkPage() {
  const { t } = useI18n();
  const tree = useSiteTree();
  const [params, setParams] = useSearchParams();
  // Until something is chosen, the person's own (first) site is shown.
  const selectedId = Number(params.get('site')) || tree.roots.data?.[0]?.id || null;
  const select = useCallback((id: number) => setParams({ site: String(id) }), [setParams]);

  return (
    <div className="network-page">
      <Card className="network-tree" title={t('menu.network')} size="small">
        <SiteSelect className="full-width network-search" placeholder={t('network.search')} onChange={select} />
        <SiteTreeView tree={tree} selectedId={selectedId} onSelect={select} />
      </Card>
      <div className="network-detail">
        {selectedId === null ? <Card><Empty description={t('network.pick')} /></Card> : <SiteDetailPanel id={selectedId} tree={tree} onSelect={select} />}
      </div>
    </div>
  );
}
