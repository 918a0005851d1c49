// Emergency mobilization (应急动员, 平急结合): a call-up for an area, needed categories and
// skills, and posts with capacity. It reaches every matching volunteer through the inbox
// (and, when asked, by SMS: then also volunteers without an app account) in batches run by
// a background task (a million people do not stall the API); answers
// fill posts that never overfill (staff record the answer of someone without the app, 代为登记);
// a place freed goes to the first one standing by; a live board shows responders by post;
// stand-down ends it.
import { sql, type Expression, type SqlBool } from 'kysely';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { chinaToday } from '../../lib/id-number.ts';
import { maskName } from '../../lib/pii.ts';
import { prefixRange, requireAdmin, requireInScope, withinScope, type Actor } from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import { deliverAfterCommit } from '../inbox/outbox.ts';
import * as inbox from '../inbox/service.ts';
import * as regions from '../regions/service.ts';
import * as sites from '../sites/service.ts';
import * as volunteers from '../volunteers/service.ts';

export const FANOUT_BATCH = 5000;

const stoodDown = () => new AppError('INVALID_TRANSITION', { field: 'status', params: { state: 'stood_down' } });

export interface CallupInput {
  title: string;
  description?: string | null | undefined;
  areaPrefix: string;
  categories?: string[] | undefined;
  skills?: string[] | undefined;
  headcount: number;
  reserveOnly?: boolean | undefined;
  sendSms?: boolean | undefined;
  posts: { name: string; siteId?: number | null | undefined; address?: string | null | undefined; capacity: number }[];
}

type CallupRow = NonNullable<Awaited<ReturnType<typeof findCallup>>>;
const findCallup = (ctx: AppContext, id: number) => ctx.db.selectFrom('callups').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * The volunteers a call-up targets, as a condition on the `v` alias of volunteers. Adults
 * only, whatever the call-up asks: emergency duty does not suit a minor (DOMAIN.md), and a
 * reserve flag set before minors were kept out of the reserve must not reach one. Age is
 * counted on China's calendar, as everywhere.
 */
function targets(callup: Pick<CallupRow, 'area_prefix' | 'reserve_only' | 'categories' | 'skills'>): Expression<SqlBool> {
  const [low, high] = prefixRange(callup.area_prefix);
  const conditions = [
    sql<SqlBool>`v.region_code >= ${low}`,
    ...(high ? [sql<SqlBool>`v.region_code < ${high}`] : []),
    sql<SqlBool>`v.status = 'active'`,
    sql<SqlBool>`v.birth_date <= (${chinaToday()}::date - make_interval(years => ${volunteers.ADULT_AGE}::int))::date`,
    ...(callup.reserve_only ? [sql<SqlBool>`v.emergency_reserve`] : []),
    ...(callup.categories.length > 0 ? [sql<SqlBool>`v.categories && ${callup.categories}::text[]`] : []),
    ...(callup.skills.length > 0 ? [sql<SqlBool>`v.skills && ${callup.skills}::text[]`] : []),
  ];
  return sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;
}

/** A volunteer the call-up targets, with their account and number; undefined for anyone else. */
function targetedVolunteer(ctx: AppContext, callup: CallupRow, volunteerId: number) {
  return ctx.db.selectFrom('volunteers as v').select(['v.id', 'v.user_id', 'v.phone_enc', 'v.region_code'])
    .where('v.id', '=', volunteerId).where(targets(callup)).executeTakeFirst();
}

export async function createCallup(ctx: AppContext, actor: Actor, input: CallupInput) {
  requireAdmin(actor);
  const regionCode = input.areaPrefix.padEnd(12, '0');
  await regions.requireRegionInScope(ctx, actor, regionCode, 'areaPrefix');
  if (input.posts.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'posts', detail: { zh: '请至少设置一个岗位', en: 'Add at least one post' } });
  for (const post of input.posts) if (post.siteId && !(await sites.findSiteInScope(ctx, actor, post.siteId))) throw notFound('posts');
  const id = await inTransaction(ctx, async (tx) => {
    const row = await tx.db.insertInto('callups').values({
      title: input.title.trim(), description: input.description ?? null, area_prefix: input.areaPrefix, region_code: regionCode,
      categories: input.categories ?? [], skills: input.skills ?? [], headcount: input.headcount, reserve_only: input.reserveOnly ?? true,
      send_sms: input.sendSms ?? false, created_by: actor.userId,
    }).returning('id').executeTakeFirstOrThrow();
    await tx.db.insertInto('callup_posts').values(input.posts.map((post) => ({
      callup_id: row.id, name: post.name, site_id: post.siteId ?? null, address: post.address ?? null, capacity: post.capacity,
    }))).execute();
    return row.id;
  });
  return board(ctx, actor, id);
}

