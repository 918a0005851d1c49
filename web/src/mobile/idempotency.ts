// Writes a phone may retry (sign-up, check-in, registration…) carry an Idempotency-Key:
// one key per user action, reused while the outcome is unknown (the network dropped, the
// server failed or is still busy with it), so a retry replays the first answer instead of
// writing twice. Once the server has answered, the next action gets a new key: the server
// replays any answer it kept, so a corrected form must not reuse the old key.
import { useState } from 'react';
import { ApiFailure } from '../shared/errors';

export type IdempotencyHeaders = { 'Idempotency-Key': string };

/** A random (version 4) UUID; crypto.randomUUID needs HTTPS, getRandomValues does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether the server may not have finished the request, so a retry must reuse the key. */
function outcomeUnknown(error: unknown): boolean {
  return error instanceof ApiFailure && (error.status === 0 || error.status >= 500 || error.code === 'IDEMPOTENCY_IN_PROGRESS');
}

export class IdempotentAction {
  private key: string | null = null;

  async run<T>(send: (headers: IdempotencyHeaders) => Promise<T>): Promise<T> {
    this.key ??= newIdempotencyKey();
    try {
      const result = await send({ 'Idempotency-Key': this.key });
      this.key = null;
      return result;
    } catch (error) {
      if (!outcomeUnknown(error)) this.key = null;
      throw error;
    }
  }
}

/** One retry-safe action of a screen (a button): `run` sends with its key. */
export function useIdempotentAction(): IdempotentAction {
  const [action] = useState(() => new IdempotentAction());
  return action;
}
