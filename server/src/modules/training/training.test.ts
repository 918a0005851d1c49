import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { actorFor, buildActivity, buildOrganization, buildProject, buildUser, buildVolunteer } from '../../seed/factories.ts';

let server: TestServer;
let station: number;
let centerAdmin: TestClient;
let courseId: number;

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
});
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
    expect(attended.body).toEqual({ sessionId: session.body.id, attended: true, qualification: '法律援助' });
    const counts = await centerAdmin.get(`/api/v1/training/counts?under=210321&from=${new Date(Date.now() - 86400_000).toISOString()}&to=${new Date(Date.now() + 86400_000).toISOString()}`);
    expect(counts.body.sessions).toBeGreaterThanOrEqual(1);
    expect(counts.body.trained).toBeGreaterThanOrEqual(2);
  });
});
