// The region a statistics view shows (?region=… so a view can be shared), its lineage for
// the breadcrumb, and which of those levels the signed-in admin may open.
import { Breadcrumb, Button } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import type { RegionDetail } from '../../../api/statsTypes';
import type { Grant } from '../../../api/types';
import { isAdminRole, regionPrefix } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import { useSearchParam } from '../../useSearchParam';

/** Digits of a division code that its subtree shares, by level (1 province … 5 village). */
const LEVEL_PREFIX = [0, 2, 4, 6, 9, 12];
export const codePrefix = (code: string, level: number) => code.slice(0, LEVEL_PREFIX[level] ?? 12);

/** Whether one of the admin's grants covers this region (the server decides again). */
export function withinArea(grants: readonly Grant[], code: string, level: number): boolean {
  const prefix = codePrefix(code, level);
  return grants.some((grant) => isAdminRole(grant.role) && prefix.startsWith(regionPrefix(grant.site)));
}

/** ?region=… when it is a division code; null means my own area (the API's default). */
export function useRegionParam(): [string | null, (code: string | null) => void] {
  const [value, set] = useSearchParam('region');
  return [value !== null && /^\d{12}$/.test(value) ? value : null, set];
}

/** The region with its ancestors, once its code is known. */
export function useLineage(code: string | undefined) {
  return useLoad(useCallback(async () => (code ? call(api.GET('/api/v1/regions/{code}', { params: { path: { code } } })) : null), [code]));
}

interface Props {
  region: RegionDetail | null | undefined;
  onOpen(code: string): void;
  className?: string;
}

/** 辽宁省 / 鞍山市 / 台安县: the levels inside my area open that level; the current one is plain text. */
export function RegionBreadcrumb({ region, onOpen, className }: Props) {
  const { t } = useI18n();
  const me = useMe();
  if (!region) return <Breadcrumb className={className} items={[{ title: t('stats.loading') }]} />;
  return (
    <nav aria-label={t('stats.breadcrumb')}>
      <Breadcrumb
        className={className}
        items={region.lineage.map((level) => ({
          key: level.code,
          title: level.code !== region.code && withinArea(me.grants, level.code, level.level)
            ? <Button type="link" size="small" className="stats-crumb" onClick={() => onOpen(level.code)}>{level.name}</Button>
            : <span aria-current={level.code === region.code ? 'page' : undefined}>{level.name}</span>,
        }))}
      />
    </nav>
  );
}
