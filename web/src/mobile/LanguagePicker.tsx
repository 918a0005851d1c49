import { Selector } from 'antd-mobile';
import { useI18n, type Lang } from '../shared/i18n';

export function LanguagePicker() {
  const { lang, setLang, t } = useI18n();
  return (
    <div role="group" aria-label={t('lang.label')}>
      <Selector<Lang>
        className="m-language"
        showCheckMark={false}
        value={[lang]}
        onChange={([next]) => next && setLang(next)}
        options={[{ label: '中文', value: 'zh' }, { label: 'English', value: 'en' }]}
      />
    </div>
  );
}
