// Finds a site in the caller's area by name (GET /sites?q=), optionally of one kind.
// Used to jump to a site in the network and to pick the site of a new staff role.
import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { SiteKind, SiteSummary } from '../../api/types';
import { limits } from '../../shared/domain';
import { call, errorMessage } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { useDebounced } from '../../shared/useDebounced';

interface Props {
  id?: string;
  kind?: SiteKind | undefined;
  value?: number | null;
  onChange?(id: number, site: SiteSummary): void;
  placeholder?: string;
  className?: string;
}

interface Found {
  query: string;
  items: SiteSummary[];
  error?: unknown;
}

const DEBOUNCE_MS = 250;

interface SiteOption {
  value: number;
  label: string;
  kind: SiteKind;
}

export function SiteSelect({ id, kind, value = null, onChange, placeholder, className }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [picked, setPicked] = useState<SiteSummary | null>(null);
  const q = useDebounced(search.trim().slice(0, limits.search), DEBOUNCE_MS);
  const query = `${kind ?? ''}:${q}`;

  useEffect(() => {
    if (!open) return;
    let live = true;
    call(api.GET('/api/v1/sites', { params: { query: { q: q || undefined, kind, limit: 20 } } })).then(
      (page) => live && setFound({ query, items: page.items }),
      (error: unknown) => live && setFound({ query, items: [], error }),
    );
    return () => {
      live = false;
    };
  }, [open, q, kind, query]);

  const current = found?.query === query ? found : null;
  const items = current?.items ?? [];
  // Keep the chosen site listed so the field shows its name, not its number.
  const options = [...(picked && picked.id === value && !items.some((s) => s.id === value) ? [picked] : []), ...items];

  return (
    <Select<number | null, SiteOption>
      id={id}
      className={className}
      value={value}
      placeholder={placeholder ?? t('site.searchPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={setOpen}
      loading={open && !current}
      notFoundContent={
        !current ? t('common.loading') : current.error ? <Typography.Text type="danger">{errorMessage(current.error, t)}</Typography.Text> : t('site.noMatch')
      }
      onChange={(siteId) => {
        const site = options.find((s) => s.id === siteId);
        if (!site) return;
        setPicked(site);
        setSearch('');
        onChange?.(site.id, site);
      }}
      // Plain-text labels, so screen readers (and the selected value) read the name.
      options={options.map((site) => ({ value: site.id, label: site.name, kind: site.kind }))}
      optionRender={(option) => (
        <Space size="small">
          <span>{option.label}</span>
          <Tag>{t(`kind.${option.data.kind}`)}</Tag>
        </Space>
      )}
    />
  );
}