/**
 * One batch of the fan-out of one call-up: the next volunteers in (region, id) order get
 * the alert in their inbox, in one statement; the cursor moves in the same transaction, so
 * a crash repeats no one and skips no one. With `send_sms`, every one of them (those
 * without an app account too: staff imported them) is also texted on their own number,
 * through the SMS outbox under a key per call-up and volunteer, so a batch run again never
 * texts anyone twice. Returns how many were reached, or null when no call-up is waiting.
 */
export async function fanOutBatch(ctx: AppContext, batch = FANOUT_BATCH): Promise<number | null> {
  return inTransaction(ctx, async (tx) => {
    const callup = await tx.db.selectFrom('callups').selectAll().where('status', '=', 'fanning_out').orderBy('id').limit(1).forUpdate().skipLocked().executeTakeFirst();
    if (!callup) return null;
    const result = await sql<{ n: number; last_region: string | null; last_id: number | null }>`
      WITH batch AS (
        SELECT v.region_code, v.id, v.user_id, v.phone_enc FROM volunteers v
        WHERE ${targets(callup)} AND (${callup.send_sms}::boolean OR v.user_id IS NOT NULL)
          AND (v.region_code, v.id) > (${callup.fanout_region}, ${callup.fanout_id})
        ORDER BY v.region_code, v.id LIMIT ${batch}
      ), sent AS (
        INSERT INTO notifications (user_id, kind, title, body, link)
        SELECT user_id, 'callup', ${`应急动员：${callup.title}`}, ${callup.description ?? '请查看详情并回复是否参加。'}, ${`/m/callups/${callup.id}`}
        FROM batch WHERE user_id IS NOT NULL
      ), texted AS (
        INSERT INTO sms_outbox (phone_enc, text, dedupe_key)
        SELECT phone_enc,
               CASE WHEN user_id IS NULL THEN ${`【连心桥】应急动员：${callup.title}，请与所在志愿服务站联系报到。`}
                    ELSE ${`【连心桥】应急动员：${callup.title}，请打开连心桥回复是否参加。`} END,
               ${`callup:${callup.id}:volunteer:`}::text || id::text
        FROM batch WHERE ${callup.send_sms}::boolean
        ON CONFLICT (dedupe_key) DO NOTHING
      )
      SELECT (SELECT count(*) FROM batch)::int AS n,
             (SELECT region_code FROM batch ORDER BY region_code DESC, id DESC LIMIT 1) AS last_region,
             (SELECT id FROM batch ORDER BY region_code DESC, id DESC LIMIT 1) AS last_id`.execute(tx.db);
    const { n, last_region, last_id } = result.rows[0]!;
    await tx.db.updateTable('callups').set({
      notified: sql<number>`notified + ${n}`,
      ...(last_region !== null && last_id !== null && { fanout_region: last_region, fanout_id: last_id }),
      ...(n < batch && { status: 'open' }),
    }).where('id', '=', callup.id).execute();
    if (callup.send_sms && n > 0) deliverAfterCommit(tx);
    return n;
  });
}

/** The background task: batches until every waiting call-up has reached everyone, within a time budget. */
export async function runFanOut(ctx: AppContext, budgetMs = 5000) {
  const until = Date.now() + budgetMs;
  let reached = 0;
  while (Date.now() < until) {
    const n = await fanOutBatch(ctx);
    if (n === null) break;
    reached += n;
  }
  return reached;
}

async function scopedCallup(ctx: AppContext, actor: Actor, id: number) {
  return requireInScope(actor, () => ctx.db.selectFrom('callups').selectAll().where('id', '=', id).where(withinScope(actor, 'region_code')).executeTakeFirst());
}

function presentCallup(row: CallupRow) {
  return {
    id: row.id, title: row.title, description: row.description, areaPrefix: row.area_prefix, categories: row.categories, skills: row.skills,
    headcount: row.headcount, reserveOnly: row.reserve_only, status: row.status as 'fanning_out' | 'open' | 'stood_down',
    notified: row.notified, accepted: row.accepted, declined: row.declined, createdAt: row.created_at.toISOString(),
  };
}

