// Who is signed in and as what, plus the language, password and sign-out controls.
import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { topGrant } from '../../shared/domain';
import { useI18n } from '../../shared/i18n';
import { useMe, useSession } from '../../shared/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { ChangePasswordModal } from './ChangePasswordModal';
import { InboxBell } from './InboxBell';

export function UserBar() {
  const { t } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const [changingPassword, setChangingPassword] = useState(false);
  const grant = topGrant(me.grants);

  return (
    <Space size="middle" className="user-bar">
      <Space size="small">
        <UserOutlined />
        <Typography.Text strong>{me.user.name}</Typography.Text>
        {grant && <Tag color="red" title={grant.site.name}>{t(`role.${grant.role}`)}</Tag>}
        {grant && <Typography.Text type="secondary" ellipsis className="user-bar-site">{grant.site.name}</Typography.Text>}
      </Space>
      <InboxBell />
      <LanguageSwitch />
      <Button icon={<LockOutlined />} onClick={() => setChangingPassword(true)}>{t('password.change')}</Button>
      <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>{t('layout.logout')}</Button>
      <ChangePasswordModal
        open={changingPassword || me.user.mustChangePassword}
        required={me.user.mustChangePassword}
        onClose={() => setChangingPassword(false)}
      />
    </Space>
  );
}
