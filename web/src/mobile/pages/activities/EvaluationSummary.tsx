// 活动评价 for the leader: the volunteers' average score, how many rated, their latest comments.
import type { Ok, Path } from '../../../api/derive';
import { useI18n } from '../../../shared/i18n';
import { Empty } from '../../components/Async';
import { formatDate } from '../../format';

export type Evaluations = Ok<Path<'/api/v1/activities/{id}/evaluations', 'get'>>;

export function EvaluationSummary({ evaluations }: { evaluations: Evaluations }) {
  const { t, lang } = useI18n();
  return (
    <section className="m-detail" aria-labelledby="evaluations-title">
      <h2 id="evaluations-title" className="m-section-title">{t('evaluations.title')}</h2>
      {evaluations.averageScore === null ? <Empty>{t('evaluations.none')}</Empty> : (
        <>
          <p className="m-state">{t('evaluations.average', { score: evaluations.averageScore, n: evaluations.ratings })}</p>
          {evaluations.comments.length > 0 && (
            <>
              <h3>{t('evaluations.comments')}</h3>
              <ul className="m-plain-list">
                {evaluations.comments.map((row, index) => (
                  <li key={`${row.createdAt}-${index}`}>
                    {t('evaluations.score', { n: row.score })} · {row.comment} <span className="m-hint">{formatDate(row.createdAt, lang)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
