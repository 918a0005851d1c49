// The bell in the console's header: the unread count, and a click to the inbox.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { useInboxCount } from './inboxCount';

export function InboxBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { unread } = useInboxCount();
  return (
    <Badge count={unread} size="small" overflowCount={99}>
      <Button
        icon={<BellOutlined />}
        aria-label={unread > 0 ? t('inbox.bellUnread', { n: unread }) : t('inbox.bell')}
        onClick={() => void navigate('/inbox')}
      />
    </Badge>
  );
}
