// 我要点单: order an item from the menu (?item=<id>&site=<id>), or ask for a service that is
// not on it (what, which kind). Either way: a few words more, where to come, a phone to call,
// and the area whose staff will handle it. Sent with an idempotency key, so a retry on a bad
// connection does not order twice.
import { Form, Input, Selector, TextArea } from 'antd-mobile';
import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { ServiceCategory } from '../../../api/types';
import { limits, serviceCategories } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { orderLimits, type MenuItem } from '../../../shared/orders';
import { useMe } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import { Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { PhoneForm, usePhoneForm } from '../../components/PhoneForm';
import { WithMyVolunteer } from '../../myVolunteer';
import { HomeSitePicker, type ChosenSite } from '../register/HomeSitePicker';
import { homeSiteOf } from './homeSite';
import { MenuCard } from './MenuTab';
import './orders.css';

interface Values {
  title?: string;
  category?: ServiceCategory[];
  details?: string;
  address?: string;
  contactPhone?: string;
  site?: ChosenSite;
}

const FIELDS = ['title', 'category', 'details', 'address', 'contactPhone', 'site'];
const FORM_FIELD: Record<string, string> = { siteId: 'site', menuItemId: 'site' };

export function OrderFormPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params] = useSearchParams();
  const itemId = Number(params.get('item')) || null;
  const siteId = Number(params.get('site')) || null;
  return (
    <div className="m-register">
      <PageHeader title={t(itemId ? 'order.form.titleItem' : 'order.form.titleFree')} back="/orders" />
      <p className="m-lead">{t(itemId ? 'order.form.introItem' : 'order.form.introFree')}</p>
      <WithMyVolunteer>
        {(volunteer) => (itemId && siteId
          ? <WithItem itemId={itemId} siteId={siteId} home={homeSiteOf(volunteer, me)} />
          : <OrderForm item={null} site={homeSiteOf(volunteer, me)} />)}
      </WithMyVolunteer>
    </div>
  );
}

function WithItem({ itemId, siteId, home }: { itemId: number; siteId: number; home: ChosenSite | undefined }) {
  const { t } = useI18n();
  const load = useCallback(async () => {
    const items = (await call(api.GET('/api/v1/menu', { params: { query: { siteId } } }))).items;
    return items.find((item) => item.id === itemId) ?? null;
  }, [itemId, siteId]);
  const item = useLoad(load);
  return (
    <Loaded state={item}>
      {(found) => {
        if (!found) return <p className="m-notice" role="alert">{t('order.form.itemGone')}</p>;
        // The area the menu was read for: home when it is the same site, else that site's menu.
        const site = home && home.site.id === siteId ? home : { site: { id: siteId, name: found.site.name, regionCode: found.site.regionCode, kind: 'station' as const }, place: found.site.name };
        return <OrderForm item={found} site={site} />;
      }}
    </Loaded>
  );
}

function OrderForm({ item, site }: { item: MenuItem | null; site: ChosenSite | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = usePhoneForm<Values>(FIELDS, FORM_FIELD);

  function submit(values: Values) {
    const text = (value: string | undefined) => value?.trim() || null;
    void state.send((headers) => call(api.POST('/api/v1/orders', {
        headers,
        body: {
          siteId: (values.site ?? site)!.site.id,
          ...(item ? { menuItemId: item.id } : { title: values.title!.trim(), category: values.category![0]! }),
          details: text(values.details),
          address: text(values.address),
          contactPhone: text(values.contactPhone),
        },
      })), (order) => navigate(`/orders/${order.id}`, { replace: true, state: { placed: true } }));
  }

  const max = (n: number) => ({ max: n, message: t('order.form.maxLength', { n }) });
  return (
    <>
      {item && <MenuCardSummary item={item} />}
      <PhoneForm
        state={state}
        submitLabel={t('order.form.submit')}
        initialValues={{ site }}
        onFinish={submit}
      >
        {!item && (
          <>
            <Form.Item
              name="title"
              label={t('order.form.what')}
              rules={[
                { required: true, whitespace: true, message: t('order.form.whatRequired') },
                { min: orderLimits.title.min, message: t('order.form.whatMin', { n: orderLimits.title.min }) },
                max(orderLimits.title.max),
              ]}
            >
              <Input id="title" maxLength={orderLimits.title.max} placeholder={t('order.form.whatPlaceholder')} clearable />
            </Form.Item>
            <Form.Item
              name="category"
              label={t('order.form.category')}
              rules={[{ validator: async (_, value?: unknown[]) => { if (!value?.length) throw new Error(t('order.form.categoryRequired')); } }]}
            >
              <Selector<ServiceCategory> columns={2} options={serviceCategories.map((value) => ({ value, label: t(`category.${value}`) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="details" label={t(item ? 'order.form.detailsItem' : 'order.form.details')} rules={[max(orderLimits.details)]}>
          <TextArea id="details" maxLength={orderLimits.details} rows={3} showCount placeholder={t('order.form.detailsPlaceholder')} />
        </Form.Item>
        <Form.Item name="address" label={t('order.form.address')} rules={[max(orderLimits.address)]}>
          <Input id="address" maxLength={orderLimits.address} placeholder={t('order.form.addressPlaceholder')} clearable />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('order.form.phone')} rules={[{ pattern: limits.phone, message: t('order.form.phoneInvalid') }]}>
          <Input id="contactPhone" type="tel" inputMode="numeric" maxLength={11} clearable />
        </Form.Item>
        {item ? (
          <p className="m-hint">{t('order.form.handledBy', { site: site?.site.name ?? item.site.name })}</p>
        ) : (
          <Form.Item name="site" label={t('order.form.site')} rules={[{ required: true, message: t('order.form.siteRequired') }]}>
            <HomeSitePicker id="site" />
          </Form.Item>
        )}
      </PhoneForm>
    </>
  );
}

function MenuCardSummary({ item }: { item: MenuItem }) {
  const { t } = useI18n();
  return (
    <section aria-label={t('order.form.chosenItem')} className="m-order-chosen">
      <MenuCard item={item} />
    </section>
  );
}
