import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { actorFor, buildActivity, buildOrganization, buildProject, buildUser, buildVolunteer } from '../../seed/factories.ts';

let server: TestServer;
let station: number;
let centerAdmin: TestClient;
let courseId: number;
let outsider: TestClient;
let otherCenter: number;

async function volunteer() {
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  const made = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone });
  return { id: made.id, client: await server.signIn(account.phone, account.password) };
}

beforeAll(async () => {
  server = await createTestServer();
  station = (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
  const course = await centerAdmin.post('/api/v1/courses', {
    title: '应急救护基础', mode: 'online', category: 'medical_fitness', siteId: station, passMark: 60, grantsQualification: '急救',
    materials: [{ kind: 'video', title: '心肺复苏演示', url: 'https://example.cn/cpr.mp4' }],
    quiz: [
      { question: '成人心肺复苏按压频率是每分钟多少次？', options: ['60-80', '100-120', '140-160'], answer: 1 },
      { question: '发现有人倒地，第一步应当？', options: ['立即按压', '确认环境安全', '离开现场'], answer: 1 },
      { question: '按压深度约为？', options: ['1-2厘米', '5-6厘米', '10厘米'], answer: 1 },
    ],
  });
  expect(course.status).toBe(201);
  courseId = course.body.id;
  otherCenter = (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210323000000').where('kind', '=', 'center').executeTakeFirstOrThrow()).id;
  const other = await buildUser(server.ctx, { siteId: otherCenter, role: 'center_admin' });
  outsider = await server.signIn(other.phone, other.password);
});

const hourAhead = () => {
  const start = Date.now() + 3600_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3600_000).toISOString() };
};
const names = (items: { qualification: string }[]) => items.map((q) => q.qualification);
afterAll(() => server?.close());

