// The type operators that name an API shape from the generated `paths`: what an
// operation answers, takes as a body or as a query. types.ts and the per-capability type
// files all derive their names with these.
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
export type Ok<Operation> = Operation extends { responses: infer R }
  ? Json<R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : never>
  : never;
export type RequestBody<Operation> = Operation extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;
export type Query<Operation> = Operation extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
export type Path<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
