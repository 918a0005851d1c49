import { Type } from 'typebox';
import { Password, Phone, SiteRef } from '../../http/schemas.ts';
import { roles } from '../../lib/scope.ts';

export const LoginRequest = Type.Object(
  { phone: Phone, password: Password },
  { additionalProperties: false },
);

export const ChangePasswordRequest = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);


export const MeResponse = Type.Object({
  user: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    phoneMasked: Type.String({ description: 'e.g. 138****5678' }),
    mustChangePassword: Type.Boolean(),
  }),
  grants: Type.Array(
    Type.Object({
      id: Type.Integer(),
      role: Type.Enum(roles),
      site: SiteRef,
    }),
  ),
});

export const OkResponse = Type.Object({ ok: Type.Boolean() });