describe('training', () => {
  it('hides the quiz answers from learners and scores on the server', async () => {
    const v = await volunteer();
    const seen = await v.client.get(`/api/v1/courses/${courseId}`);
    expect(seen.body.quiz[0]).toEqual({ question: '成人心肺复苏按压频率是每分钟多少次？', options: ['60-80', '100-120', '140-160'] });
    const failed = await v.client.post(`/api/v1/courses/${courseId}/quiz`, { answers: [1, 0, 0] });
    expect(failed.body).toMatchObject({ score: 33, passed: false, qualification: null });
    const passed = await v.client.post(`/api/v1/courses/${courseId}/quiz`, { answers: [1, 1, 0] });
    expect(passed.body).toMatchObject({ score: 67, passed: true, qualification: '急救' });
    const mine = await v.client.get('/api/v1/training/mine');
    expect(mine.body.qualifications.map((q: { qualification: string }) => q.qualification)).toEqual(['急救']);
    expect((await v.client.post(`/api/v1/courses/${courseId}/quiz`, { answers: [1] })).body.error.field).toBe('answers');
  });

  it('gates sign-up to an activity that requires the qualification', async () => {
    const centerActor = await actorFor(server.ctx, (await centerAdmin.get('/api/v1/auth/me')).body.user.id);
    const team = await buildOrganization(server.ctx, centerActor, { siteId: station, name: '急救培训测试队' });
    const project = await buildProject(server.ctx, centerActor, { organizationId: team.id });
    const activity = await buildActivity(server.ctx, centerActor, { projectId: project.id, siteId: station, requiredQualification: '急救' });
    const untrained = await volunteer();
    const refused = await untrained.client.post(`/api/v1/activities/${activity.id}/signup`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('本活动需要先取得“急救”培训资质');
    await untrained.client.post(`/api/v1/courses/${courseId}/quiz`, { answers: [1, 1, 1] });
    expect((await untrained.client.post(`/api/v1/activities/${activity.id}/signup`)).body.status).toBe('confirmed');
  });

  it('lists the qualifications courses grant in an area, and only those can be required, on publishing or editing an activity', async () => {
    const known = await centerAdmin.get('/api/v1/training/qualifications');
    expect(known.status).toBe(200);
    expect(known.body.items).toContainEqual({ qualification: '急救', courses: [{ id: courseId, title: '应急救护基础' }] });
    // A station's area counts as its county: the same courses are open to its volunteers.
    const atStation = await centerAdmin.get('/api/v1/training/qualifications?under=210321001021');
    expect(atStation.body.items.map((item: { qualification: string }) => item.qualification)).toContain('急救');
    expect((await centerAdmin.get('/api/v1/training/qualifications?under=210323')).status).toBe(403);
    expect((await (await volunteer()).client.get('/api/v1/training/qualifications')).status).toBe(403);

    const centerActor = await actorFor(server.ctx, (await centerAdmin.get('/api/v1/auth/me')).body.user.id);
    const team = await buildOrganization(server.ctx, centerActor, { siteId: station, name: '资质编辑测试队' });
    const project = await buildProject(server.ctx, centerActor, { organizationId: team.id });
    const start = Date.now() + 3 * 86400_000;
    const draft = { projectId: project.id, siteId: station, title: '急救站点值守', quota: 5, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3600_000).toISOString() };
    const typo = await centerAdmin.post('/api/v1/activities', { ...draft, requiredQualification: '急求' });
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatchObject({ field: 'requiredQualification', message: '没有可取得“急求”资质的培训课程，请先发布授予该资质的课程' });
    const open = await centerAdmin.post('/api/v1/activities', { ...draft, requiredQualification: '  ' });
    expect(open.status).toBe(201);
    const id = open.body.items[0].id;
    expect(open.body.items[0].requiredQualification).toBeNull();

    // Edited afterwards: required from then on; unknown names refused; cleared again.
    const set = await centerAdmin.patch(`/api/v1/activities/${id}`, { requiredQualification: ' 急救 ' });
    expect(set.status).toBe(200);
    expect(set.body.requiredQualification).toBe('急救');
    const untrained = await volunteer();
    expect((await untrained.client.post(`/api/v1/activities/${id}/signup`)).body.error.message).toBe('本活动需要先取得“急救”培训资质');
    const unknown = await centerAdmin.patch(`/api/v1/activities/${id}`, { requiredQualification: '潜水' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('requiredQualification');
    expect((await untrained.client.patch(`/api/v1/activities/${id}`, { requiredQualification: null })).status).toBe(404);
    const cleared = await centerAdmin.patch(`/api/v1/activities/${id}`, { requiredQualification: null });
    expect(cleared.body.requiredQualification).toBeNull();
    expect((await untrained.client.post(`/api/v1/activities/${id}/signup`)).body.status).toBe('confirmed');

    // A cancelled activity's requirements stay as they were.
    await centerAdmin.post(`/api/v1/activities/${id}/cancel`, { reason: '天气原因取消' });
    const late = await centerAdmin.patch(`/api/v1/activities/${id}`, { requiredQualification: '急救' });
    expect(late.status).toBe(400);
    expect(late.body.error.field).toBe('requiredQualification');
  });

  it('runs an offline session: capacity holds, attendance by the rotating code completes the course', async () => {
    const offline = await centerAdmin.post('/api/v1/courses', { title: '法律援助实务', mode: 'offline', category: 'legal', siteId: station, grantsQualification: '法律援助' });
    const start = Date.now() + 3600_000;
    const session = await centerAdmin.post('/api/v1/training-sessions', {
      courseId: offline.body.id, siteId: station, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3600_000).toISOString(), capacity: 3,
    });
    const crowd = await Promise.all(Array.from({ length: 6 }, volunteer));
    const answers = await Promise.all(crowd.map((v) => v.client.post(`/api/v1/training-sessions/${session.body.id}/enrol`)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    const row = await server.ctx.db.selectFrom('course_sessions').select('enrolled_count').where('id', '=', session.body.id).executeTakeFirstOrThrow();
    expect(row.enrolled_count).toBe(3);
    const enrolled = crowd[answers.findIndex((a) => a.status === 201)]!;
    const code = await centerAdmin.get(`/api/v1/training-sessions/${session.body.id}/checkin-code`);
    expect((await enrolled.client.post(`/api/v1/training-sessions/${session.body.id}/attend`, { token: 'forged.1.x' })).body.error.field).toBe('token');
    const attended = await enrolled.client.post(`/api/v1/training-sessions/${session.body.id}/attend`, { token: code.body.token });
    expect(attended.body).toEqual({ sessionId: session.body.id, attended: true, completed: true, qualification: '法律援助' });
    const counts = await centerAdmin.get(`/api/v1/training/counts?under=210321&from=${new Date(Date.now() - 86400_000).toISOString()}&to=${new Date(Date.now() + 86400_000).toISOString()}`);
    expect(counts.body.sessions).toBeGreaterThanOrEqual(1);
    expect(counts.body.trained).toBeGreaterThanOrEqual(2);
  });

  it('edits a course: a changed quiz leaves passes earned standing; unpublished courses are hidden from learners; staff of other areas get 404', async () => {
    const made = await centerAdmin.post('/api/v1/courses', {
      title: '防汛知识', mode: 'online', category: 'emergency', siteId: station, grantsQualification: '防汛',
      quiz: [{ question: '汛期应当关注什么？', options: ['天气预警', '股市行情'], answer: 0 }],
    });
    const id = made.body.id;
    expect(made.body.editable).toBe(true);
    const learner = await volunteer();
    expect((await learner.client.post(`/api/v1/courses/${id}/quiz`, { answers: [0] })).body.passed).toBe(true);

    const quiz = [
      { question: '转移群众首先应当？', options: ['清点人数', '收拾家具', '拍照'], answer: 0 },
      { question: '洪水来临时应当往哪里去？', options: ['低洼处', '高处'], answer: 1 },
    ];
    const edited = await centerAdmin.patch(`/api/v1/courses/${id}`, {
      title: '防汛避险知识', description: '汛期转移避险', quiz, passMark: 100, materials: [{ kind: 'document', title: '防汛手册', url: 'https://example.cn/flood.pdf' }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '防汛避险知识', description: '汛期转移避险', passMark: 100, grantsQualification: '防汛', mode: 'online', status: 'published', quiz });
    expect(edited.body.materials).toEqual([{ kind: 'document', title: '防汛手册', url: 'https://example.cn/flood.pdf' }]);
    // The pass earned under the old quiz stands; the new quiz is what the next learner takes.
    const mine = await learner.client.get('/api/v1/training/mine');
    expect(mine.body.records.map((r: { courseId: number }) => r.courseId)).toContain(id);
    expect(names(mine.body.qualifications)).toContain('防汛');
    const next = await volunteer();
    expect((await next.client.post(`/api/v1/courses/${id}/quiz`, { answers: [0] })).body.error.field).toBe('answers');
    expect((await next.client.post(`/api/v1/courses/${id}/quiz`, { answers: [0, 0] })).body).toMatchObject({ score: 50, passed: false });

    expect((await centerAdmin.patch(`/api/v1/courses/${id}`, { quiz: [] })).body.error.field).toBe('quiz');
    expect((await centerAdmin.patch(`/api/v1/courses/${id}`, { quiz: [{ question: '哪个对？', options: ['甲', '乙'], answer: 3 }] })).body.error.field).toBe('quiz.0.answer');
    expect((await centerAdmin.patch(`/api/v1/courses/${id}`, { mode: 'offline' })).status).toBe(400);
    expect((await outsider.patch(`/api/v1/courses/${id}`, { title: '越权修改' })).status).toBe(404);
    expect((await learner.client.patch(`/api/v1/courses/${id}`, { title: '越权修改' })).status).toBe(403);

    // Unpublished: gone for learners, still in the console's list for its staff only.
    expect((await centerAdmin.patch(`/api/v1/courses/${id}`, { status: 'draft', grantsQualification: null })).body).toMatchObject({ status: 'draft', grantsQualification: null });
    expect((await next.client.get(`/api/v1/courses/${id}`)).status).toBe(404);
    expect((await next.client.get('/api/v1/courses')).body.items.map((c: { id: number }) => c.id)).not.toContain(id);
    expect((await next.client.post(`/api/v1/courses/${id}/quiz`, { answers: [0, 1] })).status).toBe(404);
    const managed = await centerAdmin.get('/api/v1/courses?manage=true');
    expect(managed.body.items.find((c: { id: number }) => c.id === id)).toMatchObject({ status: 'draft', editable: true });
    expect((await outsider.get('/api/v1/courses?manage=true')).body.items.map((c: { id: number }) => c.id)).not.toContain(id);
    expect((await next.client.get('/api/v1/courses?manage=true')).status).toBe(403);
    // Its qualification, once earned, is still held.
    expect(names((await learner.client.get('/api/v1/training/mine')).body.qualifications)).toContain('防汛');
  });

  it('edits a lecturer of the area: the phone is stored masked and can be cleared', async () => {
    const made = await centerAdmin.post('/api/v1/lecturers', { name: '王医生', title: '主治医师', expertise: ['急救'], phone: '13912345678', regionCode: '210321000000' });
    expect(made.status).toBe(201);
    const edited = await centerAdmin.patch(`/api/v1/lecturers/${made.body.id}`, { title: '副主任医师', expertise: ['急救', '心肺复苏'], phone: '13987654321' });
    expect(edited.body).toEqual({ id: made.body.id, name: '王医生', title: '副主任医师', expertise: ['急救', '心肺复苏'], phoneMasked: '139****4321', regionCode: '210321000000', editable: true });
    const stored = await server.ctx.db.selectFrom('lecturers').select(['phone_enc']).where('id', '=', made.body.id).executeTakeFirstOrThrow();
    expect(stored.phone_enc).not.toContain('13987654321');
    expect(server.ctx.pii.decrypt(stored.phone_enc!)).toBe('13987654321');
    expect((await centerAdmin.patch(`/api/v1/lecturers/${made.body.id}`, { phone: null })).body.phoneMasked).toBeNull();
    expect((await centerAdmin.patch(`/api/v1/lecturers/${made.body.id}`, { phone: '12345' })).body.error.field).toBe('phone');
    expect((await centerAdmin.patch(`/api/v1/lecturers/${made.body.id}`, { regionCode: '210323000000' })).status).toBe(400);
    expect((await outsider.patch(`/api/v1/lecturers/${made.body.id}`, { name: '李医生' })).status).toBe(404);
    expect((await (await volunteer()).client.patch(`/api/v1/lecturers/${made.body.id}`, { name: '李医生' })).status).toBe(403);
    expect((await centerAdmin.get('/api/v1/lecturers')).body.items.find((l: { id: number }) => l.id === made.body.id).name).toBe('王医生');
  });

  it('shows staff the roster; staff mark attendance by hand and take a mark back, with what it earned', async () => {
    const offline = await centerAdmin.post('/api/v1/courses', { title: '应急疏散演练', mode: 'offline', category: 'emergency', siteId: station, grantsQualification: '疏散引导' });
    const session = await centerAdmin.post('/api/v1/training-sessions', { courseId: offline.body.id, siteId: station, capacity: 3, ...hourAhead() });
    const id = session.body.id;
    const scanner = await volunteer();
    const noShow = await volunteer();
    expect((await scanner.client.post(`/api/v1/training-sessions/${id}/enrol`)).status).toBe(201);
    expect((await noShow.client.post(`/api/v1/training-sessions/${id}/enrol`)).status).toBe(201);
    const code = await centerAdmin.get(`/api/v1/training-sessions/${id}/checkin-code`);
    await scanner.client.post(`/api/v1/training-sessions/${id}/attend`, { token: code.body.token });

    const roster = await centerAdmin.get(`/api/v1/training-sessions/${id}/roster`);
    expect(roster.status).toBe(200);
    expect(roster.body.items.map((r: { volunteerId: number }) => r.volunteerId)).toEqual([scanner.id, noShow.id]);
    expect(roster.body.items[0].attendedAt).not.toBeNull();
    expect(roster.body.items[1]).toMatchObject({ attendedAt: null, phoneMasked: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/) });

    // Someone without a phone, who could not sign up: staff add and mark them.
    const phoneless = await buildVolunteer(server.ctx, { siteId: station });
    const marked = await centerAdmin.put(`/api/v1/training-sessions/${id}/roster/${phoneless.id}`, { attended: true });
    expect(marked.status).toBe(200);
    expect(marked.body.items.find((r: { volunteerId: number }) => r.volunteerId === phoneless.id).attendedAt).not.toBeNull();
    const walkIn = await centerAdmin.get(`/api/v1/volunteers/${phoneless.id}/training`);
    expect(walkIn.body.records.map((r: { courseId: number }) => r.courseId)).toEqual([offline.body.id]);
    expect(names(walkIn.body.qualifications)).toEqual(['疏散引导']);
    expect((await server.ctx.db.selectFrom('course_sessions').select('enrolled_count').where('id', '=', id).executeTakeFirstOrThrow()).enrolled_count).toBe(3);
    // Full now: another walk-in is refused; marking one already signed up still works.
    expect((await centerAdmin.put(`/api/v1/training-sessions/${id}/roster/${(await buildVolunteer(server.ctx, { siteId: station })).id}`, { attended: true })).status).toBe(409);
    await centerAdmin.put(`/api/v1/training-sessions/${id}/roster/${noShow.id}`, { attended: true });
    expect(names((await noShow.client.get('/api/v1/training/mine')).body.qualifications)).toEqual(['疏散引导']);

    // The mark was a mistake: taken back with the record and qualification this session gave.
    const unmarked = await centerAdmin.put(`/api/v1/training-sessions/${id}/roster/${noShow.id}`, { attended: false });
    expect(unmarked.body.items.find((r: { volunteerId: number }) => r.volunteerId === noShow.id).attendedAt).toBeNull();
    expect(await noShow.client.get('/api/v1/training/mine').then((r) => r.body)).toEqual({ records: [], qualifications: [] });
    expect((await scanner.client.get('/api/v1/training/mine')).body.records).toHaveLength(1);

    // Staff of another county, and volunteers, cannot see or mark it.
    expect((await outsider.get(`/api/v1/training-sessions/${id}/roster`)).status).toBe(404);
    expect((await outsider.put(`/api/v1/training-sessions/${id}/roster/${noShow.id}`, { attended: true })).status).toBe(404);
    expect((await scanner.client.get(`/api/v1/training-sessions/${id}/roster`)).status).toBe(403);
    expect((await scanner.client.put(`/api/v1/training-sessions/${id}/roster/${noShow.id}`, { attended: true })).status).toBe(403);
    expect((await centerAdmin.put(`/api/v1/training-sessions/${id}/roster/999999`, { attended: false })).body.error.field).toBe('volunteerId');
    // A walk-in from another county is not this staff's to add.
    const elsewhere = await buildVolunteer(server.ctx, { siteId: otherCenter });
    const refused = await centerAdmin.put(`/api/v1/training-sessions/${id}/roster/${elsewhere.id}`, { attended: true });
    expect(refused.status).toBe(404);
    expect(refused.body.error.field).toBe('volunteerId');
    expect(names((await noShow.client.get('/api/v1/training/mine')).body.qualifications)).toEqual([]);
  });

  it('puts hand-marked attendance, and a mark taken back, in the audit log with who marked whom', async () => {
    const offline = await centerAdmin.post('/api/v1/courses', { title: '防汛知识培训', mode: 'offline', category: 'emergency', siteId: station, grantsQualification: '防汛' });
    const session = await centerAdmin.post('/api/v1/training-sessions', { courseId: offline.body.id, siteId: station, capacity: 5, ...hourAhead() });
    const id = session.body.id;
    const walkIn = await buildVolunteer(server.ctx, { siteId: station });
    const staffId = (await centerAdmin.get('/api/v1/auth/me')).body.user.id;
    const entries = () => server.ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', `volunteer:${walkIn.id}`)
      .where('action', '=', 'training_attendance_mark').orderBy('id').execute();

    expect((await centerAdmin.put(`/api/v1/training-sessions/${id}/roster/${walkIn.id}`, { attended: true })).status).toBe(200);
    await centerAdmin.put(`/api/v1/training-sessions/${id}/roster/${walkIn.id}`, { attended: false });
    const logged = await entries();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ actor_id: staffId, region_code: '210321001021', reason: null });
    expect(logged[0]!.details).toEqual({ sessionId: id, courseId: offline.body.id, attended: true, walkIn: true, wasAttended: false, qualification: '防汛' });
    expect(logged[1]).toMatchObject({ actor_id: staffId });
    expect(logged[1]!.details).toEqual({ sessionId: id, courseId: offline.body.id, attended: false, wasAttended: true });
    // A refused mark (another county's staff) changes nothing and leaves no entry.
    expect((await outsider.put(`/api/v1/training-sessions/${id}/roster/${walkIn.id}`, { attended: true })).status).toBe(404);
    expect(await entries()).toHaveLength(2);
    expect((await centerAdmin.get(`/api/v1/audit?action=training_attendance_mark&subject=volunteer:${walkIn.id}`)).body.items).toHaveLength(2);
  });

  it('a qualification taken back stays held when another completed course grants it; an online course’s session does not complete it', async () => {
    const offline = await centerAdmin.post('/api/v1/courses', { title: '急救线下实操', mode: 'offline', category: 'medical_fitness', siteId: station, grantsQualification: '急救' });
    const session = await centerAdmin.post('/api/v1/training-sessions', { courseId: offline.body.id, siteId: station, capacity: 5, ...hourAhead() });
    const v = await volunteer();
    // Earned first in the session, then by the online course's quiz as well.
    await centerAdmin.put(`/api/v1/training-sessions/${session.body.id}/roster/${v.id}`, { attended: true });
    await v.client.post(`/api/v1/courses/${courseId}/quiz`, { answers: [1, 1, 1] });
    await centerAdmin.put(`/api/v1/training-sessions/${session.body.id}/roster/${v.id}`, { attended: false });
    const mine = (await v.client.get('/api/v1/training/mine')).body;
    expect(mine.records.map((r: { courseId: number }) => r.courseId)).toEqual([courseId]);
    expect(names(mine.qualifications)).toEqual(['急救']);

    // An online course completes by its quiz only.
    const online = await centerAdmin.post('/api/v1/training-sessions', { courseId, siteId: station, capacity: 5, ...hourAhead() });
    const learner = await volunteer();
    await learner.client.post(`/api/v1/training-sessions/${online.body.id}/enrol`);
    const code = await centerAdmin.get(`/api/v1/training-sessions/${online.body.id}/checkin-code`);
    expect((await learner.client.post(`/api/v1/training-sessions/${online.body.id}/attend`, { token: code.body.token })).body)
      .toEqual({ sessionId: online.body.id, attended: true, completed: false, qualification: null });
    expect(await learner.client.get('/api/v1/training/mine').then((r) => r.body)).toEqual({ records: [], qualifications: [] });
  });

  it('shows staff of the area a volunteer’s training, and nobody else', async () => {
    const v = await volunteer();
    await v.client.post(`/api/v1/courses/${courseId}/quiz`, { answers: [1, 1, 1] });
    const seen = await centerAdmin.get(`/api/v1/volunteers/${v.id}/training`);
    expect(seen.status).toBe(200);
    expect(seen.body.records).toEqual([{ courseId, title: '应急救护基础', mode: 'online', score: 100, completedAt: expect.any(String) }]);
    expect(names(seen.body.qualifications)).toEqual(['急救']);
    expect((await outsider.get(`/api/v1/volunteers/${v.id}/training`)).status).toBe(404);
    expect((await v.client.get(`/api/v1/volunteers/${v.id}/training`)).status).toBe(403);
    expect((await centerAdmin.get('/api/v1/volunteers/999999/training')).status).toBe(404);
  });
});
