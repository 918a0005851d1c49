// 代为登记: staff record the answer of a volunteer the call-up targets, after a phone call
// (volunteers imported by staff may have no app; their SMS told them to call the station).
// The volunteer is found by name, initials or the last digits of their phone, among the
// call-up's area (and reserve); the server places an accept exactly as the volunteer's
// own would be: the post chosen, or the emptiest with room, or standing by when full.
import { Form, Radio, Select, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import type { CallupBoard } from '../../../api/careTypes';
import type { Volunteer } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { FormModal } from '../../components/FormModal';
import { SearchSelect } from '../../components/SearchSelect';
import { useFormSubmit } from '../../forms';

const ANY_POST = 0;
const LIMIT = 20;
/** The phone's stored tail searched: typed digits beyond it only narrow it down by eye. */
const PHONE_TAIL = 4;

interface Values {
  volunteerId: number;
  decision: 'accept' | 'decline';
  postId: number;
}

/** Volunteers of the call-up's area (its reserve, when it calls only the reserve), by name or phone digits. */
function TargetSelect({ board, ...props }: { board: CallupBoard; id?: string; value?: number | null; onChange?(id: number | undefined): void }) {
  const { t } = useI18n();
  const search = useCallback(async (typed: string | undefined) => {
    const text = typed?.replace(/\s/g, '');
    const byPhone = text !== undefined && /^\d+$/.test(text);
    const query = {
      under: board.areaPrefix, status: 'active' as const, limit: LIMIT,
      ...(board.reserveOnly && { emergencyReserve: true }),
      ...(byPhone ? { phoneSuffix: text.slice(-PHONE_TAIL) } : text ? { q: text } : {}),
    };
    return (await call(api.GET('/api/v1/volunteers', { params: { query } }))).items;
  }, [board.areaPrefix, board.reserveOnly]);
  return (
    <SearchSelect<Volunteer>
      {...props}
      placeholder={t('callup.record.searchPlaceholder')}
      search={search}
      idOf={(volunteer) => volunteer.id}
      labelOf={(volunteer) => `${volunteer.name}（${volunteer.phoneMasked}）`}
      notFound={t('volunteers.noMatch')}
      render={(volunteer) => (
        <Space size="small">
          <span>{volunteer.name}</span>
          <Typography.Text type="secondary">{volunteer.phoneMasked} · {volunteer.site.name}</Typography.Text>
        </Space>
      )}
    />
  );
}

export function RecordAnswerModal({ board, onRecorded, onClose }: { board: CallupBoard; onRecorded(board: CallupBoard): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const submission = useFormSubmit(form, async (values) => {
    const body = { volunteerId: values.volunteerId, decision: values.decision, ...(values.decision === 'accept' && values.postId !== ANY_POST && { postId: values.postId }) };
    onRecorded(await call(api.POST('/api/v1/callups/{id}/answers', { params: { path: { id: board.id } }, body })));
    onClose();
  });
  const postOptions = [
    { value: ANY_POST, label: t('callup.detail.anyPost') },
    ...board.posts.map((post) => ({
      value: post.id,
      label: post.assigned < post.capacity
        ? `${post.name}（${t('callup.detail.left', { n: post.capacity - post.assigned })}）`
        : `${post.name}（${t('callup.record.fullStandby')}）`,
    })),
  ];
  return (
    <FormModal<Values>
      title={t('callup.record.title', { title: board.title })}
      okText={t('callup.record.ok')}
      form={form}
      submission={submission}
      initialValues={{ decision: 'accept', postId: ANY_POST }}
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">{t('callup.record.intro')}</Typography.Paragraph>}
    >
      <Form.Item name="volunteerId" label={t('callup.record.volunteer')} rules={[{ required: true, message: t('validation.required') }]}>
        <TargetSelect board={board} />
      </Form.Item>
      <Form.Item name="decision" label={t('callup.record.answer')}>
        <Radio.Group
          options={[{ value: 'accept', label: t('callup.record.accept') }, { value: 'decline', label: t('callup.record.decline') }]}
        />
      </Form.Item>
      {decision !== 'decline' && (
        <Form.Item name="postId" label={t('callup.detail.choosePost')}>
          <Select options={postOptions} />
        </Form.Item>
      )}
    </FormModal>
  );
}
