import type { PrismaClient, Prisma } from '../sqlite/generated/client';

/**
 * The Prisma client that the record repositories use. Both generated clients (SQLite and the derived PostGIS
 * one) come from one schema and have the same model API, so the repositories are written once against the
 * SQLite client's type and the PostGIS store hands its client over as that type.
 */
export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

export const nowIso = () => new Date().toISOString();
