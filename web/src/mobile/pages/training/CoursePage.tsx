// One course: what it teaches, its materials, the qualification it grants; an online
// course's quiz (scored on the server: a pass completes the course and grants the
// qualification), an offline course's sessions to sign up for.
import { Button, Input, Popup, Radio, Space, Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Course, QuizResult } from '../../../api/careTypes';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { DoneText, Empty, ErrorText, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatTimeRange } from '../../format';
import { useAction } from '../../useAction';
import { useNow } from '../../useNow';
import { QrScanner } from '../activities/QrScanner';

/** Attendance opens this long before the start. */
const EARLY_MS = 30 * 60_000;

export function CoursePage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const load = useCallback(async () => {
    const [course, mine] = await Promise.all([
      call(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })),
      call(api.GET('/api/v1/training/mine')),
    ]);
    return { course, record: mine.records.find((record) => record.courseId === id) ?? null };
  }, [id]);
  const state = useLoad(load);
  return (
    <>
      <PageHeader title={t('training.course.title')} back="/training" />
      <Loaded state={state}>
        {({ course, record }) => (
          <article className="m-detail">
            <h2 className="m-detail-title">{course.title}</h2>
            <p className="m-meta">
              <Tag className="m-tag" color="primary" fill="outline">{t(`training.mode.${course.mode}`)}</Tag>
              <span>{course.category}</span>
              {record && <Tag className="m-tag" color="success">{t('training.mine.completed')}</Tag>}
            </p>
            {course.grantsQualification && <p className="m-hint">{t('training.course.grantsLong', { q: course.grantsQualification })}</p>}
            {course.description && <p className="m-description">{course.description}</p>}
            {course.materials.length > 0 && (
              <>
                <h3 className="m-section-title">{t('training.course.materials')}</h3>
                <ul className="m-plain-list">
                  {course.materials.map((material) => (
                    <li key={material.url}>
                      <a className="m-text-link" href={material.url} target="_blank" rel="noopener">
                        {t(`training.material.${material.kind === 'video' ? 'video' : 'document'}`)}：{material.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {course.quiz.length > 0 && <Quiz course={course} passedBefore={record?.score ?? null} onPassed={state.reload} />}
            <Sessions courseId={course.id} offline={course.mode === 'offline'} />
          </article>
        )}
      </Loaded>
    </>
  );
}

function Quiz({ course, passedBefore, onPassed }: { course: Course; passedBefore: number | null; onPassed(): void }) {
  const { t } = useI18n();
  const [answers, setAnswers] = useState<(number | undefined)[]>(() => course.quiz.map(() => undefined));
  const [result, setResult] = useState<QuizResult | null>(null);
  const action = useAction();

  async function submit() {
    const missing = answers.filter((answer) => answer === undefined).length;
    if (missing > 0) return action.setError(t('training.quiz.unanswered', { n: missing }));
    const scored = await action.run(() => call(api.POST('/api/v1/courses/{id}/quiz', { params: { path: { id: course.id } }, body: { answers: answers as number[] } })));
    if (!scored) return;
    setResult(scored);
    if (scored.passed) onPassed();
  }

  if (result) {
    return (
      <section className="m-signup" aria-label={t('training.quiz.result')}>
        <h3 className="m-section-title">{t('training.quiz.result')}</h3>
        <p className="m-state">{t('training.quiz.score', { n: result.score, right: result.right, total: result.total })}</p>
        {result.passed ? (
          <>
            <DoneText>{t('training.quiz.passed', { mark: result.passMark })}</DoneText>
            {result.qualification && <p className="m-hint">{t('training.quiz.qualified', { q: result.qualification })}</p>}
            <Link className="m-button-link" to="/activities">{t('training.quiz.toActivities')}</Link>
          </>
        ) : (
          <>
            <p className="m-error" role="alert">{t('training.quiz.failed', { mark: result.passMark })}</p>
            <Button block size="large" color="primary" onClick={() => {
              setResult(null);
              setAnswers(course.quiz.map(() => undefined));
            }}
            >
              {t('training.quiz.retry')}
            </Button>
          </>
        )}
      </section>
    );
  }

  return (
    <section className="m-signup" aria-label={t('training.quiz.title')}>
      <h3 className="m-section-title">{t('training.quiz.title')}</h3>
      <p className="m-hint">
        {passedBefore !== null ? t('training.quiz.passedBefore', { n: passedBefore }) : t('training.quiz.intro', { n: course.quiz.length, mark: course.passMark })}
      </p>
      <ol className="m-plain-list">
        {course.quiz.map((question, index) => (
          <li key={index}>
            <fieldset className="m-quiz-question">
              <legend className="m-label">{question.question}</legend>
              <Radio.Group
                value={answers[index] ?? null}
                onChange={(value) => setAnswers((previous) => previous.map((answer, i) => (i === index ? Number(value) : answer)))}
              >
                <Space direction="vertical">
                  {question.options.map((option, optionIndex) => <Radio key={optionIndex} value={optionIndex}>{option}</Radio>)}
                </Space>
              </Radio.Group>
            </fieldset>
          </li>
        ))}
      </ol>
      <ErrorText>{action.error}</ErrorText>
      <Button block size="large" color="primary" loading={action.busy} onClick={() => void submit()}>{t('training.quiz.submit')}</Button>
    </section>
  );
}

/** A course's sessions; an online course shows them only when it has some. */
function Sessions({ courseId, offline }: { courseId: number; offline: boolean }) {
  const { t, lang } = useI18n();
  const load = useCallback(() => call(api.GET('/api/v1/courses/{id}/sessions', { params: { path: { id: courseId } } })), [courseId]);
  const state = useLoad(load);
  const action = useAction();
  const [enrolled, setEnrolled] = useState<number | null>(null);
  const now = useNow();

  async function enrol(sessionId: number) {
    const answer = await action.run((headers) => call(api.POST('/api/v1/training-sessions/{id}/enrol', { params: { path: { id: sessionId } }, headers })));
    if (answer) {
      setEnrolled(sessionId);
      state.reload();
    }
  }

  if (!offline && state.data?.items.length === 0) return null;
  return (
    <section aria-label={t('training.sessions.title')}>
      <h3 className="m-section-title">{t('training.sessions.title')}</h3>
      <ErrorText>{action.error}</ErrorText>
      <Loaded state={state}>
        {({ items }) => items.length === 0 ? <Empty>{t('training.sessions.none')}</Empty> : (
          <ul className="m-list-cards">
            {items.map((session) => {
              const left = Math.max(0, session.capacity - session.enrolled);
              return (
                <li key={session.id} className="m-item-card">
                  <p className="m-when">{formatTimeRange(session.startsAt, session.endsAt, lang)}</p>
                  <p className="m-meta">{t('training.sessions.seats', { n: left, capacity: session.capacity })}</p>
                  {now >= Date.parse(session.startsAt) - EARLY_MS && now <= Date.parse(session.endsAt) ? <Attend sessionId={session.id} /> : (
                    enrolled === session.id ? <DoneText>{t('training.sessions.enrolled')}</DoneText> : (
                      <Button block size="large" color="primary" disabled={left === 0} loading={action.busy} onClick={() => void enrol(session.id)}>
                        {t('training.sessions.enrol')}
                      </Button>
                    )
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Loaded>
    </section>
  );
}

/** At the session: scan the lecturer's QR code (or type the code under it) to attend. */
function Attend({ sessionId }: { sessionId: number }) {
  const { t } = useI18n();
  const action = useAction();
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function send(token: string) {
    const result = await action.run(() => call(api.POST('/api/v1/training-sessions/{id}/attend', { params: { path: { id: sessionId } }, body: { token } })));
    if (result) {
      setDone(!result.completed ? t('training.attend.doneQuizLeft')
        : result.qualification ? t('training.attend.doneQualified', { q: result.qualification }) : t('training.attend.done'));
    }
  }

  if (done) return <DoneText>{done}</DoneText>;
  return (
    <div className="m-checkin">
      <ErrorText>{action.error}</ErrorText>
      <Button block size="large" color="primary" loading={action.busy} onClick={() => setScanning(true)}>{t('training.attend.scan')}</Button>
      <form
        className="m-code-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (code.trim()) void send(code.trim());
          else action.setError(t('training.attend.codeRequired'));
        }}
      >
        <label htmlFor={`session-code-${sessionId}`}>{t('training.attend.code')}</label>
        <Input id={`session-code-${sessionId}`} value={code} onChange={setCode} autoComplete="off" clearable />
        <Button block size="large" type="submit" color="primary" fill="outline" loading={action.busy}>{t('training.attend.submit')}</Button>
      </form>
      <Popup visible={scanning} onMaskClick={() => setScanning(false)} destroyOnClose bodyClassName="m-sheet">
        <QrScanner
          onCode={(token) => {
            setScanning(false);
            void send(token);
          }}
          onClose={() => setScanning(false)}
        />
      </Popup>
    </div>
  );
}
