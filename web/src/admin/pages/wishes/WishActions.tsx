// What the station does with a wish in a row or the drawer: review one that waits
// (approve, reject with a reason, merge a duplicate), or confirm a fulfilled one for the
// beneficiary after checking with them. Staff may also claim a wish on the wall for a unit,
// record a unit's claim fulfilled (with the volunteers who served), and give back one they made.
import { MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import type { Wish } from '../../../shared/wishes';
import { ReviewButtons } from '../../components/ReviewButtons';
import { useAction } from '../../useAction';
import { ClaimUnitModal } from './ClaimUnitModal';
import { FulfilUnitModal } from './FulfilUnitModal';
import { MergeModal } from './MergeModal';

export function WishActions({ wish, onChanged }: { wish: Wish; onChanged(wish: Wish): void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const confirming = useAction();
  const [merging, setMerging] = useState(false);
  const [claiming, setClaiming] = useState(false);
  const [fulfilling, setFulfilling] = useState(false);
  const path = { params: { path: { id: wish.id } } };

  if (wish.status === 'submitted') {
    return (
      <Space size="small">
        <ReviewButtons name={wish.title} review={async (body) => onChanged(await call(api.POST('/api/v1/wishes/{id}/review', { ...path, body })))} />
        <Button size="small" icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>{t('wish.c.merge')}</Button>
        {merging && (
          <MergeModal
            wish={wish}
            onMerged={(merged) => {
              setMerging(false);
              onChanged(merged);
            }}
            onClose={() => setMerging(false)}
          />
        )}
      </Space>
    );
  }
  if (wish.status === 'published') {
    return (
      <>
        <Button size="small" onClick={() => setClaiming(true)}>{t('wish.c.claimUnit')}</Button>
        {claiming && (
          <ClaimUnitModal
            wish={wish}
            onClaimed={(claimed) => {
              setClaiming(false);
              onChanged(claimed);
            }}
            onClose={() => setClaiming(false)}
          />
        )}
      </>
    );
  }
  // Any staff over the wish's area may record a unit's claim fulfilled; the server lets only
  // the staff member who claimed give it back, and tells another one so.
  if (wish.status === 'claimed' && wish.claimer?.kind === 'unit') {
    return (
      <Space size="small">
        <Button size="small" type="primary" onClick={() => setFulfilling(true)}>{t('wish.c.fulfil')}</Button>
        {fulfilling && (
          <FulfilUnitModal
            wish={wish}
            onFulfilled={(fulfilled) => {
              setFulfilling(false);
              onChanged(fulfilled);
            }}
            onClose={() => setFulfilling(false)}
          />
        )}
        <Button
          size="small"
          danger
          loading={confirming.busy !== null}
          onClick={() => modal.confirm({
            title: t('wish.c.release'),
            content: t('wish.c.releaseAsk', { title: wish.title }),
            okText: t('wish.c.release'),
            okButtonProps: { danger: true },
            cancelText: t('common.cancel'),
            onOk: () => confirming.run(
              async () => onChanged(await call(api.POST('/api/v1/wishes/{id}/release', path))),
              t('wish.c.released', { title: wish.title }),
            ),
          })}
        >
          {t('wish.c.release')}
        </Button>
      </Space>
    );
  }
  if (wish.status === 'fulfilled') {
    return (
      <Button
        size="small"
        type="primary"
        loading={confirming.busy !== null}
        onClick={() => modal.confirm({
          title: t('wish.c.confirm'),
          content: t('wish.c.confirmAsk', { title: wish.title }),
          okText: t('wish.c.confirm'),
          cancelText: t('common.cancel'),
          onOk: () => confirming.run(
            async () => onChanged(await call(api.POST('/api/v1/wishes/{id}/confirm', path))),
            t('wish.c.confirmed', { title: wish.title }),
          ),
        })}
      >
        {t('wish.c.confirm')}
      </Button>
    );
  }
  return null;
}
