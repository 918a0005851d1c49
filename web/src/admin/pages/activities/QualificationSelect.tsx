// The training qualification an activity requires, chosen from those that published
// courses open to its area grant (GET /training/qualifications), so a typo cannot make an
// activity nobody can sign up for. Empty: no qualification needed.
import { Select, Typography, type SelectProps } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';

interface Props extends Omit<SelectProps<string | null>, 'options' | 'mode'> {
  /** The activity's region code (its site's): the courses open to its volunteers. Without it, my own area's. */
  area?: string | undefined;
}

interface Option {
  value: string;
  label: string;
  title: string;
  courses: string;
}

export function QualificationSelect({ area, value, ...props }: Props) {
  const { t } = useI18n();
  const known = useLoad(useCallback(
    async () => (await call(api.GET('/api/v1/training/qualifications', { params: { query: area ? { under: area } : {} } }))).items,
    [area],
  ));
  const options: Option[] = (known.data ?? []).map((item) => ({
    value: item.qualification, label: item.qualification, title: item.qualification, courses: item.courses.map((course) => course.title).join('、'),
  }));
  // A requirement set before its course was withdrawn still shows (and can be cleared).
  if (value && !options.some((option) => option.value === value)) options.push({ value, label: value, title: value, courses: '' });
  return (
    <Select<string | null, Option>
      {...props}
      value={value ?? null}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={known.loading}
      placeholder={t('activities.noQualification')}
      notFoundContent={known.loading ? undefined : t('activities.noQualificationsYet')}
      options={options}
      optionRender={(option) => (
        <>
          {option.data.label}
          {option.data.courses && <Typography.Text type="secondary"> · {t('activities.qualificationCourses', { courses: option.data.courses })}</Typography.Text>}
        </>
      )}
    />
  );
}
