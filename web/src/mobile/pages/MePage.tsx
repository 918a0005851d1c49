// 我的: who I am, my roles where, the language, and signing out.
import { Button, List } from 'antd-mobile';
import { roles } from '../../shared/domain';
import { useI18n } from '../../shared/i18n';
import { useMe, useSession } from '../../shared/session';
import { LanguagePicker } from '../LanguagePicker';

export function MePage() {
  const { t } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  // Highest role first, as people introduce themselves.
  const grants = [...me.grants].sort((a, b) => roles.indexOf(b.role) - roles.indexOf(a.role));

  return (
    <>
      <section className="m-profile">
        <h1>{me.user.name}</h1>
        <p>{me.user.phoneMasked}</p>
      </section>
      <List header={t('m.myRoles')}>
        {grants.length === 0 && <List.Item>{t('m.noRoles')}</List.Item>}
        {grants.map((grant) => (
          <List.Item key={grant.id} description={grant.site.name}>{t(`role.${grant.role}`)}</List.Item>
        ))}
      </List>
      <List header={t('lang.label')}>
        <List.Item>
          <LanguagePicker />
        </List.Item>
      </List>
      <div className="m-actions">
        <Button block size="large" color="danger" fill="outline" onClick={() => void signOut()}>{t('layout.logout')}</Button>
      </div>
    </>
  );
}
