// Publishing an activity under an approved project: place (a site, its address and
// coordinates by default), check-in radius, time and recruitment windows, quota and
// requirements (a training qualification among them), risk and insurance, and weekly
// repeats. Times are Beijing time. The same form edits one: its time, place and
// requirements before it starts, its title, description and quota while it runs; only
// what changed is sent, and those signed up hear of a new time or place.
import { Alert, Col, ConfigProvider, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Activity, NewActivity, SiteSummary } from '../../../api/types';
import { limits } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { pickedInstant, pickerValue, WALL_CLOCK } from '../../components/beijingPicker';
import { ProjectSelect } from '../../components/Pickers';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';
import { CoordinateFields } from '../../components/CoordinateFields';
import { FormModal } from '../../components/FormModal';
import { hasStarted } from './phase';
import { QualificationSelect } from './QualificationSelect';

interface Values {
  projectId: number;
  title: string;
  description?: string;
  siteId: number;
  address?: string;
  longitude?: number | null;
  latitude?: number | null;
  checkinRadiusM: number;
  time: [Dayjs, Dayjs];
  /** Either end may be left open: from now, until the start. */
  recruit?: [Dayjs | null, Dayjs | null] | null;
  quota: number;
  requiresApproval: boolean;
  minAge?: number | null;
  requiredSkills: string[];
  riskFlagged: boolean;
  insuranceRef?: string;
  requiredQualification?: string | null;
  repeatWeeks: number;
}

type Props = {
  onClose(): void;
} & (
  | {
    /** The project to publish under, when chosen already (from a project's page). */
    projectId?: number;
    activity?: undefined;
    onPublished(activities: Activity[]): void;
  }
  | {
    /** The activity to edit. */
    activity: Activity;
    projectId?: undefined;
    onSaved(activity: Activity): void;
  }
);

const blankToNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

/** The form's values for an activity being edited. */
function valuesOf(activity: Activity): Values {
  return {
    projectId: activity.project.id,
    title: activity.title,
    description: activity.description ?? undefined,
    siteId: activity.site.id,
    address: activity.address ?? undefined,
    longitude: activity.longitude,
    latitude: activity.latitude,
    checkinRadiusM: activity.checkinRadiusM,
    time: [pickerValue(activity.startsAt), pickerValue(activity.endsAt)],
    recruit: [pickerValue(activity.recruitFrom), pickerValue(activity.recruitUntil)],
    quota: activity.quota,
    requiresApproval: activity.requiresApproval,
    minAge: activity.minAge,
    requiredSkills: activity.requiredSkills,
    riskFlagged: activity.riskFlagged,
    insuranceRef: activity.insuranceRef ?? undefined,
    requiredQualification: activity.requiredQualification,
    repeatWeeks: 0,
  };
}

/** What an edit sends: each field whose value the form changed (times compared as picked, to the minute). */
function changesOf(before: Values, values: Values) {
  const instant = (value: Dayjs | null | undefined) => (value ? pickedInstant(value) : undefined);
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const skills = values.requiredSkills.map((skill) => skill.trim()).filter(Boolean);
  const after = {
    title: values.title.trim(),
    description: blankToNull(values.description),
    quota: values.quota,
    startsAt: instant(values.time[0]),
    endsAt: instant(values.time[1]),
    recruitFrom: instant(values.recruit?.[0]),
    recruitUntil: instant(values.recruit?.[1]),
    address: blankToNull(values.address),
    longitude: values.longitude ?? null,
    latitude: values.latitude ?? null,
    checkinRadiusM: values.checkinRadiusM,
    minAge: values.minAge ?? null,
    requiredSkills: skills,
    requiredQualification: values.requiredQualification ?? null,
  };
  const was: Record<keyof typeof after, unknown> = {
    title: before.title, description: before.description ?? null, quota: before.quota,
    startsAt: instant(before.time[0]), endsAt: instant(before.time[1]), recruitFrom: instant(before.recruit?.[0]), recruitUntil: instant(before.recruit?.[1]),
    address: before.address ?? null, longitude: before.longitude ?? null, latitude: before.latitude ?? null, checkinRadiusM: before.checkinRadiusM,
    minAge: before.minAge ?? null, requiredSkills: before.requiredSkills, requiredQualification: before.requiredQualification ?? null,
  };
  // Coordinates go together: either changed sends both.
  const moved = !same(after.longitude, was.longitude) || !same(after.latitude, was.latitude);
  return Object.fromEntries(Object.entries(after).filter(([key, value]) =>
    value !== undefined && (((key === 'longitude' || key === 'latitude') && moved) || !same(value, was[key as keyof typeof after])))) as Partial<typeof after>;
}

