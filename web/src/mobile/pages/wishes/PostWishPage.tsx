// 我要许愿: a resident tells a small wish — what, why, for whom, roughly what it is worth,
// where they live and the campaign it joins. Every field says plainly what is missing; the
// station reviews it before it goes on the wall. Sent with an idempotency key, so a retry
// on a bad connection does not post it twice.
import { Form, Input, Selector, TextArea } from 'antd-mobile';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { MyVolunteer } from '../../../api/types';
import { limits } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { beijingToday } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import {
  beneficiaryGroups, openCampaigns, valueProblem, wallArea, wishCategories, wishLimits, type BeneficiaryGroup, type Campaign, type WishCategory,
} from '../../../shared/wishes';
import { Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { PhoneForm, usePhoneForm } from '../../components/PhoneForm';
import { WithMyVolunteer } from '../../myVolunteer';
import { HomeSitePicker, type ChosenSite } from '../register/HomeSitePicker';
import './wishes.css';

interface Values {
  title: string;
  story: string;
  category?: WishCategory[];
  beneficiaryGroup?: BeneficiaryGroup[];
  beneficiaryName: string;
  beneficiaryPhone?: string;
  estimatedValueYuan?: string;
  site?: ChosenSite;
  campaign?: number[];
}

const FIELDS = ['title', 'story', 'category', 'beneficiaryGroup', 'beneficiaryName', 'beneficiaryPhone', 'estimatedValueYuan', 'site', 'campaign'];
/** The API's field names where the form's differ. */
const FORM_FIELD: Record<string, string> = { siteId: 'site', campaignId: 'campaign' };
const NO_CAMPAIGN = 0;

export function PostWishPage() {
  const { t } = useI18n();
  return (
    <div className="m-register">
      <PageHeader title={t('wish.m.post')} back="/wishes" />
      <p className="m-lead">{t('wish.form.intro')}</p>
      <WithMyVolunteer>{(volunteer) => <WithCampaigns volunteer={volunteer} />}</WithMyVolunteer>
    </div>
  );
}

function WithCampaigns({ volunteer }: { volunteer: MyVolunteer | null }) {
  const me = useMe();
  const home = volunteer?.site ?? me.grants.find((grant) => grant.site.kind === 'station')?.site ?? null;
  const under = wallArea(home?.regionCode, me.grants);
  const load = useCallback(
    async () => openCampaigns((await call(api.GET('/api/v1/campaigns', { params: { query: under ? { under } : {} } }))).items, beijingToday()),
    [under],
  );
  const campaigns = useLoad(load);
  const site = home ? { site: { id: home.id, name: home.name, regionCode: home.regionCode, kind: 'station' as const }, place: home.name } : undefined;
  return <Loaded state={campaigns}>{(open) => <PostForm campaigns={open} site={site} />}</Loaded>;
}

function PostForm({ campaigns, site }: { campaigns: Campaign[]; site: ChosenSite | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = usePhoneForm<Values>(FIELDS, FORM_FIELD);
  const chosenCampaign = Form.useWatch('campaign', state.form)?.[0];
  const campaign = campaigns.find((c) => c.id === chosenCampaign) ?? null;

  function submit(values: Values) {
    const value = values.estimatedValueYuan?.trim();
    const campaignId = values.campaign?.[0];
    const phone = values.beneficiaryPhone?.trim();
    void state.send((headers) => call(api.POST('/api/v1/wishes', {
        headers,
        body: {
          title: values.title.trim(),
          story: values.story.trim(),
          category: values.category![0]!,
          beneficiaryGroup: values.beneficiaryGroup![0]!,
          beneficiaryName: values.beneficiaryName.trim(),
          beneficiaryPhone: phone || null,
          estimatedValueYuan: value ? Number(value) : null,
          siteId: values.site!.site.id,
          campaignId: campaignId && campaignId !== NO_CAMPAIGN ? campaignId : null,
        },
      })), (wish) => navigate(`/wishes/${wish.id}`, { replace: true, state: { posted: true } }));
  }

  const required = (message: string) => ({ required: true, whitespace: true, message });
  const chosen = (message: string) => ({ validator: async (_: unknown, value?: unknown[]) => { if (!value?.length) throw new Error(message); } });
  const max = (n: number) => ({ max: n, message: t('wish.form.maxLength', { n }) });

  return (
    <PhoneForm
      className="m-wish-form"
      state={state}
      submitLabel={t('wish.form.submit')}
      initialValues={{ site, campaign: [campaigns[0]?.id ?? NO_CAMPAIGN] }}
      onFinish={submit}
    >
      <Form.Item
        name="title"
        label={t('wish.form.title')}
        rules={[required(t('wish.form.titleRequired')), { min: wishLimits.title.min, message: t('wish.form.titleMin', { n: wishLimits.title.min }) }, max(wishLimits.title.max)]}
      >
        <Input id="title" maxLength={wishLimits.title.max} placeholder={t('wish.form.titlePlaceholder')} clearable />
      </Form.Item>
      <Form.Item
        name="story"
        label={t('wish.form.story')}
        rules={[required(t('wish.form.storyRequired')), { min: wishLimits.story.min, message: t('wish.form.storyMin', { n: wishLimits.story.min }) }, max(wishLimits.story.max)]}
      >
        <TextArea id="story" maxLength={wishLimits.story.max} rows={4} showCount placeholder={t('wish.form.storyPlaceholder')} />
      </Form.Item>
      <Form.Item name="category" label={t('wish.form.category')} rules={[chosen(t('wish.form.categoryRequired'))]}>
        <Selector<WishCategory> columns={3} options={wishCategories.map((value) => ({ value, label: t(`wish.category.${value}`) }))} />
      </Form.Item>
      <Form.Item name="beneficiaryGroup" label={t('wish.form.group')} rules={[chosen(t('wish.form.groupRequired'))]}>
        <Selector<BeneficiaryGroup> columns={2} options={beneficiaryGroups.map((value) => ({ value, label: t(`wish.group.${value}`) }))} />
      </Form.Item>
      <Form.Item name="beneficiaryName" label={t('wish.form.name')} rules={[required(t('wish.form.nameRequired')), max(wishLimits.beneficiaryName)]}>
        <Input id="beneficiaryName" maxLength={wishLimits.beneficiaryName} placeholder={t('wish.form.namePlaceholder')} clearable />
      </Form.Item>
      <Form.Item name="beneficiaryPhone" label={t('wish.form.phone')} rules={[{ pattern: limits.phone, message: t('wish.form.phoneInvalid') }]}>
        <Input id="beneficiaryPhone" type="tel" inputMode="numeric" maxLength={11} clearable />
      </Form.Item>
      <Form.Item
        name="estimatedValueYuan"
        label={t('wish.form.value')}
        dependencies={['campaign']}
        rules={[{
          validator: async (_, value?: string) => {
            const problem = valueProblem(value ?? '', campaign?.valueCapYuan ?? null);
            if (problem === 'invalid') throw new Error(t('wish.form.valueInvalid'));
            if (problem === 'cap') throw new Error(t('wish.form.valueCap', { campaign: campaign!.name, n: campaign!.valueCapYuan! }));
          },
        }]}
      >
        <Input id="estimatedValueYuan" type="text" inputMode="numeric" maxLength={6} clearable />
      </Form.Item>
      <Form.Item name="site" label={t('wish.form.site')} rules={[{ required: true, message: t('wish.form.siteRequired') }]}>
        <HomeSitePicker id="site" />
      </Form.Item>
      {campaigns.length > 0 && (
        <Form.Item name="campaign" label={t('wish.form.campaign')}>
          <Selector<number>
            columns={1}
            options={[...campaigns.map((c) => ({ value: c.id, label: c.name })), { value: NO_CAMPAIGN, label: t('wish.form.noCampaign') }]}
          />
        </Form.Item>
      )}
    </PhoneForm>
  );
}
