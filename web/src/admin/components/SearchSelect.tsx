// A select that searches the API as one types (debounced) and keeps the chosen item
// listed, so the field shows its name rather than its number. The pickers of sites,
// organizations, volunteers and projects are this with their own search.
import { Select, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { limits } from '../../shared/domain';
import { errorMessage } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { useDebounced } from '../../shared/useDebounced';

export interface SearchSelectProps<T> {
  id?: string;
  value?: number | null;
  onChange?(id: number | undefined, item: T | undefined): void;
  placeholder?: string;
  className?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** The name of the value the form opens with, to show it before any search. */
  initial?: { id: number; label: string } | null;
  'aria-label'?: string;
}

interface Props<T> extends SearchSelectProps<T> {
  /** Memoized (useCallback): a new function means a new search. */
  search(q: string | undefined): Promise<T[]>;
  idOf(item: T): number;
  labelOf(item: T): string;
  render?(item: T): ReactNode;
  notFound: string;
}

interface Found<T> {
  search: (q: string | undefined) => Promise<T[]>;
  q: string;
  items: T[];
  error?: unknown;
}

const DEBOUNCE_MS = 250;

interface Option<T> {
  value: number;
  label: string;
  item?: T;
}

export function SearchSelect<T>({
  id, value = null, onChange, placeholder, className, allowClear, disabled, initial, search, idOf, labelOf, render, notFound, ...aria
}: Props<T>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<Found<T> | null>(null);
  const [picked, setPicked] = useState<T | null>(null);
  const q = useDebounced(typed.trim().slice(0, limits.search), DEBOUNCE_MS);

  useEffect(() => {
    if (!open) return;
    let live = true;
    search(q || undefined).then(
      (items) => live && setFound({ search, q, items }),
      (error: unknown) => live && setFound({ search, q, items: [], error }),
    );
    return () => {
      live = false;
    };
  }, [open, q, search]);

  const current = found?.search === search && found.q === q ? found : null;
  const items = current?.items ?? [];
  const options: Option<T>[] = items.map((item) => ({ value: idOf(item), label: labelOf(item), item }));
  // Keep the chosen value listed so the field shows its name, not its number.
  if (value !== null && !items.some((item) => idOf(item) === value)) {
    if (picked && idOf(picked) === value) options.unshift({ value, label: labelOf(picked), item: picked });
    else if (initial?.id === value) options.unshift({ value, label: initial.label });
  }

  return (
    <Select<number | null, Option<T>>
      id={id}
      aria-label={aria['aria-label']}
      className={className}
      value={value}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.searchPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      onOpenChange={setOpen}
      loading={open && !current}
      notFoundContent={
        !current ? t('common.loading') : current.error ? <Typography.Text type="danger">{errorMessage(current.error, t)}</Typography.Text> : notFound
      }
      onChange={(chosenId) => {
        const item = options.find((option) => option.value === chosenId)?.item;
        if (item) setPicked(item);
        setTyped('');
        onChange?.(chosenId ?? undefined, item);
      }}
      // Plain-text labels, so screen readers (and the selected value) read the name.
      options={options}
      optionRender={render ? (option) => (option.data.item ? render(option.data.item) : option.label) : undefined}
    />
  );
}
