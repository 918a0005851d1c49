import { describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json' with { type: 'json' };
import { mobileLimits } from './limits';

type Schema = { minLength?: number; maxLength?: number; anyOf?: Schema[]; properties?: Record<string, Schema> };
const body = (path: string) =>
  (openapi.paths as unknown as Record<string, { post: { requestBody: { content: { 'application/json': { schema: Schema } } } } }>)[path]!
    .post.requestBody.content['application/json'].schema.properties!;

describe('the phone’s request limits follow the API', () => {
  it('has the dispute and rating limits', () => {
    const claim = body('/api/v1/hours/{id}/dispute').claim!;
    expect(mobileLimits.claim).toEqual({ min: claim.minLength, max: claim.maxLength });
    const comment = body('/api/v1/activities/{id}/rating').comment!;
    expect(mobileLimits.ratingComment).toBe(comment.anyOf!.find((branch) => branch.maxLength)!.maxLength);
  });
});
