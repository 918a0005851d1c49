// 合并重复: the server's likely duplicates of a wish under review (the same beneficiary
// first, then near-identical text), each with why; merging folds this wish into the chosen one.
import { Alert, App, Button, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import type { Wish, WishDetail, WishDuplicate } from '../../../shared/wishes';
import { useAction } from '../../useAction';
import { WishStatusTag } from './WishStatusTag';

export function MergeModal({ wish, onMerged, onClose }: { wish: Wish; onMerged(wish: WishDetail): void; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const duplicates = useLoad(useCallback(() => call(api.GET('/api/v1/wishes/{id}/duplicates', { params: { path: { id: wish.id } } })), [wish.id]));
  const merging = useAction<number>();

  async function merge(target: number) {
    await merging.run(async () => {
      onMerged(await call(api.POST('/api/v1/wishes/{id}/review', { params: { path: { id: wish.id } }, body: { decision: 'merge', mergeIntoId: target } })));
      void message.success(t('wish.c.merged', { id: target }));
    }, undefined, target);
  }

  return (
    <Modal open width={720} title={t('wish.c.mergeTitle', { title: wish.title })} footer={null} onCancel={onClose}>
      <p>{t('wish.c.mergeIntro')}</p>
      {duplicates.error !== undefined && (
        <Alert type="error" showIcon title={errorMessage(duplicates.error, t)} action={<Button size="small" onClick={duplicates.reload}>{t('common.retry')}</Button>} />
      )}
      <Table<WishDuplicate>
        rowKey={(item) => item.wish.id}
        size="middle"
        pagination={false}
        loading={duplicates.data === undefined && duplicates.error === undefined}
        dataSource={duplicates.data?.items ?? []}
        locale={{ emptyText: duplicates.data ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wish.c.noDuplicates')} /> : ' ' }}
        columns={[
          {
            key: 'wish',
            title: t('wish.c.title'),
            render: (_, item) => (
              <Space orientation="vertical" size={2}>
                <Space wrap>{`#${item.wish.id} ${item.wish.title}`}<WishStatusTag status={item.wish.status} /></Space>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="wish-story">{item.wish.story}</Typography.Paragraph>
              </Space>
            ),
          },
          { key: 'beneficiary', title: t('wish.c.beneficiary'), render: (_, item) => item.wish.beneficiaryName },
          {
            key: 'why',
            title: t('wish.c.why'),
            render: (_, item) => (
              <Space orientation="vertical" size={2}>
                {item.sameBeneficiary && <Tag color="red">{t('wish.c.sameBeneficiary')}</Tag>}
                <Tag>{t('wish.c.similarity', { n: Math.round(item.similarity * 100) })}</Tag>
              </Space>
            ),
          },
          {
            key: 'action',
            title: t('common.actions'),
            render: (_, item) => (
              <Button type="primary" size="small" loading={merging.busy === item.wish.id} disabled={merging.busy !== null} onClick={() => void merge(item.wish.id)}>
                {t('wish.c.mergeInto')}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
