import { Type } from 'typebox';
import { Cursor, Id, Limit, Password, Phone, SearchText, SiteRef, Timestamp } from '../../http/schemas.ts';
import { roles } from '../../lib/scope.ts';
import { grantableRoles } from './service.ts';

const GrantableRole = Type.Enum(grantableRoles);
const Status = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);

export const Staff = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  phoneMasked: Type.String(),
  status: Status,
  createdAt: Timestamp,
  canManage: Type.Boolean({ description: 'Whether I may rename, disable or reset this account (I outrank all its roles)' }),
  grants: Type.Array(Type.Object({
    id: Type.Integer(), role: Type.Enum(roles), site: SiteRef, revocable: Type.Boolean({ description: 'Whether I may revoke this grant' }),
  }), {
    description: 'Only the grants inside the caller’s area',
  }),
});

export const StaffPage = Type.Object({ items: Type.Array(Staff), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const StaffListQuery = Type.Object(
  {
    siteId: Type.Optional(Id),
    role: Type.Optional(GrantableRole),
    q: Type.Optional(SearchText),
    phoneSuffix: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: 'Last digits of the phone number' })),
    cursor: Type.Optional(Cursor),
    limit: Limit,
  },
  { additionalProperties: false },
);

export const CreateStaffRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    phone: Phone,
    role: GrantableRole,
    siteId: Id,
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);

export const CreateStaffResponse = Type.Object({
  staff: Staff,
  created: Type.Boolean({ description: 'false when the role was added to an existing account' }),
  initialPassword: Type.Union([Type.String(), Type.Null()], { description: 'Generated first password, shown only once' }),
});

export const GrantRequest = Type.Object({ role: GrantableRole, siteId: Id }, { additionalProperties: false });
export const UserParams = Type.Object({ userId: Id }, { additionalProperties: false });
export const GrantParams = Type.Object({ userId: Id, grantId: Id }, { additionalProperties: false });
export const UpdateStaffRequest = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), status: Type.Optional(Status) },
  { additionalProperties: false, minProperties: 1 },
);
export const ResetPasswordResponse = Type.Object({ temporaryPassword: Type.String({ description: 'Shown only once' }) });
