// The console's menu entry of the audit log (ConsoleLayout lists it): for center admins and above.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Grant } from '../../../api/types';
import { rank } from '../../../shared/domain';
import type { Translate } from '../../../shared/i18n';

export const mayReadAudit = (grants: readonly Grant[]) => grants.some((grant) => rank(grant.role) >= rank('center_admin'));

export const auditNavItems = (t: Translate, grants: readonly Grant[]): NonNullable<MenuProps['items']> =>
  mayReadAudit(grants) ? [{ key: 'audit', icon: <SafetyCertificateOutlined />, label: t('audit.menu') }] : [];
