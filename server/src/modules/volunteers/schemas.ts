import { Type, type TSchema } from 'typebox';
import { Cursor, Id, Limit, nullable, Password, Phone, RegionCode, Timestamp } from '../../http/schemas.ts';
import { availabilityOptions, serviceCategories } from '../../lib/categories.ts';

export const ID_NUMBER_PATTERN = '^[0-9]{17}[0-9Xx]$';
export const IdNumber = Type.String({ pattern: ID_NUMBER_PATTERN, description: '18-character resident ID number (GB 11643)' });
export const Category = Type.Enum(serviceCategories);
const Skill = Type.String({ minLength: 1, maxLength: 20 });
const Status = Type.Enum(['pending', 'active', 'rejected', 'suspended']);

type ListOptions = { minItems?: number };
const skillList = (options: ListOptions = {}) => Type.Array(Skill, { ...options, maxItems: 20, uniqueItems: true, description: 'e.g. 急救, 书法, 法律咨询' });
const availabilityList = (options: ListOptions = {}) => Type.Array(Type.Enum(availabilityOptions), { ...options, maxItems: 5, uniqueItems: true });

/**
 * Skills and available time are required at registration (DOMAIN.md "Registration and
 * minors"): at least one of each, and no default that would let a registration leave them out.
 */
const atLeastOne: ListOptions = { minItems: 1 };

const profile = {
  categories: Type.Array(Category, { maxItems: 8, uniqueItems: true, default: [] }),
  skills: skillList(atLeastOne),
  availability: availabilityList(atLeastOne),
  partyMember: Type.Boolean({ default: false, description: '中共党员 (pairing schemes need it)' }),
  emergencyReserve: Type.Boolean({ default: false, description: 'Joins the emergency reserve (应急志愿者储备)' }),
};

export const Guardian = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    phone: Phone,
    consent: Type.Literal(true, { description: 'The guardian agrees (required under 18)' }),
  },
  { additionalProperties: false },
);

/** What a volunteer registration carries, whoever enters it (self, staff, import). */
export const VolunteerInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: IdNumber,
    phone: Phone,
    siteId: Id,
    ...profile,
    guardian: Type.Optional(nullable(Guardian)),
    consent: Type.Literal(true, { description: 'Consent to processing the personal data given here' }),
  },
  { additionalProperties: false },
);

export const SelfRegistration = Type.Object(
  { ...VolunteerInput.properties, password: Password },
  { additionalProperties: false },
);

export const MyRegistration = Type.Object(
  { ...VolunteerInput.properties, phone: Type.Optional(Phone) },
  { additionalProperties: false, description: 'Registration from a signed-in account; the phone defaults to the account’s' },
);

/**
 * A field a correction may carry: absent means unchanged, so the registration's default
 * (an empty list) must not be filled in for it by the validator.
 */
function correctable<T extends TSchema>(schema: T) {
  const { default: _, ...rest } = schema as T & { default?: unknown };
  return Type.Optional(rest as T);
}

/**
 * Skills and available time as a correction takes them: optional, and without the
 * registration's minimum. The console's edit form sends both lists with every edit, so a
 * minimum would refuse a phone correction of a record entered or imported before the lists
 * were required.
 */
const correctableOffer = { skills: Type.Optional(skillList()), availability: Type.Optional(availabilityList()) };

// The other lists are `correctable`: with the registration's defaults, an edit leaving them
// out (a phone correction alone) would have emptied them.
export const VolunteerUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    siteId: Type.Optional(Id),
    categories: correctable(profile.categories),
    ...correctableOffer,
    partyMember: Type.Optional(Type.Boolean()),
    emergencyReserve: Type.Optional(Type.Boolean()),
    phone: Type.Optional(Phone),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Volunteer = Type.Object({
  id: Type.Integer(),
  volunteerNo: Type.String({ description: '志愿者编号, the public identifier' }),
  name: Type.String(),
  idMasked: Type.String({ description: 'e.g. 2103**********123X' }),
  phoneMasked: Type.String(),
  sex: Type.Enum(['M', 'F']),
  age: Type.Integer(),
  site: Type.Object({ id: Type.Integer(), name: Type.String(), regionCode: RegionCode }),
  categories: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  availability: Type.Array(Type.String()),
  partyMember: Type.Boolean(),
  emergencyReserve: Type.Boolean(),
  guardian: nullable(Type.Object({ name: Type.String(), phoneMasked: Type.String() })),
  status: Status,
  rejectReason: nullable(Type.String()),
  source: Type.Enum(['self', 'staff', 'import']),
  lastServedOn: nullable(Type.String({ description: 'Last day with a service record (YYYY-MM-DD)' })),
  createdAt: Timestamp,
});

export const VolunteerDetail = Type.Object({
  ...Volunteer.properties,
  organizations: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), category: Type.String(), status: Type.String() })),
});

export const VolunteerPage = Type.Object({ items: Type.Array(Volunteer), nextCursor: nullable(Type.String()) });

export const VolunteerListQuery = Type.Object(
  {
    under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    siteId: Type.Optional(Id),
    category: Type.Optional(Category),
    skill: Type.Optional(Skill),
    organizationId: Type.Optional(Id),
    partyMember: Type.Optional(Type.Boolean()),
    emergencyReserve: Type.Optional(Type.Boolean()),
    status: Type.Optional(Status),
    activity: Type.Optional(Type.Enum(['active', 'inactive', 'never'], { description: 'active: a service record in the last 12 months' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Start of the name or of its pinyin initials' })),
    phoneSuffix: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
    cursor: Type.Optional(Cursor),
    limit: Limit,
  },
  { additionalProperties: false },
);

export const RevealRequest = Type.Object(
  {
    fields: Type.Array(Type.Enum(['idNumber', 'phone']), { minItems: 1, maxItems: 2, uniqueItems: true }),
    reason: Type.String({ minLength: 2, maxLength: 200, description: 'Why the full number is needed; kept in the audit log' }),
  },
  { additionalProperties: false },
);

export const RevealResponse = Type.Object({
  idNumber: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
});

/**
 * What volunteers correct themselves (我的 → 修改资料): their contact phone and what they
 * offer. Name and ID number are corrected by their practice station (staff), which keeps
 * the ID number unique; the home site moves through the station too.
 */
export const VolunteerSelfUpdate = Type.Object(
  {
    phone: Type.Optional(Phone),
    categories: correctable(profile.categories),
    ...correctableOffer,
    partyMember: correctable(profile.partyMember),
    emergencyReserve: correctable(profile.emergencyReserve),
  },
  { additionalProperties: false, minProperties: 1, description: 'Fields left out stay as they are' },
);
