import { Type } from 'typebox';
import { Cursor, Id, Limit, nullable, RegionCode, Timestamp } from '../../http/schemas.ts';
import { serviceCategories } from '../../lib/categories.ts';

const Latitude = Type.Number({ minimum: 3, maximum: 54 });
const Longitude = Type.Number({ minimum: 73, maximum: 136 });

export const ActivityInput = Type.Object(
  {
    projectId: Id,
    title: Type.String({ minLength: 2, maxLength: 100 }),
    description: Type.Optional(nullable(Type.String({ maxLength: 5000 }))),
    siteId: Id,
    address: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
    longitude: Type.Optional(nullable(Longitude)),
    latitude: Type.Optional(nullable(Latitude)),
    checkinRadiusM: Type.Optional(Type.Integer({ minimum: 20, maximum: 5000, description: 'Location check-in radius, metres (default 300)' })),
    startsAt: Timestamp,
    endsAt: Timestamp,
    recruitFrom: Type.Optional(Timestamp),
    recruitUntil: Type.Optional(Timestamp),
    quota: Type.Integer({ minimum: 1, maximum: 100000 }),
    requiresApproval: Type.Optional(Type.Boolean()),
    minAge: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
    requiredSkills: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10, uniqueItems: true })),
    riskFlagged: Type.Optional(Type.Boolean({ description: 'Risky activities need an insurance record (条例 Art 22)' })),
    insuranceRef: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
    requiredQualification: Type.Optional(nullable(Type.String({ maxLength: 30, description: 'e.g. 急救: one a published course open to the activity’s area grants (GET /training/qualifications)' }))),
    repeatWeeks: Type.Optional(Type.Integer({ minimum: 0, maximum: 52, description: 'Further weekly copies' })),
  },
  { additionalProperties: false },
);

export const ActivityUpdate = Type.Object(
  {
    title: Type.Optional(ActivityInput.properties.title),
    description: Type.Optional(ActivityInput.properties.description),
    quota: Type.Optional(Type.Integer({
      minimum: 1, maximum: 100000,
      description: 'Until the end; never below those confirmed. A raise gives the new seats to the waiting list, longest-waiting first.',
    })),
    startsAt: Type.Optional(Type.String({ format: 'date-time', description: 'Before the start only, and not once anyone has checked in; those signed up are told' })),
    endsAt: Type.Optional(Timestamp),
    recruitFrom: Type.Optional(Timestamp),
    recruitUntil: Type.Optional(Type.String({ format: 'date-time', description: 'Left out: a recruitment that ran until the start follows a moved start' })),
    address: ActivityInput.properties.address,
    longitude: ActivityInput.properties.longitude,
    latitude: ActivityInput.properties.latitude,
    checkinRadiusM: ActivityInput.properties.checkinRadiusM,
    minAge: ActivityInput.properties.minAge,
    requiredSkills: ActivityInput.properties.requiredSkills,
    peopleServed: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'How many people the activity served' })),
    requiredQualification: Type.Optional(nullable(Type.String({
      maxLength: 30, description: 'One a published course open to the activity’s area grants (GET /training/qualifications); null or blank: none. Sign-ups already made stand.',
    }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Activity = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  description: nullable(Type.String()),
  category: Type.String(),
  project: Type.Object({ id: Type.Integer(), name: Type.String() }),
  organization: Type.Object({ id: Type.Integer(), name: Type.String() }),
  site: Type.Object({ id: Type.Integer(), name: Type.String(), regionCode: RegionCode }),
  address: nullable(Type.String()),
  longitude: nullable(Type.Number()),
  latitude: nullable(Type.Number()),
  checkinRadiusM: Type.Integer(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  recruitFrom: Timestamp,
  recruitUntil: Timestamp,
  quota: Type.Integer(),
  confirmedCount: Type.Integer(),
  waitlistCount: Type.Integer(),
  requiresApproval: Type.Boolean(),
  minAge: nullable(Type.Integer()),
  requiredSkills: Type.Array(Type.String()),
  riskFlagged: Type.Boolean(),
  insuranceRef: nullable(Type.String()),
  requiredQualification: nullable(Type.String()),
  peopleServed: nullable(Type.Integer()),
  recurrenceId: nullable(Type.String()),
  status: Type.Enum(['published', 'cancelled', 'finished']),
  cancelReason: nullable(Type.String()),
  distanceKm: Type.Optional(nullable(Type.Number())),
});

export const ActivityDetail = Type.Object({
  ...Activity.properties,
  mySignup: nullable(Type.Enum(['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'], { description: 'The asking volunteer’s own sign-up' })),
});
export const ActivityList = Type.Object({ items: Type.Array(Activity) });
export const ActivityPage = Type.Object({ items: Type.Array(Activity), nextCursor: nullable(Type.String()) });

export const ActivityListQuery = Type.Object(
  {
    under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    projectId: Type.Optional(Id),
    status: Type.Optional(Type.Enum(['published', 'cancelled', 'finished'])),
    category: Type.Optional(Type.Enum(serviceCategories)),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    cursor: Type.Optional(Cursor),
    limit: Limit,
  },
  { additionalProperties: false },
);

export const BrowseQuery = Type.Object(
  {
    latitude: Type.Optional(Latitude),
    longitude: Type.Optional(Longitude),
    radiusKm: Type.Optional(Type.Number({ minimum: 0.1, maximum: 200 })),
    category: Type.Optional(Type.Enum(serviceCategories)),
    under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }),
  },
  { additionalProperties: false },
);

