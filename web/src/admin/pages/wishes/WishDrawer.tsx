// One wish in full for the staff who serve its beneficiary: the story, the name and phone,
// the claim and its deadline, how it came true (with photos), and every step it went through.
import { Descriptions, Image, Space, Timeline } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { asCategory, asGroup, asStatus, type Wish } from '../../../shared/wishes';
import { LoadDrawer } from '../../components/LoadDrawer';
import { WishActions } from './WishActions';
import { WishStatusTag } from './WishStatusTag';

export function WishDrawer({ id, onChanged, onClose }: { id: number; onChanged(wish: Wish): void; onClose(): void }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(useCallback(() => call(api.GET('/api/v1/wishes/{id}', { params: { path: { id } } })), [id]));
  return (
    <LoadDrawer loaded={loaded} size={640} fallbackTitle={t('wish.c.details')} title={(wish) => t('wish.c.detailTitle', { title: wish.title })} onClose={onClose}>
      {(wish) => {
        const category = asCategory(wish.category);
        const group = asGroup(wish.beneficiaryGroup);
        return (
          <Space orientation="vertical" size="large" className="full-width">
            <Space wrap>
              <WishStatusTag status={wish.status} />
              <WishActions wish={wish} onChanged={(changed) => { onChanged(changed); loaded.reload(); }} />
            </Space>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('wish.c.story')}>{wish.story}</Descriptions.Item>
              <Descriptions.Item label={t('wish.c.beneficiary')}>{`${wish.beneficiaryName}（${group ? t(`wish.group.${group}`) : wish.beneficiaryGroup}）`}</Descriptions.Item>
              {wish.beneficiaryPhone && <Descriptions.Item label={t('wish.c.phone')}>{wish.beneficiaryPhone}</Descriptions.Item>}
              <Descriptions.Item label={t('wish.c.category')}>{category ? t(`wish.category.${category}`) : wish.category}</Descriptions.Item>
              <Descriptions.Item label={t('wish.c.site')}>{wish.site.name}</Descriptions.Item>
              {wish.campaign && <Descriptions.Item label={t('wish.c.campaign')}>{wish.campaign.name}</Descriptions.Item>}
              {wish.estimatedValueYuan !== null && <Descriptions.Item label={t('wish.c.value')}>{t('wish.valueYuan', { n: wish.estimatedValueYuan })}</Descriptions.Item>}
              {wish.rejectReason && <Descriptions.Item label={t('wish.c.rejectReason')}>{wish.rejectReason}</Descriptions.Item>}
              {wish.claimer && <Descriptions.Item label={t('wish.c.claimer')}>{`${t(`wish.claimer.${wish.claimer.kind}`)}：${wish.claimer.name}`}</Descriptions.Item>}
              {wish.claimDeadline && <Descriptions.Item label={t('wish.c.deadline')}>{formatDateTime(wish.claimDeadline, lang)}</Descriptions.Item>}
              {wish.fulfilNote && <Descriptions.Item label={t('wish.c.fulfilNote')}>{wish.fulfilNote}</Descriptions.Item>}
            </Descriptions>
            {wish.fulfilPhotos.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap>{wish.fulfilPhotos.map((url, index) => <Image key={url} src={url} width={120} alt={t('wish.m.photoAlt', { n: index + 1 })} />)}</Space>
              </Image.PreviewGroup>
            )}
            <section aria-label={t('wish.c.timeline')}>
              <h3>{t('wish.c.timeline')}</h3>
              <Timeline
                items={wish.timeline.map((event) => {
                  const status = asStatus(event.to);
                  return {
                    key: `${event.at}-${event.to}`,
                    content: [formatDateTime(event.at, lang), status ? t(`wish.status.${status}`) : event.to, event.actor, event.note].filter(Boolean).join(' · '),
                  };
                })}
              />
            </section>
          </Space>
        );
      }}
    </LoadDrawer>
  );
}
