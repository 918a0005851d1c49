// Staff fulfil a wish claimed for a unit (登记实现): what was done, photos if any, and the
// volunteers who served with their minutes each, which go to the hours ledger. A unit has
// no roster, so the server takes approved volunteers of the staff member's area.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Divider, Form, Input, InputNumber, Space } from 'antd';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { wishLimits, type Wish } from '../../../shared/wishes';
import { FormModal } from '../../components/FormModal';
import { VolunteerSelect } from '../../components/Pickers';
import { useFormSubmit } from '../../forms';
import { FulfilPhotos, type Photo } from './FulfilPhotos';
import '../care/care.css';

interface Values {
  note: string;
  photos: Photo[];
  participants: { volunteerId: number; minutes: number }[];
}

/** The minutes one volunteer may be credited for one wish. */
const MINUTES = { min: 1, max: 1440 };

export function FulfilUnitModal({ wish, onFulfilled, onClose }: { wish: Wish; onFulfilled(wish: Wish): void; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, async (values) => {
    const fulfilled = await call(api.POST('/api/v1/wishes/{id}/fulfil', {
      params: { path: { id: wish.id } },
      body: {
        note: values.note.trim(),
        photos: (values.photos ?? []).map((photo) => photo.id),
        participants: (values.participants ?? []).map(({ volunteerId, minutes }) => ({ volunteerId, minutes })),
      },
    }));
    void message.success(t('wish.c.fulfilled', { title: wish.title }));
    onFulfilled(fulfilled);
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal
      title={t('wish.c.fulfilTitle', { title: wish.title })}
      okText={t('wish.c.fulfilSubmit')}
      width={640}
      form={form}
      submission={submission}
      onClose={onClose}
      initialValues={{ note: '', photos: [], participants: [{} as Values['participants'][number]] }}
      submitOnEnter={false}
    >
      <Form.Item
        name="note"
        label={t('wish.c.fulfilNote')}
        rules={[{ ...required, whitespace: true }, { min: wishLimits.fulfilNote.min, message: t('validation.min', { n: wishLimits.fulfilNote.min }) }]}
      >
        <Input.TextArea rows={3} maxLength={wishLimits.fulfilNote.max} showCount autoFocus />
      </Form.Item>
      <Form.Item name="photos" label={t('wish.m.photos')}>
        <FulfilPhotos />
      </Form.Item>
      <Divider titlePlacement="start">{t('wish.c.participants')}</Divider>
      <Form.List name="participants">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap role="group" aria-label={t('wish.c.participantN', { n: index + 1 })}>
                <Form.Item name={[field.name, 'volunteerId']} rules={[required]}>
                  <VolunteerSelect className="picker-wide" aria-label={t('wish.c.volunteerN', { n: index + 1 })} />
                </Form.Item>
                <Form.Item name={[field.name, 'minutes']} rules={[required]}>
                  <InputNumber
                    min={MINUTES.min}
                    max={MINUTES.max}
                    precision={0}
                    suffix={t('wish.c.minutesUnit')}
                    aria-label={t('wish.c.minutesN', { n: index + 1 })}
                  />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('wish.c.removeParticipant', { n: index + 1 })} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add()}>{t('wish.c.addParticipant')}</Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
