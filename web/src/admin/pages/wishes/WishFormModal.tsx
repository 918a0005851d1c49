// 代居民发布: staff record the wish of a resident without a smartphone — the same fields as
// the phone's form, the station picked by name, and the campaign it joins.
import { Form, Input, InputNumber, Select } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import { limits, regionPrefix } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { beijingToday } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import { beneficiaryGroups, openCampaigns, wishCategories, wishLimits, type BeneficiaryGroup, type Wish, type WishCategory } from '../../../shared/wishes';
import { FormModal } from '../../components/FormModal';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';

interface Values {
  title: string;
  story: string;
  category: WishCategory;
  beneficiaryGroup: BeneficiaryGroup;
  beneficiaryName: string;
  beneficiaryPhone?: string;
  estimatedValueYuan?: number | null;
  siteId: number;
  campaignId?: number | null;
}

/** The campaigns taking wishes today in an area (the server still checks one covers the chosen station). */
const loadOpenCampaigns = async (under: string | undefined) =>
  openCampaigns((await call(api.GET('/api/v1/campaigns', { params: { query: under ? { under } : {} } }))).items, beijingToday());

export function WishFormModal({ onPosted, onClose }: { onPosted(wish: Wish): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const home = useMe().grants[0]?.site;
  const under = home ? regionPrefix(home) : undefined;
  const load = useCallback(() => loadOpenCampaigns(under), [under]);
  const campaigns = useLoad(load).data ?? [];
  const submission = useFormSubmit(form, async (values) => {
    const wish = await call(api.POST('/api/v1/wishes', {
      body: {
        title: values.title.trim(), story: values.story.trim(), category: values.category, beneficiaryGroup: values.beneficiaryGroup,
        beneficiaryName: values.beneficiaryName.trim(), beneficiaryPhone: values.beneficiaryPhone?.trim() || null,
        estimatedValueYuan: values.estimatedValueYuan ?? null, siteId: values.siteId, campaignId: values.campaignId ?? null,
      },
    }));
    onPosted(wish);
  });
  const required = { required: true, message: t('validation.required') };
  const text = (range: { min: number; max: number }) => [{ ...required, whitespace: true }, { min: range.min, message: t('validation.min', { n: range.min }) }];

  return (
    <FormModal width={640} title={t('wish.c.postTitle')} okText={t('wish.form.submit')} onClose={onClose} form={form} submission={submission} intro={<p>{t('wish.c.postIntro')}</p>}>
      <Form.Item name="title" label={t('wish.form.title')} rules={text(wishLimits.title)}>
        <Input maxLength={wishLimits.title.max} placeholder={t('wish.form.titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="story" label={t('wish.form.story')} rules={text(wishLimits.story)}>
        <Input.TextArea maxLength={wishLimits.story.max} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="category" label={t('wish.form.category')} rules={[required]}>
        <Select options={wishCategories.map((value) => ({ value, label: t(`wish.category.${value}`) }))} />
      </Form.Item>
      <Form.Item name="beneficiaryGroup" label={t('wish.form.group')} rules={[required]}>
        <Select options={beneficiaryGroups.map((value) => ({ value, label: t(`wish.group.${value}`) }))} />
      </Form.Item>
      <Form.Item name="beneficiaryName" label={t('wish.form.name')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={wishLimits.beneficiaryName} />
      </Form.Item>
      <Form.Item name="beneficiaryPhone" label={t('wish.form.phone')} rules={[{ pattern: limits.phone, message: t('validation.phone') }]}>
        <Input maxLength={11} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="estimatedValueYuan" label={t('wish.form.value')}>
        <InputNumber min={wishLimits.value.min} max={wishLimits.value.max} precision={0} />
      </Form.Item>
      <Form.Item name="siteId" label={t('wish.form.site')} extra={t('wish.c.siteHint')} rules={[required]}>
        <SiteSelect kind="station" />
      </Form.Item>
      <Form.Item name="campaignId" label={t('wish.form.campaign')}>
        <Select allowClear placeholder={t('wish.form.noCampaign')} options={campaigns.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
    </FormModal>
  );
}
