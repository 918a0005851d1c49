// The console's menu group of pairing & assistance, training and call-ups (ConsoleLayout lists it).
import { AlertOutlined, HeartOutlined, ReadOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Translate } from '../../../shared/i18n';

export const careNavItems = (t: Translate): NonNullable<MenuProps['items']> => [
  {
    key: 'care-group', type: 'group', label: t('care.menuGroup'),
    children: [
      { key: 'care', icon: <HeartOutlined />, label: t('care.menu') },
      { key: 'training', icon: <ReadOutlined />, label: t('training.menu') },
      { key: 'callups', icon: <AlertOutlined />, label: t('callup.menu') },
    ],
  },
];
