// Check-ins that arrive while others are on their way to the database go together, as one
// statement and one commit. At the start of an activity its whole team scans the leader's
// code within a minute, and across a county many activities start on the hour: the
// database then records a batch for about the cost of one check-in. A check-in that finds
// no batch under way is sent at once, so a quiet hour waits for nothing.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import * as q from './queries.ts';

/** Statements on their way at once; a check-in arriving meanwhile waits to join the next. */
const IN_FLIGHT = 4;
/** Check-ins in one statement at most. */
const BATCH = 64;

type Recorded = Awaited<ReturnType<typeof q.insertCheckIns>>[number];

interface Waiting<Row> {
  asked: q.CheckInAsked;
  resolve: (row: Row | undefined) => void;
  reject: (error: unknown) => void;
}

const keyOf = (asked: { activityId: number; userId: number }) => `${asked.activityId}:${asked.userId}`;

export class CheckInBatcher<Row extends Pick<Recorded, 'activity_id' | 'user_id'>> {
  private readonly waiting: Waiting<Row>[] = [];
  private inFlight = 0;

  constructor(private readonly insert: (asked: q.CheckInAsked[]) => Promise<Row[]>) {}

  record(asked: q.CheckInAsked): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ asked, resolve, reject });
      this.send();
    });
  }

  private send() {
    while (this.inFlight < IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.nextBatch();
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.send();
      });
    }
  }

  /**
   * The next check-ins in the order they came, one per person: two scans of one phone
   * (a retry, or two activities at once) go in separate statements, as they did unbatched.
   */
  private nextBatch(): Waiting<Row>[] {
    const batch: Waiting<Row>[] = [];
    const people = new Set<number>();
    for (let i = 0; i < this.waiting.length && batch.length < BATCH;) {
      const waiting = this.waiting[i]!;
      if (people.has(waiting.asked.userId)) {
        i += 1;
        continue;
      }
      people.add(waiting.asked.userId);
      batch.push(waiting);
      this.waiting.splice(i, 1);
    }
    return batch;
  }

  private async run(batch: Waiting<Row>[]) {
    try {
      const rows = new Map((await this.insert(batch.map((w) => w.asked))).map((row) => [keyOf({ activityId: row.activity_id, userId: row.user_id }), row]));
      for (const waiting of batch) waiting.resolve(rows.get(keyOf(waiting.asked)));
    } catch (error) {
      // One check-in's trouble (a deadlock with another batch, say) must not fail the others: each alone.
      if (batch.length === 1) return batch[0]!.reject(error);
      await Promise.all(batch.map(async (waiting) => {
        try {
          waiting.resolve((await this.insert([waiting.asked]))[0]);
        } catch (alone) {
          waiting.reject(alone);
        }
      }));
    }
  }
}

const batchers = new WeakMap<Kysely<DB>, CheckInBatcher<Recorded>>();

/** Records one check-in (see queries.insertCheckIns), in a batch with those arriving with it. */
export function recordCheckIn(db: Kysely<DB>, asked: q.CheckInAsked): Promise<Recorded | undefined> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new CheckInBatcher((all) => q.insertCheckIns(db, all))));
  return batcher.record(asked);
}
