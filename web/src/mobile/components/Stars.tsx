// 星级: filled stars out of five, with the number in words for screen readers.
import { Rate } from 'antd-mobile';
import { useI18n } from '../../shared/i18n';

export function Stars({ count }: { count: number }) {
  const { t } = useI18n();
  return (
    <span className="m-stars" role="img" aria-label={t('mobile.hours.starsLabel', { n: count })}>
      <Rate readOnly count={5} value={count} />
    </span>
  );
}