/** The live board: each post with its capacity and its responders (names masked). */
export async function board(ctx: AppContext, actor: Actor, id: number) {
  const callup = await scopedCallup(ctx, actor, id);
  const [posts, responders] = await Promise.all([
    ctx.db.selectFrom('callup_posts').selectAll().where('callup_id', '=', id).orderBy('id').execute(),
    ctx.db.selectFrom('callup_responses').innerJoin('volunteers', 'volunteers.id', 'callup_responses.volunteer_id')
      .select(['callup_responses.volunteer_id', 'callup_responses.post_id', 'callup_responses.responded_at', 'volunteers.name', 'volunteers.phone_masked'])
      .where('callup_id', '=', id).where('callup_responses.status', '=', 'accepted').orderBy('callup_responses.responded_at').execute(),
  ]);
  const person = (r: (typeof responders)[number]) => ({ volunteerId: r.volunteer_id, name: maskName(r.name), phoneMasked: r.phone_masked, at: r.responded_at.toISOString() });
  return {
    ...presentCallup(callup),
    posts: posts.map((p) => ({
      id: p.id, name: p.name, siteId: p.site_id, address: p.address, capacity: p.capacity, assigned: p.assigned,
      responders: responders.filter((r) => r.post_id === p.id).map(person),
    })),
    standby: responders.filter((r) => r.post_id === null).map(person),
  };
}

export async function listCallups(ctx: AppContext, actor: Actor) {
  requireAdmin(actor);
  const rows = await ctx.db.selectFrom('callups').selectAll().where(withinScope(actor, 'region_code')).orderBy('id', 'desc').limit(200).execute();
  return { items: rows.map(presentCallup) };
}

/** Open call-ups that target me, with my answer so far. */
export async function myCallups(ctx: AppContext, actor: Actor) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!me) return { items: [] };
  const open = await ctx.db.selectFrom('callups').selectAll().where('status', '<>', 'stood_down').orderBy('id', 'desc').limit(50).execute();
  const items = [];
  for (const callup of open) {
    if (!(await targetedVolunteer(ctx, callup, me.id))) continue;
    const answer = await ctx.db.selectFrom('callup_responses').select(['status', 'post_id']).where('callup_id', '=', callup.id).where('volunteer_id', '=', me.id).executeTakeFirst();
    const posts = await ctx.db.selectFrom('callup_posts').select(['id', 'name', 'address', 'capacity', 'assigned']).where('callup_id', '=', callup.id).orderBy('id').execute();
    items.push({ ...presentCallup(callup), myAnswer: answer?.status ?? null, myPostId: answer?.post_id ?? null, posts });
  }
  return { items };
}

/**
 * Locks a call-up's row for a change to its answers and places. Every such change takes
 * this lock first, so they queue per call-up in one order (never a deadlock) and see a
 * stand-down that came in between.
 */
async function lockOpenCallup(tx: AppContext, id: number): Promise<CallupRow> {
  const callup = await tx.db.selectFrom('callups').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!callup) throw notFound('id');
  if (callup.status === 'stood_down') throw stoodDown();
  return callup;
}

/** Takes one place at a post by a conditional update: concurrent takers never overfill it. */
async function takePlace(tx: AppContext, postId: number): Promise<boolean> {
  const taken = await tx.db.updateTable('callup_posts').set({ assigned: sql<number>`assigned + 1` })
    .where('id', '=', postId).where('assigned', '<', sql<number>`capacity`).executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

interface Answer { decision: 'accept' | 'decline'; postId?: number | undefined }

/**
 * Records a targeted volunteer's answer, whoever gives it: the volunteer on the phone, or
 * staff for them (代为登记). Accepting takes a place at the post asked for (or the emptiest
 * with room); with every post full (or the one asked for) the volunteer stands by. One
 * answer per volunteer: a second one is refused with `already`, inside the transaction.
 */
async function takeAnswer(tx: AppContext, id: number, volunteerId: number, answer: Answer, already: AppError) {
  await lockOpenCallup(tx, id);
  const inserted = await tx.db.insertInto('callup_responses').values({ callup_id: id, volunteer_id: volunteerId, status: answer.decision === 'accept' ? 'accepted' : 'declined' })
    .onConflict((oc) => oc.columns(['callup_id', 'volunteer_id']).doNothing()).returning('volunteer_id').executeTakeFirst();
  if (!inserted) throw already;
  await tx.db.updateTable('callups').set(answer.decision === 'accept' ? { accepted: sql<number>`accepted + 1` } : { declined: sql<number>`declined + 1` })
    .where('id', '=', id).execute();
  if (answer.decision === 'decline') return { callupId: id, status: 'declined' as const, postId: null };
  const candidates = await tx.db.selectFrom('callup_posts').select('id').where('callup_id', '=', id)
    .$if(answer.postId !== undefined, (qb) => qb.where('id', '=', answer.postId!)).orderBy(sql`assigned::float / capacity`).orderBy('id').execute();
  if (answer.postId !== undefined && candidates.length === 0) throw notFound('postId');
  for (const post of candidates) {
    if (await takePlace(tx, post.id)) {
      await tx.db.updateTable('callup_responses').set({ post_id: post.id }).where('callup_id', '=', id).where('volunteer_id', '=', volunteerId).execute();
      return { callupId: id, status: 'accepted' as const, postId: post.id };
    }
  }
  return { callupId: id, status: 'accepted' as const, postId: null };
}

/** A volunteer answers for themselves, on the phone. */
export async function respond(ctx: AppContext, actor: Actor, id: number, answer: Answer) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  const callup = await findCallup(ctx, id);
  if (!me || !callup || !(await targetedVolunteer(ctx, callup, me.id))) throw notFound('id');
  const already = new AppError('CONFLICT', { detail: { zh: '您已回复过这次动员', en: 'You have already answered this call-up' } });
  return inTransaction(ctx, (tx) => takeAnswer(tx, id, me.id, answer, already));
}

