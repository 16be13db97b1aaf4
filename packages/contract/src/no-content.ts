import { Type } from 'typebox';

/** The answer of a 204 (and of a 304): no body at all. */
export const NoContent = Type.Null({ description: 'no body' });
