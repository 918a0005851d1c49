// The in-app inbox: every state change that concerns a person is written here, in the
// same transaction as the change, so nobody is told about something that did not happen.
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../lib/errors.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import type { Actor } from '../../lib/scope.ts';
import { queueSms } from './outbox.ts';

export interface Message {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

/**
 * Writes the message to each person's inbox; with `sms`, also texts them (residents
 * who do not open the app still learn that their wish was claimed or their order sent).
 * Texts go through the SMS outbox: they leave only once the caller's transaction commits.
 */
export async function notify(ctx: AppContext, userIds: (number | null | undefined)[], message: Message, options: { sms?: boolean } = {}) {
  const recipients = [...new Set(userIds.filter((id): id is number => typeof id === 'number'))];
  if (recipients.length === 0) return;
  await ctx.db.insertInto('notifications')
    .values(recipients.map((userId) => ({ user_id: userId, kind: message.kind, title: message.title, body: message.body, link: message.link ?? null })))
    .execute();
  if (options.sms) await textPeople(ctx, recipients, `【连心桥】${message.title}：${message.body}`);
}

/** Texts people by account (queued with the caller's transaction, sent after it commits). */
export async function textPeople(ctx: AppContext, userIds: number[], text: string) {
  if (userIds.length === 0) return;
  const rows = await ctx.db.selectFrom('users').select('phone_enc').where('id', 'in', userIds).execute();
  await queueSms(ctx, rows.map((row) => ({ phoneEnc: row.phone_enc, text })));
}

/** Texts a number stored encrypted (a beneficiary without an account), after commit. */
export async function textNumber(ctx: AppContext, phoneEnc: string | null, text: string) {
  if (phoneEnc) await queueSms(ctx, [{ phoneEnc, text: `【连心桥】${text}` }]);
}

export async function myInbox(ctx: AppContext, actor: Actor, page: { cursor?: string | undefined; limit: number; unread?: boolean | undefined }) {
  const before = decodeCursor(page.cursor);
  let query = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', actor.userId);
  if (page.unread) query = query.where('read_at', 'is', null);
  if (before) query = query.where('id', '<', Number(before[0]));
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const unread = await ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  const result = pageOf(rows, page.limit, (row) => [row.id]);
  return {
    unread: unread.n,
    items: result.items.map((row) => ({
      id: row.id, kind: row.kind, title: row.title, body: row.body, link: row.link,
      createdAt: row.created_at.toISOString(), read: row.read_at !== null,
    })),
    nextCursor: result.nextCursor,
  };
}

export async function markRead(ctx: AppContext, actor: Actor, id: number | 'all') {
  let query = ctx.db.updateTable('notifications').set({ read_at: sql<Date>`now()` }).where('user_id', '=', actor.userId).where('read_at', 'is', null);
  if (id !== 'all') {
    const exists = await ctx.db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!exists) throw notFound('id');
    query = query.where('id', '=', id);
  }
  await query.execute();
  return { ok: true };
}
