import { Type, type Static } from 'typebox';

/** The layers an import can fill (API.md); zones are drawn in the app, not imported. */
export const IMPORT_LAYERS = ['sites', 'substations', 'lines', 'pylons', 'regions'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];

/** Query string of POST /api/import/:layer (API.md). */
export const ImportQuery = Type.Object(
  {
    dryRun: Type.Boolean({ default: false, description: 'check and count, write nothing' }),
    crs: Type.Enum(['wgs84', 'gcj02'], {
      default: 'wgs84',
      description: 'gcj02: coordinates copied from a Chinese web map, converted to WGS 84 before storing',
    }),
    encoding: Type.Enum(['utf8', 'gb18030'], {
      default: 'utf8',
      description: 'of a CSV body; gb18030 is what Excel in China writes',
    }),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportProblem = Type.Object({
  index: Type.Integer({ minimum: 0, description: '0-based, over the features or the CSV data rows' }),
  externalId: Type.Optional(Type.String()),
  message: Type.String(),
});

export const ImportResult = Type.Object({
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0 }),
  errors: Type.Array(ImportProblem, {
    description:
      'every bad row of a dry run (whose counts are then 0: an import with a bad row writes nothing); always ' +
      'empty in the answer of an import, which a bad row refuses with 422 IMPORT_INVALID',
  }),
});
export type ImportResult = Static<typeof ImportResult>;
