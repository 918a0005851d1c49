// The network tree's state: roots from /sites/mine, children fetched when a site is
// expanded, and the changes the detail panel makes applied in place.
import { App } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../../../api/client';
import type { SiteNode } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import * as state from './treeState';

export function useSiteTree() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [tree, setTree] = useState(state.emptyTree);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);

  const roots = useLoad(
    useCallback(async () => {
      const { items } = await call(api.GET('/api/v1/sites/mine'));
      setTree((current) => state.withRoots(current, items));
      // The person's own sites open at once: their next level is what they work on.
      setExpandedKeys((keys) => [...new Set([...keys, ...items.map((site) => String(site.id))])]);
      return items;
    }, []),
  );

  /** antd's loadData: fetches a site's children when it is first expanded. */
  const loadChildren = useCallback(
    async (key: string) => {
      try {
        const { items } = await call(api.GET('/api/v1/sites/{id}/children', { params: { path: { id: Number(key) } } }));
        setTree((current) => state.withChildren(current, Number(key), items));
      } catch (error) {
        // Collapsed again, so the next expand retries instead of showing an empty branch.
        setExpandedKeys((keys) => keys.filter((k) => k !== key));
        void message.error(errorMessage(error, t));
      }
    },
    [message, t],
  );

  /** Expands these sites (a path from the top), loading each level as it appears. */
  const expand = useCallback((ids: number[]) => {
    setExpandedKeys((keys) => [...new Set([...keys, ...ids.map(String)])]);
  }, []);

  const treeData = useMemo(() => state.toTreeData(tree), [tree]);
  const loadedKeys = useMemo(() => Object.keys(tree.children), [tree]);

  return {
    roots,
    treeData,
    loadedKeys,
    expandedKeys,
    setExpandedKeys,
    loadChildren,
    expand,
    pointAdded: useCallback((parentId: number, point: SiteNode) => setTree((s) => state.withAddedPoint(s, parentId, point)), []),
    pointRemoved: useCallback((id: number) => setTree((s) => state.withoutPoint(s, id)), []),
    siteChanged: useCallback((site: Pick<SiteNode, 'id' | 'name' | 'pointType'>) => setTree((s) => state.withSite(s, site)), []),
  };
}

export type SiteTreeModel = ReturnType<typeof useSiteTree>;
