import { CaretDownFilled } from '@ant-design/icons';
import { Alert, Button, Empty, Spin, Tree } from 'antd';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { SiteTitle } from './SiteTitle';
import type { SiteTreeItem } from './treeState';
import type { SiteTreeModel } from './useSiteTree';

interface Props {
  tree: SiteTreeModel;
  selectedId: number | null;
  onSelect(id: number): void;
}

export function SiteTreeView({ tree, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const scrolledTo = useRef<number | null>(null);

  // Bring a newly selected site into view once it is on screen (it may appear only after
  // its branch loads), without pulling the view back on every later change.
  useEffect(() => {
    if (selectedId === scrolledTo.current) return;
    const node = container.current?.querySelector('.ant-tree-treenode-selected');
    if (!node) return;
    node.scrollIntoView({ block: 'nearest' });
    scrolledTo.current = selectedId;
  }, [selectedId, tree.treeData]);

  const { roots } = tree;
  if (roots.error) {
    return (
      <Alert type="error" showIcon title={errorMessage(roots.error, t)} action={<Button size="small" onClick={roots.reload}>{t('common.retry')}</Button>} />
    );
  }
  if (roots.loading && !roots.data) return <Spin description={t('common.loading')}><div className="tree-placeholder" /></Spin>;
  if (tree.treeData.length === 0) return <Empty description={t('network.noSites')} />;

  return (
    <div ref={container} className="tree-scroll">
      <Tree<SiteTreeItem>
        blockNode
        aria-label={t('network.treeLabel')}
        treeData={tree.treeData}
        loadData={(node) => tree.loadChildren(String(node.key))}
        loadedKeys={tree.loadedKeys}
        expandedKeys={tree.expandedKeys}
        onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
        selectedKeys={selectedId === null ? [] : [String(selectedId)]}
        onSelect={(_keys, { node }) => {
          // Selecting also opens the branch: one click to go a level down.
          onSelect(node.site.id);
          if (!node.isLeaf) tree.expand([node.site.id]);
        }}
        titleRender={(node) => <SiteTitle site={node.site} />}
        // The expand arrow is decoration: aria-expanded already says it, and the site's
        // name should be the first thing a screen reader hears.
        switcherIcon={<CaretDownFilled aria-hidden />}
      />
    </div>
  );
}
