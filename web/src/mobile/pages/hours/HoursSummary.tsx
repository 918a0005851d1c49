// 累计服务时长 and 星级 at a glance, with how far the next star is.
import type { MyHours } from '../../../api/types';
import { useI18n } from '../../../shared/i18n';
import { Stars } from '../../components/Stars';
import { roundHours } from '../../format';

export function HoursSummary({ hours }: { hours: Pick<MyHours, 'hours' | 'stars' | 'nextStarHours' | 'records'> }) {
  const { t } = useI18n();
  const toNext = hours.nextStarHours === null ? null : roundHours(Math.max(0, hours.nextStarHours - hours.hours));
  return (
    <section className="m-hours-summary" aria-label={t('mobile.hours.summary')}>
      <p className="m-hours-total">
        <span>{t('mobile.hours.total')}</span>
        <strong>{t('mobile.hours.value', { n: roundHours(hours.hours) })}</strong>
      </p>
      <div className="m-hours-stars">
        <Stars count={hours.stars} />
        <span>{t('mobile.hours.stars', { n: hours.stars })}</span>
      </div>
      <p className="m-hours-next">
        {toNext === null
          ? t('mobile.hours.topStar')
          : t('mobile.hours.toNextStar', { n: toNext, star: hours.stars + 1, threshold: hours.nextStarHours ?? 0 })}
      </p>
    </section>
  );
}
