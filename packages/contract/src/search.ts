import { Type, type Static } from 'typebox';

export const SEARCH_LAYERS = ['substations', 'sites', 'lines', 'regions'] as const;
export type SearchLayer = (typeof SEARCH_LAYERS)[number];

export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'text in a name (English or Chinese) or an external id',
    }),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({
  layer: Type.Enum(SEARCH_LAYERS),
  id: Type.Integer(),
  externalId: Type.String(),
  name: Type.String(),
  nameZh: Type.String(),
  bbox: Type.Array(Type.Number(), {
    minItems: 4,
    maxItems: 4,
    description: 'where to fly: a point is a box of zero size',
  }),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchHits = Type.Array(SearchHit);
