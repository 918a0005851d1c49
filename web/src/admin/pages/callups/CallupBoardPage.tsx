// The live board of one call-up: reached / coming / not coming, each post with its places
// filled and who is coming (names masked, phone to call them), those standing by once
// every post is full. Refreshes every few seconds until stand-down (解除动员), which ends
// the call-up and thanks everyone who came.
import { LeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Progress, Space, Statistic, Tag, Typography } from 'antd';
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
  const board = polled.data?.status === 'stood_down' ? polled.data : stoodDown?.id === id ? stoodDown : polled.data;
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Button icon={<LeftOutlined />} onClick={() => void navigate('/callups')}>{t('callup.menu')}</Button>
      {polled.error !== undefined && <Alert type="warning" showIcon title={t('callup.board.stale', { error: errorMessage(polled.error, t) })} />}
      {board ? <Board board={board} onStoodDown={setStoodDown} /> : polled.error === undefined && <Card loading />}
    </Space>
  );
}

function Board({ board, onStoodDown }: { board: CallupBoard; onStoodDown(board: CallupBoard): void }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const confirm = useDangerConfirm();
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

  return (
    <>
      <Card
        title={<Space>{board.title}<Tag color={callupStatusColor[board.status]}>{callupStatusName(t, board.status)}</Tag></Space>}
        extra={live && <Button danger type="primary" loading={action.busy === true} onClick={standDown}>{t('callup.board.standDown')}</Button>}
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
              renderItem={(person) => (
                <List.Item extra={formatDateTime(person.at, lang)}>
                  <Space>{person.name}<Typography.Text type="secondary">{person.phoneMasked}</Typography.Text></Space>
                </List.Item>
              )}
            />
          </Card>
        ))}
        {board.standby.length > 0 && (
          <Card size="small" title={t('callup.board.standby')} role="region" aria-label={t('callup.board.standby')}>
            <List
              size="small"
              dataSource={board.standby}
              renderItem={(person) => (
                <List.Item extra={formatDateTime(person.at, lang)}>
                  <Space>{person.name}<Typography.Text type="secondary">{person.phoneMasked}</Typography.Text></Space>
                </List.Item>
              )}
            />
          </Card>
        )}
      </div>
    </>
  );
}
