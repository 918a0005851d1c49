// Training (培训): lecturers; courses online (materials and a short quiz with a pass mark)
// or offline (sessions at a site with a lecturer, capacity, sign-up and QR attendance);
// a record per completed course; qualifications that activities can require.
import { sql, type ExpressionBuilder } from 'kysely';
import { inTransaction, type AppContext } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { maskPhone } from '../../lib/pii.ts';
import { currentCode, isFreshCode, staleCodeError } from '../../lib/qr-token.ts';
import { normalizeRegionCode, regionLineage } from '../../lib/region-code.ts';
import { covers, requireAdmin, requireInScope, scopePrefixes, withinPrefixes, withinScope, type Actor } from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import * as regions from '../regions/service.ts';
import * as sites from '../sites/service.ts';
import * as volunteers from '../volunteers/service.ts';

export interface QuizQuestion {
  question: string;
  options: string[];
  answer: number;
}

export interface CourseInput {
  title: string;
  description?: string | null | undefined;
  mode: 'online' | 'offline';
  category: string;
  materials?: { kind: 'video' | 'document'; title: string; url: string }[] | undefined;
  quiz?: QuizQuestion[] | undefined;
  passMark?: number | undefined;
  grantsQualification?: string | null | undefined;
  status?: CourseStatus | undefined;
  siteId: number;
}

export type CourseStatus = 'draft' | 'published';
export type CoursePatch = Partial<Omit<CourseInput, 'mode' | 'siteId'>>;

function invalid(field: string, zh: string, en: string) {
  return new AppError('VALIDATION_FAILED', { field, detail: { zh, en } });
}

async function activeVolunteer(ctx: AppContext, actor: Actor) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (me?.status !== 'active') throw new AppError('FORBIDDEN', { detail: { zh: '请先注册成为志愿者并通过审核', en: 'Register as a volunteer and be approved first' } });
  return me;
}

type LecturerRow = { id: number; name: string; title: string | null; expertise: string[]; phone_masked: string | null; region_code: string };
const presentLecturer = (actor: Actor, row: LecturerRow) => ({
  id: row.id, name: row.name, title: row.title, expertise: row.expertise, phoneMasked: row.phone_masked, regionCode: row.region_code, editable: covers(actor, row.region_code),
});

export interface LecturerPatch {
  name?: string | undefined;
  title?: string | null | undefined;
  expertise?: string[] | undefined;
  phone?: string | null | undefined;
}

/** The phone is stored encrypted with its masked form; null clears both. */
function lecturerPhone(ctx: AppContext, phone: string | null | undefined) {
  return { phone_enc: phone ? ctx.pii.encrypt(phone) : null, phone_masked: phone ? maskPhone(phone) : null };
}

export async function createLecturer(ctx: AppContext, actor: Actor, input: LecturerPatch & { name: string; regionCode: string }) {
  requireAdmin(actor);
  await regions.requireRegionInScope(ctx, actor, input.regionCode, 'regionCode');
  const row = await ctx.db.insertInto('lecturers').values({
    name: input.name.trim(), title: input.title ?? null, expertise: input.expertise ?? [], region_code: input.regionCode, ...lecturerPhone(ctx, input.phone),
  }).returningAll().executeTakeFirstOrThrow();
  return presentLecturer(actor, row);
}

/** Edits a lecturer of the actor's area (404 outside it); an omitted field stays as it was. */
export async function updateLecturer(ctx: AppContext, actor: Actor, id: number, patch: LecturerPatch) {
  const found = await requireInScope(actor, () => ctx.db.selectFrom('lecturers').selectAll().where('id', '=', id).where(withinScope(actor, 'region_code')).executeTakeFirst());
  const fields = {
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.title !== undefined && { title: patch.title?.trim() || null }),
    ...(patch.expertise !== undefined && { expertise: patch.expertise }),
    ...(patch.phone !== undefined && lecturerPhone(ctx, patch.phone)),
  };
  if (Object.keys(fields).length === 0) return presentLecturer(actor, found);
  return presentLecturer(actor, await ctx.db.updateTable('lecturers').set(fields).where('id', '=', id).returningAll().executeTakeFirstOrThrow());
}

