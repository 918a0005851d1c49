import { describe, expect, it } from 'vitest';
import { CheckInBatcher } from './check-in-batch.ts';
import type { CheckInAsked } from './queries.ts';

interface Row { activity_id: number; user_id: number }

/** A statement the test lets finish when it wants, recording what each was asked. */
function heldInserts(outcome: (asked: CheckInAsked[]) => Row[] | Error = (asked) => asked.map((a) => ({ activity_id: a.activityId, user_id: a.userId }))) {
  const statements: { asked: CheckInAsked[]; finish: () => void }[] = [];
  const insert = (asked: CheckInAsked[]) => new Promise<Row[]>((resolve, reject) => {
    statements.push({ asked, finish: () => { const result = outcome(asked); if (result instanceof Error) reject(result); else resolve(result); } });
  });
  return { statements, batcher: new CheckInBatcher<Row>(insert) };
}

const ask = (userId: number, activityId = 1): CheckInAsked => ({ activityId, userId, at: new Date(), method: 'qr' });
const tick = () => new Promise((resolve) => setImmediate(resolve));
const usersOf = (statement: { asked: CheckInAsked[] }) => statement.asked.map((a) => a.userId);

describe('check-ins arriving together', () => {
  it('go at once while few are on their way, then together in one statement, each answered with its own row', async () => {
    const { statements, batcher } = heldInserts();
    const answers = Array.from({ length: 14 }, (_, i) => batcher.record(ask(i + 1)));
    await tick();
    expect(statements.map(usersOf)).toEqual([[1], [2], [3], [4]]);
    statements[0]!.finish();
    await tick();
    expect(statements.map(usersOf).slice(4)).toEqual([[5, 6, 7, 8, 9, 10, 11, 12, 13, 14]]);
    for (const statement of statements) statement.finish();
    expect((await Promise.all(answers)).map((row) => row?.user_id)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('put two scans of one person in separate statements, and answer nothing for a check-in not recorded', async () => {
    const { statements, batcher } = heldInserts((asked) => asked.filter((a) => a.userId !== 9).map((a) => ({ activity_id: a.activityId, user_id: a.userId })));
    const busy = Array.from({ length: 4 }, (_, i) => batcher.record(ask(100 + i)));
    await tick();
    const answers = [batcher.record(ask(7)), batcher.record(ask(7, 2)), batcher.record(ask(8)), batcher.record(ask(9))];
    statements[0]!.finish();
    await tick();
    statements[1]!.finish();
    await tick();
    expect(statements.slice(4).map(usersOf)).toEqual([[7, 8, 9], [7]]);
    for (const statement of statements) statement.finish();
    await Promise.all(busy);
    expect((await Promise.all(answers)).map((row) => row && [row.user_id, row.activity_id])).toEqual([[7, 1], [7, 2], [8, 1], undefined]);
  });

  it('try each alone when their statement fails, so that one check-in’s trouble fails only itself', async () => {
    const { statements, batcher } = heldInserts((asked) => (asked.some((a) => a.userId === 13) ? new Error('deadlock detected') : asked.map((a) => ({ activity_id: a.activityId, user_id: a.userId }))));
    const busy = Array.from({ length: 4 }, (_, i) => batcher.record(ask(100 + i)));
    await tick();
    const answers = [11, 12, 13].map((user) => batcher.record(ask(user)).then((row) => row?.user_id, (error: Error) => error.message));
    statements[0]!.finish();
    await tick();
    statements[4]!.finish();
    for (let i = 0; i < 10; i += 1) {
      await tick();
      for (const statement of statements.slice(5)) statement.finish();
    }
    for (const statement of statements.slice(1, 4)) statement.finish();
    await Promise.all(busy);
    expect(statements.slice(4).map(usersOf)).toEqual([[11, 12, 13], [11], [12], [13]]);
    expect(await Promise.all(answers)).toEqual([11, 12, 'deadlock detected']);
  });
});