export function ActivityFormModal(props: Props) {
  const { projectId, activity, onClose } = props;
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [before] = useState(() => (activity ? valuesOf(activity) : null));
  // Once started, only the title, description and quota change (the people served have their own form).
  const locked = Boolean(activity && hasStarted(activity));
  // The chosen project's name, for the picker.
  const project = useLoad(
    useCallback(async () => (projectId ? call(api.GET('/api/v1/projects/{id}', { params: { path: { id: projectId } } })) : null), [projectId]),
  ).data;
  const riskFlagged = Form.useWatch('riskFlagged', form);
  // The chosen site's region: the qualifications its volunteers can earn.
  const [siteRegion, setSiteRegion] = useState<string | undefined>(activity?.site.regionCode);
  const repeatWeeks = Form.useWatch('repeatWeeks', form) ?? 0;
  const submission = useFormSubmit(form, async (values) => {
    if (props.activity && before) {
      const changes = changesOf(before, values);
      const path = { params: { path: { id: props.activity.id } } };
      props.onSaved(Object.keys(changes).length > 0 ? await call(api.PATCH('/api/v1/activities/{id}', { ...path, body: changes })) : props.activity);
      return;
    }
    const body: NewActivity = {
      projectId: values.projectId,
      title: values.title.trim(),
      description: blankToNull(values.description),
      siteId: values.siteId,
      address: blankToNull(values.address),
      longitude: values.longitude ?? null,
      latitude: values.latitude ?? null,
      checkinRadiusM: values.checkinRadiusM,
      startsAt: pickedInstant(values.time[0]),
      endsAt: pickedInstant(values.time[1]),
      ...(values.recruit?.[0] ? { recruitFrom: pickedInstant(values.recruit[0]) } : {}),
      ...(values.recruit?.[1] ? { recruitUntil: pickedInstant(values.recruit[1]) } : {}),
      quota: values.quota,
      requiresApproval: values.requiresApproval,
      minAge: values.minAge ?? null,
      requiredSkills: values.requiredSkills.map((skill) => skill.trim()).filter(Boolean),
      riskFlagged: values.riskFlagged,
      insuranceRef: values.riskFlagged ? blankToNull(values.insuranceRef) : null,
      requiredQualification: values.requiredQualification ?? null,
      repeatWeeks: values.repeatWeeks,
    };
    if (!props.activity) props.onPublished((await call(api.POST('/api/v1/activities', { body }))).items);
  });
  const required = { required: true, message: t('validation.required') };

  /** The site's own address and coordinates, as the defaults of the activity's place (Form.Item keeps the site's id itself). */
  function siteChosen(site: SiteSummary | undefined) {
    setSiteRegion(site?.regionCode);
    if (!site) return;
    form.setFieldsValue({ address: site.address ?? undefined, longitude: site.longitude, latitude: site.latitude });
  }

  return (
    <FormModal
      width={820}
      title={activity ? t('activities.editTitle', { title: activity.title }) : t('activities.create')}
      okText={activity ? t('common.save') : repeatWeeks > 0 ? t('activities.publishMany', { n: repeatWeeks + 1 }) : t('activities.publish')}
      onClose={onClose}
      form={form}
      submission={submission}
      submitOnEnter={false}
      initialValues={before ?? { projectId, checkinRadiusM: 300, quota: 20, requiresApproval: false, requiredSkills: [], riskFlagged: false, repeatWeeks: 0 }}
      intro={activity && (
        <Alert
          type={locked ? 'warning' : 'info'}
          showIcon
          className="form-alert"
          title={locked ? t('activities.editStarted') : t('activities.editNotice', { n: activity.confirmedCount + activity.waitlistCount })}
        />
      )}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="projectId" label={t('activities.project')} extra={t('activities.projectHint')} rules={[required]}>
            <ProjectSelect disabled={Boolean(activity)} initial={activity ? { id: activity.project.id, label: activity.project.name } : project && { id: project.id, label: project.name }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="title"
            label={t('activities.title')}
            rules={[{ ...required, whitespace: true }, { min: limits.activityTitle.min, message: t('validation.min', { n: limits.activityTitle.min }) }]}
          >
            <Input maxLength={limits.activityTitle.max} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('activities.description')}>
        <Input.TextArea maxLength={limits.longText} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="time" label={t('activities.time')} extra={t('activities.beijingTime')} rules={[required]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={WALL_CLOCK} className="full-width" disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="recruit" label={t('activities.recruit')} extra={t('activities.recruitHint')}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={WALL_CLOCK} className="full-width" allowEmpty={[true, true]} disabled={locked} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="quota"
            label={t('activities.quota')}
            rules={[required]}
            extra={activity && t('activities.quotaHint', { n: activity.confirmedCount })}
          >
            <InputNumber min={Math.max(1, activity?.confirmedCount ?? 1)} max={limits.quota} precision={0} className="full-width" />
          </Form.Item>
        </Col>
        {!activity && (
          <Col span={8}>
            <Form.Item name="repeatWeeks" label={t('activities.repeatWeeks')} extra={t('activities.repeatHint')}>
              <InputNumber min={0} max={limits.repeatWeeks} precision={0} className="full-width" />
            </Form.Item>
          </Col>
        )}
        <Col span={8}>
          <Form.Item name="requiresApproval" label={t('activities.requiresApproval')} valuePropName="checked" extra={t('activities.requiresApprovalHint')}>
            <Switch disabled={Boolean(activity)} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>{t('activities.place')}</Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="siteId" label={t('activities.site')} extra={t('activities.siteHint')} rules={[required]}>
            <SiteSelect
              disabled={Boolean(activity)}
              initial={activity && { id: activity.site.id, label: activity.site.name }}
              onChange={(_id, site) => siteChosen(site)}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="address" label={t('activities.address')}>
            <Input maxLength={limits.address} disabled={locked} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <ConfigProvider componentDisabled={locked}>
          <CoordinateFields span={8} />
        </ConfigProvider>
        <Col span={8}>
          <Form.Item name="checkinRadiusM" label={t('activities.radius')} rules={[required]}>
            <InputNumber
              min={limits.checkinRadius.min}
              max={limits.checkinRadius.max}
              precision={0}
              suffix={t('activities.metres')}
              className="full-width"
              disabled={locked}
            />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>{t('activities.requirements')}</Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="minAge" label={t('activities.minAge')}>
            <InputNumber min={0} max={limits.minAge} precision={0} className="full-width" placeholder={t('activities.noMinAge')} disabled={locked} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="requiredSkills" label={t('activities.requiredSkills')} extra={t('volunteers.skillsHint')}>
            <Select<string[]>
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              maxCount={limits.requiredSkills}
              open={false}
              suffixIcon={null}
              disabled={locked}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="requiredQualification" label={t('activities.requiredQualification')} extra={t('activities.requiredQualificationHint')}>
        <QualificationSelect area={siteRegion} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="riskFlagged" label={t('activities.riskFlagged')} valuePropName="checked">
            <Switch disabled={Boolean(activity)} />
          </Form.Item>
        </Col>
        <Col span={16}>
          {riskFlagged && (
            <Form.Item name="insuranceRef" label={t('activities.insuranceRef')} extra={t('activities.insuranceHint')} rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={limits.insuranceRef} disabled={Boolean(activity)} />
            </Form.Item>
          )}
        </Col>
      </Row>
      {repeatWeeks > 0 && (
        <Typography.Paragraph type="secondary">{t('activities.repeatSummary', { n: repeatWeeks + 1 })}</Typography.Paragraph>
      )}
    </FormModal>
  );
}