export async function listLecturers(ctx: AppContext, actor: Actor) {
  requireAdmin(actor);
  const rows = await ctx.db.selectFrom('lecturers').selectAll().orderBy('id', 'desc').limit(500).execute();
  return { items: rows.map((row) => presentLecturer(actor, row)) };
}

type CourseRow = Awaited<ReturnType<typeof findCourse>>;
const findCourse = (ctx: AppContext, id: number) => ctx.db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
const findLecturer = (ctx: AppContext, id: number) => ctx.db.selectFrom('lecturers').select('id').where('id', '=', id).executeTakeFirst();

/** A course as learners see it: the quiz without its answers. */
function presentCourse(row: NonNullable<CourseRow>, forStaff: boolean) {
  const quiz = row.quiz as QuizQuestion[];
  return {
    id: row.id, title: row.title, description: row.description, mode: row.mode as 'online' | 'offline', category: row.category,
    materials: row.materials as { kind: string; title: string; url: string }[], passMark: row.pass_mark, grantsQualification: row.grants_qualification,
    regionCode: row.region_code, status: row.status, editable: forStaff,
    quiz: quiz.map((q) => ({ question: q.question, options: q.options, ...(forStaff && { answer: q.answer }) })),
  };
}

function checkQuiz(mode: string, quiz: QuizQuestion[]) {
  quiz.forEach((q, i) => {
    if (q.answer >= q.options.length) throw invalid(`quiz.${i}.answer`, '正确答案须是选项之一', 'The answer must be one of the options');
  });
  if (mode === 'online' && quiz.length === 0) throw invalid('quiz', '线上课程须有测验题', 'An online course needs a quiz');
}

