// The leader marks a confirmed volunteer present by hand (no phone, a failed scan):
// check-in and, when known, check-out, in Beijing time.
import { DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import type { Activity, RosterEntry } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { pickedInstant, pickerValue, WALL_CLOCK } from '../../components/beijingPicker';
import { useFormSubmit } from '../../forms';
import { FormModal } from '../../components/FormModal';
import { hasEnded } from './phase';

interface Values {
  checkInAt: Dayjs;
  checkOutAt?: Dayjs | null;
}

interface Props {
  activity: Activity;
  entry: RosterEntry;
  onMarked(roster: RosterEntry[]): void;
  onClose(): void;
}

export function MarkAttendanceModal({ activity, entry, onMarked, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, async (values) => {
    const body = { checkInAt: pickedInstant(values.checkInAt), checkOutAt: values.checkOutAt ? pickedInstant(values.checkOutAt) : null };
    const roster = await call(api.PUT('/api/v1/activities/{id}/roster/{volunteerId}', { params: { path: { id: activity.id, volunteerId: entry.volunteerId } }, body }));
    onMarked(roster.items);
  });

  return (
    <FormModal
      title={t('activities.markTitle', { name: entry.name })}
      okText={t('common.save')}
      onClose={onClose}
      form={form}
      submission={submission}
      submitOnEnter={false}
      initialValues={{
        checkInAt: pickerValue(entry.checkInAt ?? activity.startsAt),
        checkOutAt: entry.checkOutAt ? pickerValue(entry.checkOutAt) : hasEnded(activity) ? pickerValue(activity.endsAt) : null,
      }}
    >
      <Form.Item name="checkInAt" label={t('activities.checkIn')} extra={t('activities.beijingTime')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={WALL_CLOCK} className="full-width" />
      </Form.Item>
      <Form.Item name="checkOutAt" label={t('activities.checkOut')} extra={t('activities.checkOutHint')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format={WALL_CLOCK} className="full-width" />
      </Form.Item>
    </FormModal>
  );
}
