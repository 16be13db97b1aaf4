import { Type, type Static } from 'typebox';
import { ROLES } from './roles';

export const RoleSchema = Type.Enum(ROLES);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

const NullableText = Type.Union([Type.String(), Type.Null()]);

/**
 * A user's organisation: the regulator (`utilityId` null) or one utility, whose sites alone its users see
 * (docs/utilities.md). A utility's user is a viewer or an enforcer; a utility has no admins.
 */
const Organisation = {
  utilityId: Type.Union([Type.Integer(), Type.Null()], {
    description: "null: the regulator's; else the utility whose sites alone the user sees",
  }),
  utilityName: NullableText,
  utilityNameZh: NullableText,
};

export const Me = Type.Object({ username: Type.String(), role: RoleSchema, ...Organisation });
export type Me = Static<typeof Me>;

/**
 * `GET /api/auth/session`: who is logged in (null: nobody) and whether the API lets anyone read. Always 200, so
 * that a first visit has no failed request to log (the page's first question; `/api/auth/me` answers 401).
 */
export const SessionOut = Type.Object({ user: Type.Union([Me, Type.Null()]), publicRead: Type.Boolean() });
export type SessionOut = Static<typeof SessionOut>;

export const UserOut = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  role: RoleSchema,
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  version: Type.Integer(),
  ...Organisation,
});
export type UserOut = Static<typeof UserOut>;

const Username = Type.String({ pattern: '^[A-Za-z0-9._-]{2,64}$', description: 'letters, digits, . _ -' });
const Password = Type.String({
  minLength: 12,
  maxLength: 200,
  description: 'at least 12 characters, not the username, not a common or easily guessed password',
});

const UtilityChoice = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
  description: "the user's utility, or null (the default) for the regulator",
});

export const CreateUserBody = Type.Object(
  { username: Username, password: Password, role: RoleSchema, utilityId: Type.Optional(UtilityChoice) },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
    utilityId: Type.Optional(UtilityChoice),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserList = Type.Array(UserOut);

/** `POST /api/auth/password`: a user changes their own password, giving the current one. */
export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