/**
 * Staff of the call-up's area record the answer of a volunteer it targets (代为登记: after a
 * phone call, for someone without the app), placed exactly as the volunteer's own answer
 * would be. The audit log keeps who recorded it for whom; a volunteer with an account is
 * told in the inbox.
 */
export async function recordAnswer(ctx: AppContext, actor: Actor, id: number, input: Answer & { volunteerId: number }) {
  const callup = await scopedCallup(ctx, actor, id);
  const volunteer = await targetedVolunteer(ctx, callup, input.volunteerId);
  if (!volunteer) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'volunteerId', detail: { zh: '这位志愿者不在这次动员的对象范围内', en: 'This volunteer is not among those the call-up targets' },
    });
  }
  const already = new AppError('CONFLICT', { field: 'volunteerId', detail: { zh: '这位志愿者已回复过这次动员', en: 'This volunteer has already answered this call-up' } });
  await inTransaction(ctx, async (tx) => {
    const placed = await takeAnswer(tx, id, volunteer.id, input, already);
    await recordAudit(tx, {
      actorId: actor.userId, action: 'callup_answer_record', subject: `volunteer:${volunteer.id}`, regionCode: volunteer.region_code, reason: null,
      details: { callupId: id, status: placed.status, postId: placed.postId },
    });
    const post = placed.postId === null ? null : await tx.db.selectFrom('callup_posts').select('name').where('id', '=', placed.postId).executeTakeFirstOrThrow();
    await inbox.notify(tx, [volunteer.user_id], {
      kind: 'callup_recorded', title: `应急动员：${callup.title}`, link: `/m/callups/${id}`,
      body: placed.status === 'declined' ? '工作人员已为您登记：这次不能参加。'
        : post ? `工作人员已为您登记参加，岗位“${post.name}”，请尽快到岗位报到。` : '工作人员已为您登记参加。岗位暂时已满，请待命，有需要会通知您。',
    });
  });
  return board(ctx, actor, id);
}

/**
 * Frees a place taken at a post (its responder withdrew or was moved off it): the first
 * one standing by (the earliest answer) takes it at once, and is told in the inbox, and
 * by SMS on their own number when the call-up texts (so someone without the app hears
 * too). With nobody standing by, the post has one more place open. The caller holds the
 * call-up's lock, so nobody else changes who stands by meanwhile.
 */
async function freePlace(tx: AppContext, callup: CallupRow, postId: number | null) {
  if (postId === null) return;
  const next = await tx.db.selectFrom('callup_responses').innerJoin('volunteers', 'volunteers.id', 'callup_responses.volunteer_id')
    .select(['callup_responses.volunteer_id', 'volunteers.user_id', 'volunteers.phone_enc'])
    .where('callup_id', '=', callup.id).where('callup_responses.status', '=', 'accepted').where('callup_responses.post_id', 'is', null)
    .orderBy('callup_responses.responded_at').orderBy('callup_responses.volunteer_id').limit(1).executeTakeFirst();
  if (!next) {
    await tx.db.updateTable('callup_posts').set({ assigned: sql<number>`assigned - 1` }).where('id', '=', postId).execute();
    return;
  }
  // The place passes straight on: the post's count stays as it is.
  await tx.db.updateTable('callup_responses').set({ post_id: postId }).where('callup_id', '=', callup.id).where('volunteer_id', '=', next.volunteer_id).execute();
  const post = await tx.db.selectFrom('callup_posts').select(['name', 'address']).where('id', '=', postId).executeTakeFirstOrThrow();
  const message = { kind: 'callup_promoted', title: `应急动员：${callup.title}`, body: `有岗位空出，您已从待命转到“${post.name}”${post.address ? `（${post.address}）` : ''}，请尽快到岗位报到。` };
  await inbox.notify(tx, [next.user_id], { ...message, link: `/m/callups/${callup.id}` });
  if (callup.send_sms) await inbox.textNumber(tx, next.phone_enc, `${message.title}：${message.body}`);
}

