import { Type, type Static } from 'typebox';

/** `:id` of a route: a positive id that fits the databases' 32-bit integer columns. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export type IdParams = Static<typeof IdParams>;

/** `:layer` of a route, checked by the route so that an unknown layer is a 404 naming the known ones. */
export const LayerParams = Type.Object({ layer: Type.String() });
export type LayerParams = Static<typeof LayerParams>;