export const CancelRequest = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });

const SignupStatus = Type.Enum(['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected']);
export const SignupResult = Type.Object({ activityId: Type.Integer(), status: SignupStatus });
export const MySignups = Type.Object({
  items: Type.Array(Type.Object({
    activityId: Type.Integer(), title: Type.String(), startsAt: Timestamp, endsAt: Timestamp, activityStatus: Type.String(), status: SignupStatus,
    checkedInAt: nullable(Timestamp), checkedOutAt: nullable(Timestamp), confirmed: Type.Boolean(),
  })),
});
export const VolunteerParams = Type.Object({ id: Id, volunteerId: Id }, { additionalProperties: false });
export const SignupDecision = Type.Object({ decision: Type.Enum(['approve', 'reject']) }, { additionalProperties: false });

export const CheckInCode = Type.Object({
  token: Type.String({ description: 'Show as a QR code; renew every refreshSeconds' }),
  expiresAt: Timestamp,
  refreshSeconds: Type.Integer(),
});
export const Proof = Type.Object(
  {
    token: Type.Optional(Type.String({ maxLength: 100, description: 'The scanned QR code' })),
    latitude: Type.Optional(Latitude),
    longitude: Type.Optional(Longitude),
    locationConsent: Type.Optional(Type.Boolean({ description: 'Consent to use the precise location for this check (not stored)' })),
  },
  { additionalProperties: false },
);
export const CheckResult = Type.Object({
  checkedInAt: Timestamp,
  checkedOutAt: nullable(Timestamp),
  method: Type.Optional(Type.String()),
  repeated: Type.Boolean({ description: 'true when this scan repeated an earlier one and changed nothing' }),
});
export const RosterMark = Type.Object({ checkInAt: Timestamp, checkOutAt: Type.Optional(nullable(Timestamp)) }, { additionalProperties: false });
export const Roster = Type.Object({
  items: Type.Array(Type.Object({
    volunteerId: Type.Integer(), name: Type.String(), volunteerNo: Type.String(), phoneMasked: Type.String(), status: Type.String(),
    checkInAt: nullable(Timestamp), checkInMethod: nullable(Type.String()), checkOutAt: nullable(Timestamp), checkOutMethod: nullable(Type.String()),
    flagged: Type.Boolean({ description: 'Check-out closed automatically at the end: minutes must be stated' }), confirmed: Type.Boolean(),
  })),
});
export const ConfirmRequest = Type.Object(
  {
    adjustments: Type.Optional(Type.Array(
      Type.Object({ volunteerId: Id, minutes: Type.Integer({ minimum: 0, maximum: 1440 }) }, { additionalProperties: false }),
      { maxItems: 10000 },
    )),
  },
  { additionalProperties: false },
);
export const ConfirmResult = Type.Object({
  recorded: Type.Array(Type.Object({ volunteerId: Type.Integer(), minutes: Type.Integer() })),
  skipped: Type.Array(Type.Object({
    volunteerId: Type.Integer(),
    reason: Type.Enum(['forgot_check_out', 'not_checked_out', 'overlaps_recorded'], {
      description: 'overlaps_recorded: part of the time is already in the ledger for another activity; state the minutes (at most the time still free)',
    }),
  })),
});
export const RatingRequest = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(nullable(Type.String({ maxLength: 500 }))) },
  { additionalProperties: false },
);
export const RatingSummary = Type.Object({ activityId: Type.Integer(), averageScore: nullable(Type.Number()), ratings: Type.Integer() });
