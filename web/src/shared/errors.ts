// One way to call the API and one shape of failure, so every screen can show every error.
import type { ApiError } from '../api/client';

/** A request that did not succeed: the API's {code, message, field}, or a network failure. */
export class ApiFailure extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly status: number;

  constructor(status: number, error: Partial<ApiError>) {
    super(error.message ?? '');
    this.code = error.code ?? (status === 0 ? 'NETWORK' : `HTTP_${status}`);
    this.field = error.field;
    this.status = status;
  }
}

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function apiErrorOf(body: unknown): Partial<ApiError> {
  const error = (body as { error?: Partial<ApiError> } | null)?.error;
  return typeof error?.message === 'string' ? error : {};
}

/** Awaits an openapi-fetch call and returns its data and response, or throws an ApiFailure. */
export async function callWithResponse<T>(request: Promise<Outcome<T>>): Promise<{ data: T; response: Response }> {
  let outcome: Outcome<T>;
  try {
    outcome = await request;
  } catch {
    throw new ApiFailure(0, {});
  }
  if (!outcome.response.ok) throw new ApiFailure(outcome.response.status, apiErrorOf(outcome.error));
  return { data: outcome.data as T, response: outcome.response };
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiFailure. */
export async function call<T>(request: Promise<Outcome<T>>): Promise<T> {
  return (await callWithResponse(request)).data;
}

type Translate = (key: 'error.network' | 'error.server' | 'error.unexpected', params?: Record<string, string | number>) => string;

/** The message to show a person: the server's own words when it gave some. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiFailure)) return t('error.unexpected');
  if (error.message) return error.message;
  return error.status === 0 ? t('error.network') : t('error.server', { status: error.status });
}

/** Where a failure belongs on a form: under the field the API named, if the form has it. */
export function placeError(error: unknown, fields: readonly string[], t: Translate): { field: string | undefined; message: string } {
  const field = error instanceof ApiFailure && error.field && fields.includes(error.field) ? error.field : undefined;
  return { field, message: errorMessage(error, t) };
}
