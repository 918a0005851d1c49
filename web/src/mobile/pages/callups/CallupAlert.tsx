// On 首页, above everything else: the call-ups waiting for my answer (none: nothing shown).
import { AlertOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { loadMyCallups } from './CallupsPage';

export function CallupAlert() {
  const { t } = useI18n();
  const { data } = useLoad(loadMyCallups);
  const waiting = data?.items.filter((callup) => callup.myAnswer === null) ?? [];
  if (waiting.length === 0) return null;
  const [first] = waiting;
  return (
    <li>
      <Link className="m-alert-card" to={waiting.length === 1 ? `/callups/${first!.id}` : '/callups'}>
        <h2><AlertOutlined aria-hidden /> {t('callup.alert.title', { n: waiting.length })}</h2>
        <p>{first!.title}</p>
        <span className="m-button-link">{t('callup.alert.action')}</span>
      </Link>
    </li>
  );
}