/**
 * A volunteer who accepted withdraws (我不能去了): the answer becomes a decline and the
 * place at the post goes to the first one standing by, or stays open.
 */
export async function withdraw(ctx: AppContext, actor: Actor, id: number) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!me) throw notFound('id');
  return inTransaction(ctx, async (tx) => {
    const callup = await lockOpenCallup(tx, id);
    const answer = await tx.db.selectFrom('callup_responses').select(['status', 'post_id'])
      .where('callup_id', '=', id).where('volunteer_id', '=', me.id).executeTakeFirst();
    if (!answer) throw notFound('id');
    if (answer.status !== 'accepted') throw new AppError('CONFLICT', { detail: { zh: '您没有接受这次动员，无需退出', en: 'You have not accepted this call-up' } });
    await tx.db.updateTable('callup_responses').set({ status: 'declined', post_id: null, responded_at: sql<Date>`now()` })
      .where('callup_id', '=', id).where('volunteer_id', '=', me.id).execute();
    await freePlace(tx, callup, answer.post_id);
    await tx.db.updateTable('callups').set({ accepted: sql<number>`accepted - 1`, declined: sql<number>`declined + 1` }).where('id', '=', id).execute();
    return { callupId: id, status: 'declined' as const, postId: null };
  });
}

/**
 * Staff move a responder to another post (or to standing by, with `postId` null). The new
 * place is taken by the same conditional update as an accept, so a move never overfills a
 * post; the place left goes to the first one standing by; the volunteer is told where to
 * go now.
 */
export async function moveResponder(ctx: AppContext, actor: Actor, id: number, move: { volunteerId: number; postId: number | null }) {
  await scopedCallup(ctx, actor, id);
  await inTransaction(ctx, async (tx) => {
    const callup = await lockOpenCallup(tx, id);
    const answer = await tx.db.selectFrom('callup_responses').innerJoin('volunteers', 'volunteers.id', 'callup_responses.volunteer_id')
      .select(['callup_responses.post_id', 'volunteers.user_id']).where('callup_id', '=', id).where('volunteer_id', '=', move.volunteerId)
      .where('callup_responses.status', '=', 'accepted').executeTakeFirst();
    if (!answer) throw notFound('volunteerId');
    if (answer.post_id === move.postId) return;
    let postName: string | null = null;
    if (move.postId !== null) {
      const post = await tx.db.selectFrom('callup_posts').select('name').where('id', '=', move.postId).where('callup_id', '=', id).executeTakeFirst();
      if (!post) throw notFound('postId');
      if (!(await takePlace(tx, move.postId))) throw new AppError('CONFLICT', { field: 'postId', detail: { zh: '这个岗位已满', en: 'This post is full' } });
      postName = post.name;
    }
    // The place left goes on while the one moving still holds it, so it never goes back to them.
    await freePlace(tx, callup, answer.post_id);
    await tx.db.updateTable('callup_responses').set({ post_id: move.postId }).where('callup_id', '=', id).where('volunteer_id', '=', move.volunteerId).execute();
    await inbox.notify(tx, [answer.user_id], {
      kind: 'callup_moved', title: `应急动员：${callup.title}`, body: postName ? `您的岗位已调整为“${postName}”。` : '您已转为待命，请等候安排。', link: `/m/callups/${id}`,
    });
  });
  return board(ctx, actor, id);
}

/** Stand-down: the call-up ends and everyone who came is thanked. */
export async function standDown(ctx: AppContext, actor: Actor, id: number) {
  const callup = await scopedCallup(ctx, actor, id);
  await inTransaction(ctx, async (tx) => {
    const moved = await tx.db.updateTable('callups').set({ status: 'stood_down', stood_down_at: sql<Date>`now()` })
      .where('id', '=', id).where('status', '<>', 'stood_down').executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw stoodDown();
    const came = await tx.db.selectFrom('callup_responses').innerJoin('volunteers', 'volunteers.id', 'callup_responses.volunteer_id')
      .select('volunteers.user_id').where('callup_id', '=', id).where('callup_responses.status', '=', 'accepted').execute();
    await inbox.notify(tx, came.map((c) => c.user_id), { kind: 'callup_stood_down', title: `应急动员结束：${callup.title}`, body: '感谢您的响应与付出！', link: `/m/callups/${id}` });
  });
  return board(ctx, actor, id);
}
