import { Type, type Static } from 'typebox';
/** A status change's note is at most this long (DOMAIN.md). */
export const MAX_NOTE_LENGTH = 2000;
import { StatusSchema } from './layers';

/** Photos (JPEG, PNG, WebP) and PDFs; at most this many per record (docs/evidence.md). */
export const MAX_ATTACHMENTS_PER_RECORD = 20;
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const EvidenceTypeSchema = Type.Enum(EVIDENCE_TYPES);
/** A file input's `accept` for evidence: the types above. */
export const EVIDENCE_ACCEPT = EVIDENCE_TYPES.join(',');
/** NO_GPS: a photo without a position; FAR_FROM_SITE: taken more than 1 km from the site. */
export const EvidenceFlag = Type.Enum(['NO_GPS', 'FAR_FROM_SITE']);

/** An upload's answer: what the server decided the file is. */
export const AttachmentOut = Type.Object({
  id: Type.Integer(),
  sha256: Type.String(),
  type: EvidenceTypeSchema,
  bytes: Type.Integer(),
  displayName: Type.String(),
  flags: Type.Array(EvidenceFlag),
  /** Set once a status change takes it: the photo's distance from the site (null without GPS, or a PDF). */
  distanceKm: Type.Union([Type.Number(), Type.Null()]),
  hasThumbnail: Type.Boolean(),
});
export type AttachmentOut = Static<typeof AttachmentOut>;

/** `note` is optional in the schema so that a missing note gets its own error code, NOTE_REQUIRED. */
export const StatusChangeBody = Type.Object(
  {
    status: StatusSchema,
    note: Type.Optional(Type.String({ maxLength: MAX_NOTE_LENGTH })),
    version: Type.Integer({ minimum: 1 }),
    zoneId: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Evidence uploaded with POST /api/attachments by the same user, taken by this change (docs/evidence.md). */
    attachmentIds: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), { maxItems: MAX_ATTACHMENTS_PER_RECORD, uniqueItems: true }),
    ),
    /**
     * When the change was made in the field, for a change queued offline and sent later (docs/offline.md): an
     * ISO 8601 instant with its zone, at most 5 minutes ahead of the server and 30 days behind it (else 422).
     */
    observedAt: Type.Optional(Type.String({ maxLength: 64 })),
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
  /** When the server recorded it. */
  at: Type.String(),
  /** When it was made in the field, for a change sent from the offline queue; null for one made online. */
  observedAt: Type.Union([Type.String(), Type.Null()]),
  zoneId: Type.Union([Type.Integer(), Type.Null()]),
  attachments: Type.Array(AttachmentOut),
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
