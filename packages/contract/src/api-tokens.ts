import { Type, type Static } from 'typebox';
import { RoleSchema } from './auth';

/** Query parameter that carries an API token for clients that cannot set a header (RFC 6750 §2.3's name). */
export const ACCESS_TOKEN_PARAM = 'access_token';

export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'what the token is for, e.g. "QGIS, GIS team"',
    }),
    username: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'the user whose role and scope it carries',
    }),
    expiresAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'ISO 8601 instant after which it stops working' }),
    ),
  },
  { additionalProperties: false },
);
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>;

export const ApiTokenOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  username: Type.String(),
  role: RoleSchema,
  createdBy: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ApiTokenOut = Static<typeof ApiTokenOut>;

export const ApiTokenList = Type.Array(ApiTokenOut);
export type ApiTokenList = Static<typeof ApiTokenList>;

/** The answer of issuing a token: the only time the token itself is shown. */
export const IssuedApiToken = Type.Object({
  id: Type.Integer(),
  token: Type.String({ description: 'shown only in this answer; only its SHA-256 is stored' }),
  apiToken: ApiTokenOut,
});
export type IssuedApiToken = Static<typeof IssuedApiToken>;
