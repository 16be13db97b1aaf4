import { Type, type Static } from 'typebox';
/** A status change's note is at most this long (DOMAIN.md). */
export const MAX_NOTE_LENGTH = 2000;
import { StatusSchema } from './layers';

/** `note` is optional in the schema so that a missing note gets its own error code, NOTE_REQUIRED. */
export const StatusChangeBody = Type.Object(
  {
    status: StatusSchema,
    note: Type.Optional(Type.String({ maxLength: MAX_NOTE_LENGTH })),
    version: Type.Integer({ minimum: 1 }),
    zoneId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type StatusChangeBody = Static<typeof StatusChangeBody>;

export const StatusChangeOut = Type.Object({
  id: Type.Integer(),
  siteId: Type.Integer(),
  fromStatus: Type.Union([StatusSchema, Type.Null()]),
  toStatus: StatusSchema,
  note: Type.String(),
  username: Type.String(),
  at: Type.String(),
  zoneId: Type.Union([Type.Integer(), Type.Null()]),
});
export type StatusChangeOut = Static<typeof StatusChangeOut>;

export const ZoneState = Type.Enum(['planned', 'active', 'closed']);
const DueDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const ZoneName = Type.String({ minLength: 1, maxLength: 200 });
const Text = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

export const CreateZoneBody = Type.Object(
  {
    name: ZoneName,
    geometry: Type.Unknown({ description: 'GeoJSON Polygon or MultiPolygon, validated and rewound' }),
    team: Type.Optional(Text(200)),
    dueDate: Type.Optional(Type.Union([DueDate, Type.Null()])),
    notes: Type.Optional(Text(5000)),
    state: Type.Optional(ZoneState),
  },
  { additionalProperties: false },
);
export type CreateZoneBody = Static<typeof CreateZoneBody>;

export const UpdateZoneBody = Type.Object(
  {
    name: Type.Optional(ZoneName),
    geometry: Type.Optional(Type.Unknown()),
    team: Type.Optional(Text(200)),
    dueDate: Type.Optional(Type.Union([DueDate, Type.Null()])),
    notes: Type.Optional(Text(5000)),
    state: Type.Optional(ZoneState),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UpdateZoneBody = Static<typeof UpdateZoneBody>;

export const DeleteZoneQuery = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/** GET /api/sites/:id/history: the status changes of a site, newest first. */
export const StatusHistory = Type.Array(StatusChangeOut);