export async function createCourse(ctx: AppContext, actor: Actor, input: CourseInput) {
  requireAdmin(actor);
  const site = await sites.findSiteInScope(ctx, actor, input.siteId);
  if (!site) throw notFound('siteId');
  const quiz = input.quiz ?? [];
  checkQuiz(input.mode, quiz);
  const row = await ctx.db.insertInto('courses').values({
    title: input.title.trim(), description: input.description ?? null, mode: input.mode, category: input.category, status: input.status ?? 'published',
    materials: JSON.stringify(input.materials ?? []), quiz: JSON.stringify(quiz), pass_mark: input.passMark ?? 60,
    grants_qualification: input.grantsQualification ?? null, site_id: site.id, region_code: site.regionCode, created_by: actor.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return presentCourse((await findCourse(ctx, row.id))!, true);
}

/**
 * Edits a course run in the actor's area (404 outside it). Mode and site stay. Records and
 * qualifications already earned stand whatever the quiz, pass mark or qualification become:
 * they were earned under the course as it was.
 */
export async function updateCourse(ctx: AppContext, actor: Actor, id: number, patch: CoursePatch) {
  const course = await requireInScope(actor, () => ctx.db.selectFrom('courses').selectAll().where('id', '=', id).where(withinScope(actor, 'region_code')).executeTakeFirst());
  if (patch.quiz !== undefined) checkQuiz(course.mode, patch.quiz);
  const fields = {
    ...(patch.title !== undefined && { title: patch.title.trim() }),
    ...(patch.description !== undefined && { description: patch.description?.trim() || null }),
    ...(patch.category !== undefined && { category: patch.category }),
    ...(patch.materials !== undefined && { materials: JSON.stringify(patch.materials) }),
    ...(patch.quiz !== undefined && { quiz: JSON.stringify(patch.quiz) }),
    ...(patch.passMark !== undefined && { pass_mark: patch.passMark }),
    ...(patch.grantsQualification !== undefined && { grants_qualification: patch.grantsQualification?.trim() || null }),
    ...(patch.status !== undefined && { status: patch.status }),
  };
  if (Object.keys(fields).length === 0) return presentCourse(course, true);
  return presentCourse(await ctx.db.updateTable('courses').set(fields).where('id', '=', id).returningAll().executeTakeFirstOrThrow(), true);
}

/**
 * Courses open to the volunteers of an area: those run in it and those run for the levels
 * above it (city, province). An area below a county counts as its county, whose courses
 * every volunteer there is shown.
 */
function openTo(area: string) {
  const prefix = area.length > 6 ? area.slice(0, 6) : area;
  const above = /^\d{2}(\d{2}(\d{2})?)?$/.test(prefix) ? regionLineage(normalizeRegionCode(prefix)) : [];
  return (eb: ExpressionBuilder<DB, 'courses'>) =>
    eb.or([withinPrefixes([prefix], 'courses.region_code'), ...(above.length > 0 ? [eb('courses.region_code', 'in', above)] : [])]);
}

/** Published courses open to an area (those of its site and of the levels above). */
export async function listCourses(ctx: AppContext, actor: Actor, under: string | undefined, manage = false) {
  if (manage) return manageableCourses(ctx, actor, under);
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  let query = ctx.db.selectFrom('courses').selectAll().where('status', '=', 'published');
  if (under) query = query.where(withinPrefixes([under], 'region_code'));
  // Courses of my county, and those run for the levels above it (city, province).
  else if (me) query = query.where(openTo(me.regionCode));
  const rows = await query.orderBy('id', 'desc').limit(200).execute();
  return { items: rows.map((row) => presentCourse(row, false)) };
}

/**
 * The console's list: courses open to the staff member's area (or `under` it), with the
 * unpublished ones of the area they run; those they run carry the answers and are editable.
 */
async function manageableCourses(ctx: AppContext, actor: Actor, under: string | undefined) {
  requireAdmin(actor);
  if (under && !covers(actor, under)) throw new AppError('FORBIDDEN');
  const areas = under ? [under] : scopePrefixes(actor);
  const rows = await ctx.db.selectFrom('courses').selectAll()
    .where((eb) => eb.or(areas.map((area) => openTo(area)(eb))))
    .where((eb) => eb.or([eb('status', '=', 'published'), withinScope(actor, 'region_code')]))
    .orderBy('id', 'desc').limit(200).execute();
  return { items: rows.map((row) => presentCourse(row, covers(actor, row.region_code))) };
}

export async function getCourse(ctx: AppContext, actor: Actor, id: number) {
  const row = await findCourse(ctx, id);
  const staff = !!row && covers(actor, row.region_code);
  if (!row || (row.status !== 'published' && !staff)) throw notFound('id');
  return presentCourse(row, staff);
}

/** Records a completed course and the qualification it grants, once. */
async function complete(ctx: AppContext, course: NonNullable<CourseRow>, volunteer: { id: number; regionCode: string }, extra: { score?: number; sessionId?: number }) {
  await ctx.db.insertInto('training_records').values({
    volunteer_id: volunteer.id, course_id: course.id, session_id: extra.sessionId ?? null, score: extra.score ?? null, region_code: volunteer.regionCode,
  }).onConflict((oc) => oc.columns(['volunteer_id', 'course_id']).doNothing()).execute();
  if (course.grants_qualification) {
    await ctx.db.insertInto('volunteer_qualifications').values({ volunteer_id: volunteer.id, qualification: course.grants_qualification, course_id: course.id })
      .onConflict((oc) => oc.columns(['volunteer_id', 'qualification']).doNothing()).execute();
  }
}

/** Scores a quiz (answers checked on the server); a pass completes the course. */
export async function takeQuiz(ctx: AppContext, actor: Actor, courseId: number, answers: number[]) {
  const me = await activeVolunteer(ctx, actor);
  const course = await findCourse(ctx, courseId);
  if (!course || course.status !== 'published') throw notFound('id');
  const quiz = course.quiz as QuizQuestion[];
  if (quiz.length === 0) throw invalid('answers', '本课程没有测验', 'This course has no quiz');
  if (answers.length !== quiz.length) throw invalid('answers', `请回答全部 ${quiz.length} 道题`, `Answer all ${quiz.length} questions`);
  const right = quiz.filter((q, i) => q.answer === answers[i]).length;
  const score = Math.round((right / quiz.length) * 100);
  const passed = score >= course.pass_mark;
  await inTransaction(ctx, async (tx) => {
    await tx.db.insertInto('quiz_attempts').values({ course_id: courseId, volunteer_id: me.id, score, passed }).execute();
    if (passed) await complete(tx, course, me, { score });
  });
  return { score, passed, passMark: course.pass_mark, right, total: quiz.length, qualification: passed ? course.grants_qualification : null };
}

export interface SessionInput {
  courseId: number;
  siteId: number;
  lecturerId?: number | null | undefined;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

export async function createSession(ctx: AppContext, actor: Actor, input: SessionInput) {
  const course = await findCourse(ctx, input.courseId);
  if (!course) throw notFound('courseId');
  const site = await sites.findSiteInScope(ctx, actor, input.siteId);
  if (!site) throw notFound('siteId');
  if (input.lecturerId && !(await findLecturer(ctx, input.lecturerId))) throw notFound('lecturerId');
  if (new Date(input.endsAt) <= new Date(input.startsAt)) throw invalid('endsAt', '结束时间须晚于开始时间', 'The end must be after the start');
  const row = await ctx.db.insertInto('course_sessions').values({
    course_id: course.id, site_id: site.id, region_code: site.regionCode, lecturer_id: input.lecturerId ?? null,
    starts_at: new Date(input.startsAt), ends_at: new Date(input.endsAt), capacity: input.capacity,
  }).returningAll().executeTakeFirstOrThrow();
  return presentSession(row);
}

function presentSession(row: { id: number; course_id: number; site_id: number; lecturer_id: number | null; starts_at: Date; ends_at: Date; capacity: number; enrolled_count: number }) {
  return {
    id: row.id, courseId: row.course_id, siteId: row.site_id, lecturerId: row.lecturer_id, startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(), capacity: row.capacity, enrolled: row.enrolled_count,
  };
}

export async function listSessions(ctx: AppContext, courseId: number) {
  const rows = await ctx.db.selectFrom('course_sessions').selectAll().where('course_id', '=', courseId).orderBy('starts_at').execute();
  return { items: rows.map(presentSession) };
}

/** Signs up for an offline session; the capacity holds under concurrency. */
export async function enrol(ctx: AppContext, actor: Actor, sessionId: number) {
  const me = await activeVolunteer(ctx, actor);
  return inTransaction(ctx, async (tx) => {
    if (!(await tx.db.selectFrom('course_sessions').select('id').where('id', '=', sessionId).executeTakeFirst())) throw notFound('id');
    const inserted = await tx.db.insertInto('session_enrollments').values({ session_id: sessionId, volunteer_id: me.id })
      .onConflict((oc) => oc.columns(['session_id', 'volunteer_id']).doNothing()).returning('session_id').executeTakeFirst();
    if (!inserted) throw new AppError('CONFLICT', { detail: { zh: '您已报名该场培训', en: 'You are already signed up' } });
    const seat = await tx.db.updateTable('course_sessions').set({ enrolled_count: sql<number>`enrolled_count + 1` })
      .where('id', '=', sessionId).where('enrolled_count', '<', sql<number>`capacity`).where('starts_at', '>', sql<Date>`now()`).executeTakeFirst();
    if (Number(seat.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { detail: { zh: '名额已满或培训已开始', en: 'The session is full or has started' } });
    return { sessionId, enrolled: true };
  });
}

async function sessionInScope(ctx: AppContext, actor: Actor, sessionId: number) {
  return requireInScope(actor, () => ctx.db.selectFrom('course_sessions').selectAll().where('id', '=', sessionId).where(withinScope(actor, 'region_code')).executeTakeFirst());
}

export async function sessionCode(ctx: AppContext, actor: Actor, sessionId: number) {
  await sessionInScope(ctx, actor, sessionId);
  return currentCode(ctx.pii, 'session', sessionId);
}

/**
 * Attendance at a session (by the QR code or marked by staff). It completes an offline
 * course, granting its qualification; an online course is completed only by its quiz, so
 * attending a session of one is recorded as attendance alone.
 */
async function markAttended(ctx: AppContext, session: { id: number; course_id: number }, volunteer: { id: number; regionCode: string }) {
  const course = (await findCourse(ctx, session.course_id))!;
  await ctx.db.updateTable('session_enrollments').set({ attended_at: sql<Date>`coalesce(attended_at, now())` })
    .where('session_id', '=', session.id).where('volunteer_id', '=', volunteer.id).execute();
  if (course.mode !== 'offline') return { completed: false, qualification: null };
  await complete(ctx, course, volunteer, { sessionId: session.id });
  return { completed: true, qualification: course.grants_qualification };
}

/** Attendance by the session's rotating QR code. */
export async function attendSession(ctx: AppContext, actor: Actor, sessionId: number, token: string) {
  const me = await activeVolunteer(ctx, actor);
  if (!isFreshCode(ctx.pii, 'session', sessionId, token)) throw staleCodeError();
  const enrolment = await ctx.db.selectFrom('session_enrollments').innerJoin('course_sessions', 'course_sessions.id', 'session_enrollments.session_id')
    .select(['course_sessions.id', 'course_sessions.course_id']).where('session_id', '=', sessionId).where('volunteer_id', '=', me.id).executeTakeFirst();
  if (!enrolment) throw new AppError('FORBIDDEN', { detail: { zh: '您没有报名这场培训', en: 'You are not signed up for this session' } });
  const outcome = await inTransaction(ctx, (tx) => markAttended(tx, enrolment, me));
  return { sessionId, attended: true, ...outcome };
}

/** Who signed up for a session and who attended, for the staff of its area. */
export async function sessionRoster(ctx: AppContext, actor: Actor, sessionId: number) {
  await sessionInScope(ctx, actor, sessionId);
  const rows = await ctx.db.selectFrom('session_enrollments').innerJoin('volunteers', 'volunteers.id', 'session_enrollments.volunteer_id')
    .select(['volunteers.id', 'volunteers.name', 'volunteers.volunteer_no', 'volunteers.phone_masked', 'session_enrollments.enrolled_at', 'session_enrollments.attended_at'])
    .where('session_enrollments.session_id', '=', sessionId).orderBy('session_enrollments.enrolled_at').orderBy('volunteers.id').execute();
  return {
    items: rows.map((r) => ({
      volunteerId: r.id, name: r.name, volunteerNo: r.volunteer_no, phoneMasked: r.phone_masked,
      enrolledAt: r.enrolled_at.toISOString(), attendedAt: r.attended_at?.toISOString() ?? null,
    })),
  };
}

/**
 * Staff mark attendance by hand (someone without a phone to scan with), adding them to the
 * roster if they had not signed up (a volunteer of the staff's area, places permitting), or
 * take back a mark given in error: the completion this session gave goes with it, and the
 * qualification too unless another completed course grants it. Either way the audit log
 * keeps who marked whom: a hand mark grants what the code would, without the scan.
 */
export async function markSessionAttendance(ctx: AppContext, actor: Actor, sessionId: number, volunteerId: number, attended: boolean) {
  const session = await sessionInScope(ctx, actor, sessionId);
  await inTransaction(ctx, async (tx) => {
    const enrolled = await tx.db.selectFrom('session_enrollments').select('attended_at').where('session_id', '=', sessionId).where('volunteer_id', '=', volunteerId).executeTakeFirst();
    const audit = (details: Record<string, unknown>) => recordAudit(tx, {
      actorId: actor.userId, action: 'training_attendance_mark', subject: `volunteer:${volunteerId}`, regionCode: session.region_code, reason: null,
      details: { sessionId, courseId: session.course_id, attended, ...details },
    });
    if (!attended) {
      if (!enrolled) throw notFound('volunteerId');
      await unmarkAttended(tx, session, volunteerId);
      await audit({ wasAttended: enrolled.attended_at !== null });
      return;
    }
    // One already signed up may come from anywhere; a walk-in is a volunteer of the staff's area.
    let find = tx.db.selectFrom('volunteers').select(['id', 'region_code', 'status']).where('id', '=', volunteerId);
    if (!enrolled) find = find.where(withinScope(actor, 'region_code'));
    const volunteer = await find.executeTakeFirst();
    if (!volunteer) throw notFound('volunteerId');
    if (!enrolled) {
      if (volunteer.status !== 'active') throw new AppError('CONFLICT', { field: 'volunteerId', detail: { zh: '该志愿者尚未通过审核', en: 'This volunteer is not approved yet' } });
      const added = await tx.db.insertInto('session_enrollments').values({ session_id: sessionId, volunteer_id: volunteerId })
        .onConflict((oc) => oc.columns(['session_id', 'volunteer_id']).doNothing()).returning('session_id').executeTakeFirst();
      const seat = added && await tx.db.updateTable('course_sessions').set({ enrolled_count: sql<number>`enrolled_count + 1` })
        .where('id', '=', sessionId).where('enrolled_count', '<', sql<number>`capacity`).executeTakeFirst();
      if (seat && Number(seat.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { detail: { zh: '名额已满', en: 'The session is full' } });
    }
    const outcome = await markAttended(tx, session, { id: volunteer.id, regionCode: volunteer.region_code });
    await audit({ walkIn: !enrolled, wasAttended: !!enrolled?.attended_at, qualification: outcome.qualification });
  });
  return sessionRoster(ctx, actor, sessionId);
}

async function unmarkAttended(ctx: AppContext, session: { id: number; course_id: number }, volunteerId: number) {
  await ctx.db.updateTable('session_enrollments').set({ attended_at: null }).where('session_id', '=', session.id).where('volunteer_id', '=', volunteerId).execute();
  const removed = await ctx.db.deleteFrom('training_records').where('volunteer_id', '=', volunteerId).where('course_id', '=', session.course_id)
    .where('session_id', '=', session.id).returning('course_id').executeTakeFirst();
  if (!removed) return;
  const lost = await ctx.db.deleteFrom('volunteer_qualifications').where('volunteer_id', '=', volunteerId).where('course_id', '=', session.course_id)
    .returning('qualification').executeTakeFirst();
  if (!lost) return;
  // Still held through another completed course that grants it.
  const other = await ctx.db.selectFrom('training_records').innerJoin('courses', 'courses.id', 'training_records.course_id').select('courses.id')
    .where('training_records.volunteer_id', '=', volunteerId).where('courses.grants_qualification', '=', lost.qualification).orderBy('training_records.completed_at').executeTakeFirst();
  if (other) await ctx.db.insertInto('volunteer_qualifications').values({ volunteer_id: volunteerId, qualification: lost.qualification, course_id: other.id }).execute();
}

async function trainingOf(ctx: AppContext, volunteerId: number) {
  const [records, qualifications] = await Promise.all([
    ctx.db.selectFrom('training_records').innerJoin('courses', 'courses.id', 'training_records.course_id')
      .select(['courses.id', 'courses.title', 'courses.mode', 'training_records.score', 'training_records.completed_at'])
      .where('training_records.volunteer_id', '=', volunteerId).orderBy('training_records.completed_at', 'desc').execute(),
    ctx.db.selectFrom('volunteer_qualifications').select(['qualification', 'earned_at']).where('volunteer_id', '=', volunteerId).orderBy('earned_at').execute(),
  ]);
  return {
    records: records.map((r) => ({ courseId: r.id, title: r.title, mode: r.mode, score: r.score, completedAt: r.completed_at.toISOString() })),
    qualifications: qualifications.map((q) => ({ qualification: q.qualification, earnedAt: q.earned_at.toISOString() })),
  };
}

/** My completed courses and qualifications. */
export async function myTraining(ctx: AppContext, actor: Actor) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  return me ? trainingOf(ctx, me.id) : { records: [], qualifications: [] };
}

/** A volunteer's training records and qualifications, for the staff of their area (404 outside it). */
export async function volunteerTraining(ctx: AppContext, actor: Actor, volunteerId: number) {
  await requireInScope(actor, () => ctx.db.selectFrom('volunteers').select('id').where('id', '=', volunteerId).where(withinScope(actor, 'region_code')).executeTakeFirst());
  return trainingOf(ctx, volunteerId);
}

/**
 * The qualifications that published courses grant to the volunteers of an area (the staff
 * member's own by default), each with those courses: what an activity there may require.
 */
export async function listQualifications(ctx: AppContext, actor: Actor, under: string | undefined) {
  requireAdmin(actor);
  if (under && !covers(actor, under)) throw new AppError('FORBIDDEN');
  const areas = under ? [under] : scopePrefixes(actor);
  const rows = await ctx.db.selectFrom('courses').select(['id', 'title', 'grants_qualification']).where('status', '=', 'published')
    .where('grants_qualification', 'is not', null).where((eb) => eb.or(areas.map((area) => openTo(area)(eb))))
    .orderBy('grants_qualification').orderBy('id').limit(500).execute();
  const byName = new Map<string, { id: number; title: string }[]>();
  for (const row of rows) {
    const name = row.grants_qualification!;
    byName.set(name, [...(byName.get(name) ?? []), { id: row.id, title: row.title }]);
  }
  return { items: [...byName].map(([qualification, courses]) => ({ qualification, courses })) };
}

/** Whether a published course open to volunteers of the region grants the qualification. */
export async function qualificationOffered(ctx: AppContext, qualification: string, regionCode: string) {
  return !!(await ctx.db.selectFrom('courses').select('id').where('status', '=', 'published')
    .where('grants_qualification', '=', qualification).where(openTo(regionCode)).executeTakeFirst());
}

/** Whether a volunteer holds a qualification (for activities that require one). */
export async function hasQualification(ctx: AppContext, volunteerId: number, qualification: string) {
  return !!(await ctx.db.selectFrom('volunteer_qualifications').select('volunteer_id')
    .where('volunteer_id', '=', volunteerId).where('qualification', '=', qualification).executeTakeFirst());
}

/** Trainings held and people trained in an area and period, for the statistics. */
export async function trainingCounts(ctx: AppContext, actor: Actor, filter: { under?: string | undefined; from: string; to: string }) {
  requireAdmin(actor);
  const area = (column: string) => filter.under ? withinPrefixes([filter.under], column) : withinScope(actor, column);
  const [sessions, trained] = await Promise.all([
    ctx.db.selectFrom('course_sessions').select((eb) => eb.fn.countAll<number>().as('n')).where(area('region_code'))
      .where('starts_at', '>=', new Date(filter.from)).where('starts_at', '<', new Date(filter.to)).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('training_records').select((eb) => eb.fn.countAll<number>().as('n')).where(area('region_code'))
      .where('completed_at', '>=', new Date(filter.from)).where('completed_at', '<', new Date(filter.to)).executeTakeFirstOrThrow(),
  ]);
  return { sessions: sessions.n, trained: trained.n };
}
