// Staff claim a wish on the wall for a unit (单位认领): which unit — by default their own
// site — and how many days it has to come true.
import { App, Form, Input, InputNumber } from 'antd';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { wishLimits, type Wish } from '../../../shared/wishes';
import { FormModal } from '../../components/FormModal';
import { useFormSubmit } from '../../forms';

interface Values {
  unitName: string;
  days: number;
}

export function ClaimUnitModal({ wish, onClaimed, onClose }: { wish: Wish; onClaimed(wish: Wish): void; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const home = useMe().grants[0]?.site;
  const submission = useFormSubmit(form, async (values) => {
    const claimed = await call(api.POST('/api/v1/wishes/{id}/claim', {
      params: { path: { id: wish.id } },
      body: { as: 'unit', unitName: values.unitName.trim(), days: values.days },
    }));
    void message.success(t('wish.c.claimedUnit', { title: wish.title, unit: values.unitName.trim() }));
    onClaimed(claimed);
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal
      title={t('wish.c.claimUnitTitle', { title: wish.title })}
      okText={t('wish.c.claimUnitSubmit')}
      form={form}
      submission={submission}
      onClose={onClose}
      initialValues={{ unitName: home?.name ?? '', days: wishLimits.defaultClaimDays }}
    >
      <Form.Item name="unitName" label={t('wish.c.unitName')} rules={[{ ...required, whitespace: true }, { min: 2, message: t('validation.min', { n: 2 }) }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="days" label={t('wish.c.days')} rules={[required]}>
        <InputNumber min={wishLimits.claimDays.min} max={wishLimits.claimDays.max} precision={0} className="full-width" />
      </Form.Item>
    </FormModal>
  );
}
