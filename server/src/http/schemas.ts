// Schema pieces shared by routes. Limits here are the ones the web client shows too.
import { Type } from 'typebox';
import { siteKinds } from '../lib/scope.ts';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine code, e.g. VALIDATION_FAILED' }),
      message: Type.String({ description: 'Human message in the requested language' }),
      field: Type.Optional(Type.String({ description: 'The request field at fault, when one is' })),
    }),
  },
  { $id: 'ErrorResponse' },
);

/** The schema, or null. */
export const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** An approve-or-reject decision; a rejection carries its reason (checked by the service). */
export const ReviewRequest = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject']),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Required when rejecting; shown to the applicant' })),
  },
  { additionalProperties: false },
);

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const PHONE_PATTERN = '^1[0-9]{10}$';
export const Phone = Type.String({ pattern: PHONE_PATTERN, description: 'Mainland mobile number, 11 digits starting with 1' });
export const RegionCode = Type.String({ pattern: '^[0-9]{12}$', description: 'GB/T 2260 division code, 12 digits' });
export const RegionCodeParams = Type.Object({ code: RegionCode }, { additionalProperties: false });
export const SiteRef = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.Enum(siteKinds),
  regionCode: RegionCode,
});
export const Password = Type.String({ minLength: 1, maxLength: 128 });
export const Timestamp = Type.String({ format: 'date-time' });
export const Cursor = Type.String({ maxLength: 200, description: 'Opaque cursor from the previous page' });
export const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });
export const SearchText = Type.String({ minLength: 1, maxLength: 50 });

/** Responses every route may give besides its success. */
export const errorResponses = {
  400: Type.Ref('ErrorResponse'),
  401: Type.Ref('ErrorResponse'),
  403: Type.Ref('ErrorResponse'),
  404: Type.Ref('ErrorResponse'),
  409: Type.Ref('ErrorResponse'),
  429: Type.Ref('ErrorResponse'),
  503: Type.Ref('ErrorResponse'),
};

export function page<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page; null on the last' }),
  });
}

/** Teams and volunteers suggested for a wish or an order, with why. */
const Suggestion = Type.Object({ kind: Type.Enum(['organization', 'volunteer']), id: Type.Integer(), name: Type.String(), score: Type.Integer(), reasons: Type.Array(Type.String()) });
export const Suggestions = Type.Object({ organizations: Type.Array(Suggestion), volunteers: Type.Array(Suggestion) });
