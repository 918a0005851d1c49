import { Type } from 'typebox';
import { Cursor, Id, Limit, nullable, Timestamp } from '../../http/schemas.ts';

export const Entry = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(['service', 'reversal']),
  source: Type.Enum(['activity', 'order', 'wish']),
  sourceId: Type.Integer(),
  title: nullable(Type.String()),
  organizationName: nullable(Type.String()),
  siteName: nullable(Type.String()),
  startedAt: Timestamp,
  endedAt: Timestamp,
  minutes: Type.Integer({ description: 'Negative on a reversal' }),
  hours: Type.Number({ description: 'Hours to one decimal' }),
  reversesId: nullable(Type.Integer()),
  reversed: Type.Boolean(),
  reason: nullable(Type.String()),
  disputeStatus: nullable(Type.Enum(['open', 'corrected', 'rejected'], { description: 'The latest dispute of this entry' })),
  recordedAt: Timestamp,
  volunteer: Type.Optional(Type.Object({ id: Type.Integer(), name: Type.String(), volunteerNo: Type.String() })),
});

export const MyHours = Type.Object({
  minutes: Type.Integer(),
  hours: Type.Number(),
  records: Type.Integer({ description: 'Standing service records' }),
  stars: Type.Integer({ minimum: 0, maximum: 5 }),
  nextStarHours: nullable(Type.Number({ description: 'The total hours at which the next star is earned (the threshold)' })),
  hoursToNextStar: nullable(Type.Number({ description: 'Hours still to serve for the next star' })),
  items: Type.Array(Entry),
  nextCursor: nullable(Type.String()),
});

export const LedgerPage = Type.Object({ items: Type.Array(Entry), nextCursor: nullable(Type.String()) });
export const PageQuery = Type.Object({ cursor: Type.Optional(Cursor), limit: Limit }, { additionalProperties: false });
export const LedgerQuery = Type.Object({ volunteerId: Type.Optional(Id), cursor: Type.Optional(Cursor), limit: Limit }, { additionalProperties: false });

const Reason = Type.String({ minLength: 2, maxLength: 200 });
export const ReverseRequest = Type.Object({ reason: Reason }, { additionalProperties: false });
export const CorrectRequest = Type.Object({ minutes: Type.Integer({ minimum: 0, maximum: 1440 }), reason: Reason }, { additionalProperties: false });
export const Reversal = Type.Object({ reversal: Type.Object({ id: Type.Integer() }) });
export const Correction = Type.Object({ reversal: Type.Object({ id: Type.Integer() }), replacement: Type.Object({ id: Type.Integer(), minutes: Type.Integer() }) });

export const DisputeRequest = Type.Object(
  { claim: Type.String({ minLength: 2, maxLength: 500 }), claimedMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })) },
  { additionalProperties: false },
);
export const DisputeResult = Type.Object({ id: Type.Integer(), entryId: Type.Integer(), status: Type.String() });
export const DisputePage = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer(), entryId: Type.Integer(), volunteerName: Type.String(), claim: Type.String(), claimedMinutes: nullable(Type.Integer()),
    recordedMinutes: Type.Integer(), status: Type.String(), createdAt: Timestamp,
  })),
  nextCursor: nullable(Type.String()),
});
export const ResolveRequest = Type.Object(
  { decision: Type.Enum(['correct', 'reject']), minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })), resolution: Reason },
  { additionalProperties: false },
);
