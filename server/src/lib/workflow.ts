// State machines of wishes and orders: a move happens only from the states it is legal in,
// by one conditional UPDATE (so two people pressing at once cannot both win), and leaves
// an event with who and why. An illegal move answers 409 with the current state.
import { sql, type Updateable } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { AppError, notFound } from './errors.ts';

type Subject = 'wish' | 'order';
const tables = { wish: 'wishes', order: 'orders' } as const;

export interface Move<S extends Subject> {
  subject: S;
  id: number;
  from: string[];
  to: string;
  actorId: number | null;
  note?: string | null;
  set?: Updateable<DB[(typeof tables)[S]]>;
  /** Extra condition for the move (e.g. the claimer is the one fulfilling); unmet, it answers 409. */
  when?: ReturnType<typeof sql<boolean>>;
  /** Whose row it is to move (e.g. the resident who placed the order); anyone else's reads as missing (404). */
  by?: ReturnType<typeof sql<boolean>>;
}

export async function move<S extends Subject>(ctx: AppContext, change: Move<S>): Promise<{ from: string }> {
  const table = tables[change.subject];
  const updated = await sql<{ old_status: string }>`
    UPDATE ${sql.table(table)} AS t SET ${sql.join([
      sql`status = ${change.to}`,
      sql`updated_at = now()`,
      ...Object.entries(change.set ?? {}).filter(([, value]) => value !== undefined)
        .map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
    ])}
    FROM (SELECT id, status AS old_status FROM ${sql.table(table)} WHERE id = ${change.id} FOR UPDATE) AS before
    WHERE t.id = before.id AND t.status IN (${sql.join(change.from)}) ${change.when ? sql`AND ${change.when}` : sql``}
      ${change.by ? sql`AND ${change.by}` : sql``}
    RETURNING before.old_status`.execute(ctx.db);
  const row = updated.rows[0];
  if (!row) {
    // Someone else's row reads as missing: its state is not theirs to learn.
    const current = await sql<{ status: string }>`
      SELECT t.status FROM ${sql.table(table)} AS t WHERE t.id = ${change.id} ${change.by ? sql`AND ${change.by}` : sql``}`.execute(ctx.db);
    const state = current.rows[0]?.status;
    if (!state) throw notFound('id');
    throw new AppError('INVALID_TRANSITION', { field: 'status', params: { state } });
  }
  await ctx.db.insertInto('workflow_events').values({
    subject: change.subject, subject_id: change.id, from_status: row.old_status, to_status: change.to, actor_id: change.actorId, note: change.note ?? null,
  }).execute();
  return { from: row.old_status };
}

/** Records the first state of a new wish or order. */
export async function started(ctx: AppContext, subject: Subject, id: number, status: string, actorId: number | null) {
  await ctx.db.insertInto('workflow_events').values({ subject, subject_id: id, from_status: null, to_status: status, actor_id: actorId }).execute();
}

export function timeline(ctx: AppContext, subject: Subject, id: number) {
  return ctx.db.selectFrom('workflow_events').leftJoin('users', 'users.id', 'workflow_events.actor_id')
    .select(['workflow_events.from_status', 'workflow_events.to_status', 'workflow_events.note', 'workflow_events.at', 'users.name as actor_name'])
    .where('subject', '=', subject).where('subject_id', '=', id).orderBy('workflow_events.id').execute();
}
