// 我的培训: the qualifications I hold, and the courses open to me (my county's and those
// run for the whole city or province), each saying whether I have completed it.
import { Tag } from 'antd-mobile';
import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { Empty, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';

export function TrainingPage() {
  const { t, lang } = useI18n();
  const load = useCallback(async () => {
    const [courses, mine] = await Promise.all([call(api.GET('/api/v1/courses')), call(api.GET('/api/v1/training/mine'))]);
    return { courses: courses.items, mine };
  }, []);
  const state = useLoad(load);
  return (
    <>
      <PageHeader title={t('training.mine.title')} back="/me" />
      <Loaded state={state}>
        {({ courses, mine }) => {
          const done = new Map(mine.records.map((record) => [record.courseId, record]));
          return (
            <>
              <h2 className="m-section-title">{t('training.mine.qualifications')}</h2>
              {mine.qualifications.length === 0 ? <Empty>{t('training.mine.noQualifications')}</Empty> : (
                <ul className="m-list-cards" aria-label={t('training.mine.qualifications')}>
                  {mine.qualifications.map((q) => (
                    <li key={q.qualification} className="m-item-card">
                      <h3>{q.qualification}</h3>
                      <p className="m-meta">{t('training.mine.earnedOn', { date: formatDate(q.earnedAt, lang) })}</p>
                    </li>
                  ))}
                </ul>
              )}
              <h2 className="m-section-title">{t('training.mine.courses')}</h2>
              {courses.length === 0 ? <Empty>{t('training.mine.noCourses')}</Empty> : (
                <ul className="m-list-cards">
                  {courses.map((course) => {
                    const record = done.get(course.id);
                    return (
                      <li key={course.id}>
                        <Link to={`/training/${course.id}`} className="m-item-card">
                          <p className="m-meta">
                            <Tag className="m-tag" color="primary" fill="outline">{t(`training.mode.${course.mode}`)}</Tag>
                            {record
                              ? <Tag className="m-tag" color="success">{record.score === null ? t('training.mine.completed') : t('training.mine.completedScore', { n: record.score })}</Tag>
                              : <Tag className="m-tag">{t('training.mine.notYet')}</Tag>}
                          </p>
                          <h3>{course.title}</h3>
                          <p className="m-meta">
                            <span>{course.category}</span>
                            {course.grantsQualification && <span>{t('training.grants', { q: course.grantsQualification })}</span>}
                          </p>
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
