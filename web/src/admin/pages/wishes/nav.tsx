// The console's menu entries of micro-wishes and campaigns (ConsoleLayout lists them).
import { GiftOutlined, TrophyOutlined } from '@ant-design/icons';
import type { Translate } from '../../../shared/i18n';

export const wishNavItems = (t: Translate) => [
  { key: 'wishes', icon: <GiftOutlined />, label: t('wish.menu.wishes') },
  { key: 'campaigns', icon: <TrophyOutlined />, label: t('wish.menu.campaigns') },
];
