import { Segmented } from 'antd';
import { useI18n, type Lang } from '../../shared/i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      aria-label={t('lang.label')}
      value={lang}
      onChange={setLang}
      options={[{ label: '中文', value: 'zh' }, { label: 'English', value: 'en' }]}
    />
  );
}
