// How many people the activity served (entered once it has started).
import { Button, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Activity } from '../../../api/types';
import { limits } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useAction } from '../../useAction';

export function PeopleServed({ activity, onChanged }: { activity: Activity; onChanged(activity: Activity): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState<number | null>(activity.peopleServed);
  const saving = useAction();

  const save = (peopleServed: number) =>
    saving.run(
      async () => onChanged(await call(api.PATCH('/api/v1/activities/{id}', { params: { path: { id: activity.id } }, body: { peopleServed } }))),
      t('activities.peopleServedSaved'),
    );

  return (
    <Space.Compact>
      <InputNumber<number>
        aria-label={t('activities.peopleServed')}
        min={0}
        max={limits.peopleServed}
        precision={0}
        value={value}
        onChange={setValue}
        suffix={t('activities.people')}
      />
      <Button onClick={() => value !== null && void save(value)} loading={saving.busy !== null} disabled={value === null || value === activity.peopleServed}>{t('common.save')}</Button>
    </Space.Compact>
  );
}
