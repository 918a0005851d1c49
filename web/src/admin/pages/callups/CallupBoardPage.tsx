// The live board of one call-up: reached / coming / not coming, each post with its places
// filled and who is coming (names masked, phone to call them), those standing by once
// every post is full. Staff move a responder to another post with room, or to standing
// by; a place left goes to the first one standing by. Staff record the answer of a
// volunteer without the app (代为登记, after a phone call). Refreshes every few seconds until
// stand-down (解除动员), which ends the call-up and thanks everyone who came.
import { EditOutlined, LeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, List, Progress, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { CallupBoard } from '../../../api/careTypes';
import { callupStatusName } from '../../../shared/careLabels';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { usePoll } from '../../../shared/usePoll';
import { useAction } from '../../useAction';
import { useDangerConfirm } from '../../useConfirm';
import '../care/care.css';
import { AreaName } from './AreaName';
import { callupStatusColor } from './CallupsPage';
import { RecordAnswerModal } from './RecordAnswerModal';

const REFRESH_MS = 4000;
const nextIn = (board: CallupBoard) => (board.status === 'stood_down' ? null : REFRESH_MS);

export function CallupBoardPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const fetchBoard = useCallback(() => call(api.GET('/api/v1/callups/{id}', { params: { path: { id } } })), [id]);
  const polled = usePoll(fetchBoard, nextIn, REFRESH_MS * 2);
  // The board stand-down answered with, until the next poll brings the same.
  const [stoodDown, setStoodDown] = useState<CallupBoard | null>(null);
  // The board a move or a recorded answer answered with, until the next poll brings a newer one.
  const [changed, setChanged] = useState<{ board: CallupBoard; over: CallupBoard | undefined } | null>(null);
  const current = changed?.board.id === id && changed.over === polled.data ? changed.board : polled.data;
  const board = current?.status === 'stood_down' ? current : stoodDown?.id === id ? stoodDown : current;
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Button icon={<LeftOutlined />} onClick={() => void navigate('/callups')}>{t('callup.menu')}</Button>
      {polled.error !== undefined && <Alert type="warning" showIcon title={t('callup.board.stale', { error: errorMessage(polled.error, t) })} />}
      {board ? <Board board={board} onStoodDown={setStoodDown} onChanged={(next) => setChanged({ board: next, over: polled.data })} /> : polled.error === undefined && <Card loading />}
    </Space>
  );
}

type Person = CallupBoard['standby'][number];
const STANDBY = 0;

function Board({ board, onStoodDown, onChanged }: { board: CallupBoard; onStoodDown(board: CallupBoard): void; onChanged(board: CallupBoard): void }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const moving = useAction<number>();
  const confirm = useDangerConfirm();
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const live = board.status !== 'stood_down';
  const coming = board.posts.reduce((sum, post) => sum + post.assigned, 0) + board.standby.length;

  function standDown() {
    confirm({
      title: t('callup.board.standDownTitle', { title: board.title }),
      content: t('callup.board.standDownBody'),
      okText: t('callup.board.standDown'),
      onOk: () => action.run(async () => {
        onStoodDown(await call(api.POST('/api/v1/callups/{id}/stand-down', { params: { path: { id: board.id } } })));
      }, t('callup.board.stoodDown')),
    });
  }

  function move(person: Person, postId: number) {
    void moving.run(async () => {
      const body = { volunteerId: person.volunteerId, postId: postId === STANDBY ? null : postId };
      onChanged(await call(api.POST('/api/v1/callups/{id}/move', { params: { path: { id: board.id } }, body })));
    }, t('callup.board.moved'), person.volunteerId);
  }

  /** A responder, with (while the call-up is live) where they can be moved: posts with room, or standing by. */
  function responder(person: Person, postId: number) {
    const options = [
      ...board.posts.filter((post) => post.id !== postId && post.assigned < post.capacity).map((post) => ({ value: post.id, label: post.name })),
      ...(postId === STANDBY ? [] : [{ value: STANDBY, label: t('callup.board.toStandby') }]),
    ];
    return (
      <List.Item
        extra={formatDateTime(person.at, lang)}
        actions={live && options.length > 0 ? [
          <Select
            key="move"
            size="small"
            value={null}
            placeholder={t('callup.board.moveTo')}
            aria-label={t('callup.board.moveTo')}
            popupMatchSelectWidth={false}
            loading={moving.busy === person.volunteerId}
            disabled={moving.busy !== null}
            options={options}
            onChange={(target: number) => move(person, target)}
          />,
        ] : undefined}
      >
        <Space>{person.name}<Typography.Text type="secondary">{person.phoneMasked}</Typography.Text></Space>
      </List.Item>
    );
  }

  return (
    <>
      <Card
        title={<Space>{board.title}<Tag color={callupStatusColor[board.status]}>{callupStatusName(t, board.status)}</Tag></Space>}
        extra={live && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setRecording(true)}>{t('callup.record.open')}</Button>
            <Button danger type="primary" loading={action.busy === true} onClick={standDown}>{t('callup.board.standDown')}</Button>
          </Space>
        )}
      >
        <Space size="large" wrap>
          <Statistic title={t('callup.board.notified')} value={board.notified} />
          <Statistic title={t('callup.board.accepted')} value={board.accepted} valueStyle={{ color: '#1e8e3e' }} />
          <Statistic title={t('callup.board.declined')} value={board.declined} />
          <Statistic title={t('callup.board.headcount')} value={coming} suffix={`/ ${board.headcount}`} />
          {live && <Typography.Text type="secondary"><ReloadOutlined spin /> {t('callup.board.live')}</Typography.Text>}
        </Space>
        <Descriptions
          className="form-alert"
          column={2}
          size="small"
          items={[
            { key: 'area', label: t('callup.admin.area'), children: <AreaName prefix={board.areaPrefix} /> },
            { key: 'who', label: t('callup.admin.who'), children: [board.reserveOnly ? t('callup.admin.reserveOnly') : t('callup.admin.everyone'), ...board.categories.map((c) => categoryName(t, c)), ...board.skills].join('、') },
            { key: 'created', label: t('callup.admin.createdAt'), children: formatDateTime(board.createdAt, lang) },
            ...(board.description ? [{ key: 'description', label: t('callup.admin.description'), children: board.description }] : []),
          ]}
        />
      </Card>
      <div className="board-posts">
        {board.posts.map((post) => (
          <Card
            key={post.id}
            size="small"
            className={post.assigned >= post.capacity ? 'board-post-full' : undefined}
            title={post.name}
            extra={t('callup.board.filled', { n: post.assigned, capacity: post.capacity })}
            role="region"
            aria-label={post.name}
          >
            {post.address && <Typography.Paragraph type="secondary">{post.address}</Typography.Paragraph>}
            <Progress percent={Math.round((post.assigned / post.capacity) * 100)} showInfo={false} />
            <List
              size="small"
              dataSource={post.responders}
              locale={{ emptyText: t('callup.board.nobody') }}
              renderItem={(person) => responder(person, post.id)}
            />
          </Card>
        ))}
        {board.standby.length > 0 && (
          <Card size="small" title={t('callup.board.standby')} role="region" aria-label={t('callup.board.standby')}>
            <List
              size="small"
              dataSource={board.standby}
              renderItem={(person) => responder(person, STANDBY)}
            />
          </Card>
        )}
      </div>
      {recording && live && (
        <RecordAnswerModal
          board={board}
          onRecorded={(next) => {
            onChanged(next);
            void message.success(t('callup.record.done'));
          }}
          onClose={() => setRecording(false)}
        />
      )}
    </>
  );
}
