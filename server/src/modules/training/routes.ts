import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, Id, IdParams, nullable, Phone, RegionCode, Timestamp } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import * as training from './service.ts';

const tags = ['training'];

const Lecturer = Type.Object({
  id: Type.Integer(), name: Type.String(), title: nullable(Type.String()), expertise: Type.Array(Type.String()), phoneMasked: nullable(Type.String()),
  regionCode: Type.String({ description: 'The area the lecturer belongs to' }), editable: Type.Boolean({ description: 'Of my area: I may edit them' }),
});
const lecturerFields = {
  name: Type.String({ minLength: 1, maxLength: 50 }), title: Type.Optional(nullable(Type.String({ maxLength: 50 }))),
  expertise: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10 })), phone: Type.Optional(nullable(Phone)),
};
const LecturerInput = Type.Object({ ...lecturerFields, regionCode: RegionCode }, { additionalProperties: false });
const LecturerPatch = Type.Object({ ...lecturerFields, name: Type.Optional(lecturerFields.name) }, { additionalProperties: false, description: 'Omitted fields stay; a null phone clears it' });
const Question = Type.Object(
  { question: Type.String({ minLength: 2, maxLength: 300 }), options: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 2, maxItems: 6 }), answer: Type.Integer({ minimum: 0, maximum: 5 }) },
  { additionalProperties: false },
);
const CourseStatus = Type.Enum(['draft', 'published'], { description: 'Learners see published courses only' });
const courseFields = {
    title: Type.String({ minLength: 2, maxLength: 100 }),
    description: Type.Optional(nullable(Type.String({ maxLength: 2000 }))),
    category: Type.String({ minLength: 1, maxLength: 30 }),
    materials: Type.Optional(Type.Array(
      Type.Object({ kind: Type.Enum(['video', 'document']), title: Type.String({ maxLength: 100 }), url: Type.String({ maxLength: 500, pattern: '^(https?://|/)' }) }, { additionalProperties: false }),
      { maxItems: 20 },
    )),
    quiz: Type.Optional(Type.Array(Question, { maxItems: 50 })),
    passMark: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Percent of right answers to pass (default 60)' })),
    grantsQualification: Type.Optional(nullable(Type.String({ maxLength: 30, description: 'e.g. 急救, 法律援助' }))),
    status: Type.Optional(CourseStatus),
};
const CourseInput = Type.Object({ ...courseFields, mode: Type.Enum(['online', 'offline']), siteId: Id }, { additionalProperties: false });
const CoursePatch = Type.Object(
  { ...courseFields, title: Type.Optional(courseFields.title), category: Type.Optional(courseFields.category) },
  { additionalProperties: false, description: 'Omitted fields stay; mode and site cannot change. Completions already earned stand.' },
);
const Course = Type.Object({
  id: Type.Integer(), title: Type.String(), description: nullable(Type.String()), mode: Type.Enum(['online', 'offline']), category: Type.String(),
  materials: Type.Array(Type.Object({ kind: Type.String(), title: Type.String(), url: Type.String() })), passMark: Type.Integer(),
  grantsQualification: nullable(Type.String()), regionCode: RegionCode, status: Type.String(),
  editable: Type.Boolean({ description: 'Run in my area: I may edit it and see the answers' }),
  quiz: Type.Array(Type.Object({ question: Type.String(), options: Type.Array(Type.String()), answer: Type.Optional(Type.Integer({ description: 'Staff only' })) })),
});
const QuizAnswers = Type.Object({ answers: Type.Array(Type.Integer({ minimum: 0, maximum: 5 }), { maxItems: 50 }) }, { additionalProperties: false });
const QuizResult = Type.Object({
  score: Type.Integer(), passed: Type.Boolean(), passMark: Type.Integer(), right: Type.Integer(), total: Type.Integer(), qualification: nullable(Type.String()),
});
const SessionInput = Type.Object(
  { courseId: Id, siteId: Id, lecturerId: Type.Optional(nullable(Id)), startsAt: Timestamp, endsAt: Timestamp, capacity: Type.Integer({ minimum: 1, maximum: 10000 }) },
  { additionalProperties: false },
);
const Session = Type.Object({
  id: Type.Integer(), courseId: Type.Integer(), siteId: Type.Integer(), lecturerId: nullable(Type.Integer()), startsAt: Timestamp, endsAt: Timestamp,
  capacity: Type.Integer(), enrolled: Type.Integer(),
});
const Roster = Type.Object({
  items: Type.Array(Type.Object({
    volunteerId: Type.Integer(), name: Type.String(), volunteerNo: Type.String(), phoneMasked: Type.String(), enrolledAt: Timestamp, attendedAt: nullable(Timestamp),
  })),
});
const VolunteerParams = Type.Object({ id: Id, volunteerId: Id }, { additionalProperties: false });
const CodeResponse = Type.Object({ token: Type.String(), expiresAt: Timestamp, refreshSeconds: Type.Integer() });
const Mine = Type.Object({
  records: Type.Array(Type.Object({ courseId: Type.Integer(), title: Type.String(), mode: Type.String(), score: nullable(Type.Integer()), completedAt: Timestamp })),
  qualifications: Type.Array(Type.Object({ qualification: Type.String(), earnedAt: Timestamp })),
});
const Qualifications = Type.Object({
  items: Type.Array(Type.Object({
    qualification: Type.String(),
    courses: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() }), { description: 'Published courses that grant it' }),
  })),
});
const CountsQuery = Type.Object({ under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })), from: Timestamp, to: Timestamp }, { additionalProperties: false });

