// 派单: send a triaged order to a team (the matching suggestions first, each with its
// reasons; any other approved team of my area by search), open it for teams to grab, or pass
// it one level up or down — with the hours the next step has before it escalates.
import { Alert, Form, Input, InputNumber, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { orderLimits, passableKinds, type DispatchRequest, type OrderDetail, type Suggestion } from '../../../shared/orders';
import { useLoad } from '../../../shared/useLoad';
import { FormModal } from '../../components/FormModal';
import { OrganizationSelect } from '../../components/Pickers';
import { useFormSubmit } from '../../forms';

type Mode = 'team' | 'grab' | 'pass';

interface Values {
  mode: Mode;
  organizationId?: number;
  passToSiteId?: number;
  hours: number;
  note?: string;
}

interface Props {
  order: OrderDetail;
  onDispatched(order: OrderDetail): void;
  onClose(): void;
}

export function DispatchModal({ order, onDispatched, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'team';
  const submission = useFormSubmit(form, async (values) => {
    const common = { hours: values.hours, ...(values.note?.trim() && { note: values.note.trim() }) };
    const body: DispatchRequest = values.mode === 'team'
      ? { ...common, organizationId: values.organizationId! }
      : values.mode === 'grab' ? { ...common, openForGrab: true } : { ...common, passToSiteId: values.passToSiteId! };
    onDispatched(await call(api.POST('/api/v1/orders/{id}/dispatch', { params: { path: { id: order.id } }, body })));
  });
  return (
    <FormModal<Values>
      title={t('order.dispatch.title', { title: order.title })}
      okText={t('order.dispatch.ok')}
      width={640}
      form={form}
      submission={submission}
      initialValues={{ mode: 'team', hours: 24 }}
      submitOnEnter={false}
      onClose={onClose}
    >
      <Form.Item name="mode" label={t('order.dispatch.mode')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'team', label: t('order.dispatch.toTeam') },
            { value: 'grab', label: t('order.dispatch.openForGrab') },
            { value: 'pass', label: t('order.dispatch.pass') },
          ]}
        />
      </Form.Item>
      {mode === 'team' && (
        <Form.Item name="organizationId" label={t('order.dispatch.team')} rules={[{ required: true, message: t('order.dispatch.teamRequired') }]}>
          <TeamPicker orderId={order.id} />
        </Form.Item>
      )}
      {mode === 'grab' && <Alert type="info" showIcon title={t('order.dispatch.grabHint')} className="form-alert" />}
      {mode === 'pass' && (
        <Form.Item name="passToSiteId" label={t('order.dispatch.passTo')} rules={[{ required: true, message: t('order.dispatch.passRequired') }]}>
          <LevelPicker handlerId={order.handler.id} />
        </Form.Item>
      )}
      <Form.Item name="hours" label={t(mode === 'pass' ? 'order.dispatch.hoursPass' : 'order.dispatch.hours')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber min={orderLimits.hours.min} max={orderLimits.hours.max} precision={0} suffix={t('order.dispatch.hoursUnit')} />
      </Form.Item>
      <Form.Item name="note" label={t('order.dispatch.note')}>
        <Input maxLength={orderLimits.note} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** The suggested teams with their reasons, and a search over every approved team of my area. */
function TeamPicker({ orderId, value, onChange }: { orderId: number; value?: number; onChange?(id: number | undefined): void }) {
  const { t } = useI18n();
  const load = useCallback(async () => (await call(api.GET('/api/v1/orders/{id}/suggestions', { params: { path: { id: orderId } } }))).organizations, [orderId]);
  const suggestions = useLoad(load);
  const suggested = (suggestions.data ?? []).some((s) => s.id === value);
  return (
    <Space orientation="vertical" className="full-width">
      <Typography.Text strong>{t('order.dispatch.suggested')}</Typography.Text>
      {suggestions.error !== undefined ? <Alert type="warning" showIcon title={errorMessage(suggestions.error, t)} /> : (
        <Radio.Group value={suggested ? value : undefined} onChange={(event) => onChange?.(event.target.value as number)} className="full-width">
          <List
            size="small"
            bordered
            loading={suggestions.loading && !suggestions.data}
            locale={{ emptyText: t('order.dispatch.noSuggestions') }}
            dataSource={suggestions.data ?? []}
            renderItem={(s: Suggestion) => (
              <List.Item>
                <Radio value={s.id} className="order-suggestion" aria-label={s.name}>
                  <Space orientation="vertical" size={2}>
                    <span>{s.name} <Typography.Text type="secondary">{t('order.dispatch.score', { n: s.score })}</Typography.Text></span>
                    <Space size={4} wrap>{s.reasons.map((reason) => <Tag key={reason}>{reason}</Tag>)}</Space>
                  </Space>
                </Radio>
              </List.Item>
            )}
          />
        </Radio.Group>
      )}
      <Typography.Text type="secondary">{t('order.dispatch.otherTeam')}</Typography.Text>
      <OrganizationSelect
        status="approved"
        allowClear
        aria-label={t('order.dispatch.otherTeam')}
        value={suggested ? null : (value ?? null)}
        onChange={(id) => onChange?.(id)}
        className="full-width"
      />
    </Space>
  );
}

/** The site above the handler and the (home) sites below it. */
function LevelPicker({ id, handlerId, value, onChange }: { id?: string; handlerId: number; value?: number; onChange?(id: number): void }) {
  const { t } = useI18n();
  const load = useCallback(async () => {
    const [site, children] = await Promise.all([
      call(api.GET('/api/v1/sites/{id}', { params: { path: { id: handlerId } } })),
      call(api.GET('/api/v1/sites/{id}/children', { params: { path: { id: handlerId } } })),
    ]);
    const parent = site.ancestors.find((ancestor) => ancestor.id === site.parentId);
    return [
      ...(parent && passableKinds.includes(parent.kind) ? [{ value: parent.id, label: t('order.dispatch.up', { name: parent.name }) }] : []),
      ...children.items.filter((child) => passableKinds.includes(child.kind)).map((child) => ({ value: child.id, label: t('order.dispatch.down', { name: child.name }) })),
    ];
  }, [handlerId, t]);
  const options = useLoad(load);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={options.loading}
      options={options.data ?? []}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('order.dispatch.passPlaceholder')}
      notFoundContent={options.error !== undefined ? errorMessage(options.error, t) : undefined}
    />
  );
}
