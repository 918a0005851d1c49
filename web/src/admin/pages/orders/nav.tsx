// The console's menu entries of service orders: the dispatch board and the menu (ConsoleLayout lists them).
import { OrderedListOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import type { Translate } from '../../../shared/i18n';

export const orderNavItems = (t: Translate) => [
  { key: 'orders', icon: <ShoppingCartOutlined />, label: t('order.nav.board') },
  { key: 'menu', icon: <OrderedListOutlined />, label: t('order.nav.menu') },
];
