// On 我的: the ways into pairing & assistance, training and call-ups.
import { List } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';

export function CareLinks() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <List header={t('care.links.header')}>
      <List.Item arrowIcon onClick={() => void navigate('/care')}>{t('care.mine.title')}</List.Item>
      <List.Item arrowIcon onClick={() => void navigate('/training')}>{t('training.mine.title')}</List.Item>
      <List.Item arrowIcon onClick={() => void navigate('/callups')}>{t('callup.mine.title')}</List.Item>
    </List>
  );
}
