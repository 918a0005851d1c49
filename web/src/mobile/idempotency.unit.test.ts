import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../shared/errors';
import { IdempotentAction, newIdempotencyKey } from './idempotency';

const keys = async (action: IdempotentAction, outcomes: (unknown | 'ok')[]) => {
  const sent: string[] = [];
  for (const outcome of outcomes) {
    await action.run(async (headers) => {
      sent.push(headers['Idempotency-Key']);
      if (outcome !== 'ok') throw outcome;
    }).catch(() => undefined);
  }
  return sent;
};

describe('idempotency keys', () => {
  it('makes version 4 UUIDs the server accepts', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });

  it('reuses the key while the outcome is unknown, and renews it once the server answered', async () => {
    const sent = await keys(new IdempotentAction(), [
      new ApiFailure(0, {}), // network dropped: same key again
      new ApiFailure(409, { code: 'IDEMPOTENCY_IN_PROGRESS', message: '' }), // still running: same key
      'ok', // done: the next action is a new one
      new ApiFailure(400, { code: 'VALIDATION_FAILED', message: '身份证号校验位不正确' }), // answered: a corrected retry is new
      'ok',
    ]);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[2]).toBe(sent[0]);
    expect(sent[3]).not.toBe(sent[2]);
    expect(sent[4]).not.toBe(sent[3]);
  });
});
