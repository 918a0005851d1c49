// 首页: a greeting and the services to come, clearly marked as not open yet.
import { GiftOutlined, HeartOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Card, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../../shared/i18n';
import { useMe } from '../../shared/session';

const upcoming: { key: string; icon: ReactNode; title: MessageKey; body: MessageKey }[] = [
  { key: 'wishes', icon: <GiftOutlined />, title: 'm.wishes', body: 'm.wishesBody' },
  { key: 'activities', icon: <HeartOutlined />, title: 'm.activities', body: 'm.activitiesBody' },
  { key: 'orders', icon: <ShoppingCartOutlined />, title: 'm.orders', body: 'm.ordersBody' },
];

export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <>
      <h1 className="m-greeting">{t('m.greeting', { name: me.user.name })}</h1>
      <p className="m-subtitle">{t('m.subtitle')}</p>
      <ul className="m-cards">
        {upcoming.map((item) => (
          <li key={item.key}>
            <Card className="m-card">
              <div className="m-card-head">
                <span className="m-card-icon" aria-hidden>{item.icon}</span>
                <h2>{t(item.title)}</h2>
                <Tag color="warning" className="m-soon">{t('m.comingSoon')}</Tag>
              </div>
              <p>{t(item.body)}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
