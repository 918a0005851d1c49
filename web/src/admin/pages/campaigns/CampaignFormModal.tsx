// A new campaign (心愿活动) for an area the staff member serves — by default their own:
// its name and story, the days it collects wishes, an optional cap on a wish's value and
// whether a family may have only one open wish in it.
import { DatePicker, Form, Input, InputNumber, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { SiteSummary } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import type { Campaign } from '../../../shared/wishes';
import { FormModal } from '../../components/FormModal';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';

interface Values {
  name: string;
  description?: string;
  siteId: number;
  period: [Dayjs, Dayjs];
  valueCapYuan?: number | null;
  oneOpenPerFamily: boolean;
}

const DATE = 'YYYY-MM-DD';

export function CampaignFormModal({ onSaved, onClose }: { onSaved(campaign: Campaign): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const home = useMe().grants[0]?.site;
  const [area, setArea] = useState<Pick<SiteSummary, 'regionCode'> | undefined>(home);
  const submission = useFormSubmit(form, async (values) => {
    onSaved(await call(api.POST('/api/v1/campaigns', {
      body: {
        name: values.name.trim(),
        description: values.description?.trim() || null,
        regionCode: area!.regionCode,
        startsOn: values.period[0].format(DATE),
        endsOn: values.period[1].format(DATE),
        valueCapYuan: values.valueCapYuan ?? null,
        oneOpenPerFamily: values.oneOpenPerFamily,
      },
    })));
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal
      width={640}
      title={t('wish.camp.create')}
      okText={t('wish.camp.createSubmit')}
      form={form}
      submission={submission}
      submitOnEnter={false}
      onClose={onClose}
      initialValues={{ oneOpenPerFamily: false, ...(home && { siteId: home.id }) }}
    >
      <Form.Item name="name" label={t('wish.camp.name')} rules={[{ ...required, whitespace: true }, { min: 2, message: t('validation.min', { n: 2 }) }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('wish.camp.description')}>
        <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="siteId" label={t('wish.camp.area')} extra={t('wish.camp.areaHint')} rules={[required]}>
        <SiteSelect initial={home && { id: home.id, label: home.name }} onChange={(_id, site) => setArea(site)} />
      </Form.Item>
      <Form.Item name="period" label={t('wish.camp.period')} rules={[required]}>
        <DatePicker.RangePicker format={DATE} className="full-width" />
      </Form.Item>
      <Form.Item name="valueCapYuan" label={t('wish.camp.capInput')} extra={t('wish.camp.capHint')}>
        <InputNumber min={1} max={100000} precision={0} className="full-width" />
      </Form.Item>
      <Form.Item name="oneOpenPerFamily" label={t('wish.camp.onePerFamilyInput')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
