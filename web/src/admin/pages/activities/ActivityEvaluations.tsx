// 志愿者评价: what the volunteers who attended think of the activity — the average score,
// how many rated, and their latest comments (without names).
import { Alert, Button, Card, List, Rate, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';

export function ActivityEvaluations({ activityId }: { activityId: number }) {
  const { t, lang } = useI18n();
  const evaluations = useLoad(useCallback(() => call(api.GET('/api/v1/activities/{id}/evaluations', { params: { path: { id: activityId } } })), [activityId]));
  const data = evaluations.data;
  return (
    <Card title={t('evaluations.title')} loading={!data && evaluations.error === undefined}>
      {evaluations.error !== undefined && (
        <Alert type="error" showIcon title={errorMessage(evaluations.error, t)} action={<Button size="small" onClick={evaluations.reload}>{t('common.retry')}</Button>} />
      )}
      {data && data.averageScore === null && <Typography.Text type="secondary">{t('evaluations.none')}</Typography.Text>}
      {data && data.averageScore !== null && (
        <Space orientation="vertical" className="full-width">
          <Space>
            <Rate disabled allowHalf value={Math.round(data.averageScore * 2) / 2} />
            <Typography.Text strong>{t('evaluations.average', { score: data.averageScore, n: data.ratings })}</Typography.Text>
          </Space>
          {data.comments.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('evaluations.comments')}</Typography.Text>}
              dataSource={data.comments}
              renderItem={(row) => (
                <List.Item extra={<Typography.Text type="secondary">{formatDateTime(row.createdAt, lang)}</Typography.Text>}>
                  {t('evaluations.score', { n: row.score })} · {row.comment}
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
