// 微心愿: the wish wall of my county (beneficiaries masked), and 我的心愿 — the wishes I
// made and the ones I claimed, each with where it stands. 我要许愿 is always one tap away.
import { Tabs } from 'antd-mobile';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { PageHeader } from '../../components/PageHeader';
import { MyWishes } from './MyWishes';
import { WishWall } from './WishWall';

export function WishesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'mine' ? 'mine' : 'wall';
  return (
    <>
      <PageHeader title={t('wish.m.title')} back="/" />
      <Link className="m-button-link" to="/wishes/new">{t('wish.m.post')}</Link>
      <Tabs className="m-tabs" activeKey={view} onChange={(key) => setParams(key === 'mine' ? { view: 'mine' } : {}, { replace: true })}>
        <Tabs.Tab key="wall" title={t('wish.m.wall')}>
          <WishWall />
        </Tabs.Tab>
        <Tabs.Tab key="mine" title={t('wish.m.mine')}>
          <MyWishes />
        </Tabs.Tab>
      </Tabs>
    </>
  );
}