export function trainingRoutes(app: App, ctx: AppContext) {
  app.get('/lecturers', { config: { access: 'staff' }, schema: { tags, summary: 'Lecturers and experts', response: { 200: Type.Object({ items: Type.Array(Lecturer) }), ...errorResponses } } },
    async (request) => training.listLecturers(ctx, requireActor(request)));
  app.post('/lecturers', { config: { access: 'staff' }, schema: { tags, summary: 'Add a lecturer', body: LecturerInput, response: { 201: Lecturer, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await training.createLecturer(ctx, requireActor(request), request.body)));

  app.patch('/lecturers/:id', { config: { access: 'staff' }, schema: { tags, summary: 'Edit a lecturer of my area', params: IdParams, body: LecturerPatch, response: { 200: Lecturer, ...errorResponses } } },
    async (request) => training.updateLecturer(ctx, requireActor(request), request.params.id, request.body));

  app.get('/courses', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'Courses open to me (my county and the levels above), or to an area',
      querystring: Type.Object({
        under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
        manage: Type.Optional(Type.Boolean({ description: 'Staff: the courses open to my area, with the unpublished ones it runs' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Course) }), ...errorResponses },
    },
  }, async (request) => training.listCourses(ctx, requireActor(request), request.query.under, request.query.manage));
  app.post('/courses', { config: { access: 'staff' }, schema: { tags, summary: 'Create a course (online with a quiz, or offline)', body: CourseInput, response: { 201: Course, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await training.createCourse(ctx, requireActor(request), request.body)));
  app.patch('/courses/:id', { config: { access: 'staff' }, schema: { tags, summary: 'Edit a course run in my area', params: IdParams, body: CoursePatch, response: { 200: Course, ...errorResponses } } },
    async (request) => training.updateCourse(ctx, requireActor(request), request.params.id, request.body));
  app.get('/courses/:id', { config: { access: 'signedIn' }, schema: { tags, summary: 'One course (the quiz without answers for learners)', params: IdParams, response: { 200: Course, ...errorResponses } } },
    async (request) => training.getCourse(ctx, requireActor(request), request.params.id));
  app.post('/courses/:id/quiz', { config: { access: 'signedIn' }, schema: { tags, summary: 'Answer the quiz; a pass completes the course and grants its qualification', params: IdParams, body: QuizAnswers, response: { 200: QuizResult, ...errorResponses } } },
    async (request) => training.takeQuiz(ctx, requireActor(request), request.params.id, request.body.answers));
  app.get('/courses/:id/sessions', { config: { access: 'signedIn' }, schema: { tags, summary: 'Offline sessions of a course', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Session) }), ...errorResponses } } },
    async (request) => {
      requireActor(request);
      return training.listSessions(ctx, request.params.id);
    });

  app.post('/training-sessions', { config: { access: 'signedIn' }, schema: { tags, summary: 'Schedule an offline session', body: SessionInput, response: { 201: Session, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await training.createSession(ctx, requireActor(request), request.body)));
  app.post('/training-sessions/:id/enrol', { config: { access: 'signedIn', idempotent: true }, schema: { tags, summary: 'Sign up for a session (capacity holds)', params: IdParams, response: { 201: Type.Object({ sessionId: Type.Integer(), enrolled: Type.Boolean() }), ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await training.enrol(ctx, requireActor(request), request.params.id)));
  app.get('/training-sessions/:id/checkin-code', { config: { access: 'signedIn' }, schema: { tags, summary: 'The rotating attendance code for the lecturer’s screen', params: IdParams, response: { 200: CodeResponse, ...errorResponses } } },
    async (request) => training.sessionCode(ctx, requireActor(request), request.params.id));
  app.post('/training-sessions/:id/attend', { config: { access: 'signedIn' }, schema: { tags, summary: 'Attend by the scanned code: completes an offline course (an online one is completed by its quiz)', params: IdParams, body: Type.Object({ token: Type.String({ maxLength: 100 }) }, { additionalProperties: false }), response: { 200: Type.Object({ sessionId: Type.Integer(), attended: Type.Boolean(), completed: Type.Boolean(), qualification: nullable(Type.String()) }), ...errorResponses } } },
    async (request) => training.attendSession(ctx, requireActor(request), request.params.id, request.body.token));

  app.get('/training-sessions/:id/roster', { config: { access: 'staff' }, schema: { tags, summary: 'Who signed up for a session and who attended', params: IdParams, response: { 200: Roster, ...errorResponses } } },
    async (request) => training.sessionRoster(ctx, requireActor(request), request.params.id));
  app.put('/training-sessions/:id/roster/:volunteerId', {
    config: { access: 'staff' },
    schema: {
      tags, summary: 'Mark attendance by hand, or take a mark back',
      description: 'Marking adds a volunteer of my area who had not signed up (places permitting) and completes an offline course. Taking a mark back removes what this session earned.',
      params: VolunteerParams, body: Type.Object({ attended: Type.Boolean() }, { additionalProperties: false }), response: { 200: Roster, ...errorResponses },
    },
  }, async (request) => training.markSessionAttendance(ctx, requireActor(request), request.params.id, request.params.volunteerId, request.body.attended));

  app.get('/volunteers/:id/training', { config: { access: 'staff' }, schema: { tags, summary: 'A volunteer’s training records and qualifications', params: IdParams, response: { 200: Mine, ...errorResponses } } },
    async (request) => training.volunteerTraining(ctx, requireActor(request), request.params.id));
  app.get('/training/mine', { config: { access: 'signedIn' }, schema: { tags, summary: 'My training records and qualifications', response: { 200: Mine, ...errorResponses } } },
    async (request) => training.myTraining(ctx, requireActor(request)));
  app.get('/training/qualifications', {
    config: { access: 'staff' },
    schema: {
      tags, summary: 'Qualifications that courses open to an area grant (what its activities may require)',
      description: 'An area below a county counts as its county; courses run for the levels above it count too. Without `under`: my own area.',
      querystring: Type.Object({ under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })) }, { additionalProperties: false }),
      response: { 200: Qualifications, ...errorResponses },
    },
  }, async (request) => training.listQualifications(ctx, requireActor(request), request.query.under));
  app.get('/training/counts', { config: { access: 'staff' }, schema: { tags, summary: 'Sessions held and people trained in an area and period', querystring: CountsQuery, response: { 200: Type.Object({ sessions: Type.Integer(), trained: Type.Integer() }), ...errorResponses } } },
    async (request) => training.trainingCounts(ctx, requireActor(request), request.query));
}
