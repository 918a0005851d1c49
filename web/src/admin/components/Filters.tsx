// The pieces of a list's filter bar: a search box, a phone-number ending, enum and
// yes/no selects, all labelled for screen readers by their placeholder.
import { SearchOutlined } from '@ant-design/icons';
import { Input, Select } from 'antd';
import { limits } from '../../shared/domain';
import { useI18n } from '../../shared/i18n';

interface TextProps {
  label: string;
  value: string;
  onChange(value: string): void;
}

/** Search by name (or pinyin initials, where the API supports them). */
export function SearchInput({ label, value, onChange }: TextProps) {
  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      aria-label={label}
      placeholder={label}
      maxLength={limits.search}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className="search-input"
    />
  );
}

/** The last digits of a phone number; anything but digits is dropped as it is typed. */
export function PhoneSuffixInput({ label, value, onChange }: TextProps) {
  return (
    <Input
      allowClear
      aria-label={label}
      placeholder={label}
      inputMode="numeric"
      maxLength={4}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      className="phone-suffix"
    />
  );
}

interface ChoiceProps<T> {
  /** Also the select's accessible name. */
  placeholder: string;
  value: T | undefined;
  onChange(value: T | undefined): void;
}

/** One of the API's enums, labelled in the current language, or any. */
export function EnumSelect<T extends string>({ values, label, placeholder, value, onChange }: ChoiceProps<T> & { values: readonly T[]; label(value: T): string }) {
  return (
    <Select<T>
      allowClear
      aria-label={placeholder}
      placeholder={placeholder}
      className="filter-select"
      value={value}
      onChange={(choice) => onChange(choice ?? undefined)}
      options={values.map((option) => ({ value: option, label: label(option) }))}
    />
  );
}

/** Yes, no, or either. */
export function YesNoSelect({ placeholder, value, onChange }: ChoiceProps<boolean>) {
  const { t } = useI18n();
  return (
    <Select<'yes' | 'no'>
      allowClear
      aria-label={placeholder}
      placeholder={placeholder}
      className="filter-select"
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onChange={(choice) => onChange(choice === undefined ? undefined : choice === 'yes')}
      options={[{ value: 'yes', label: `${placeholder}：${t('common.yes')}` }, { value: 'no', label: `${placeholder}：${t('common.no')}` }]}
    />
  );
}
