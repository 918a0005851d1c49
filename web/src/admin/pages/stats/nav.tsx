// The console's menu entry of the statistics (ConsoleLayout lists it).
import { BarChartOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Translate } from '../../../shared/i18n';

export const statsNavItems = (t: Translate): NonNullable<MenuProps['items']> => [
  { key: 'stats', icon: <BarChartOutlined />, label: t('stats.menu') },
];
