import { sqltag as sql } from '@prisma/client/runtime/client';
import type { ImportClient, ImportTx } from './import-client';

/**
 * Fills a derived column or table once, after the migration that added it met a database with rows (or after
 * the seed): `fill` runs in one transaction with the `derived_state` mark, so later starts skip it and the
 * writes keep it exact from then on. `timeoutMs` bounds the fill on a large database.
 */
export async function fillOnce(
  db: ImportClient,
  name: string,
  fill: (tx: ImportTx) => Promise<unknown>,
  timeoutMs: number,
): Promise<void> {
  const done = await db.$queryRaw<unknown[]>(sql`SELECT 1 FROM derived_state WHERE name = ${name}`);
  if (done.length > 0) return;
  await db.$transaction(
    async (tx) => {
      await fill(tx);
      await tx.$executeRaw(sql`INSERT INTO derived_state (name, filled_at) VALUES (${name}, ${new Date().toISOString()})
        ON CONFLICT (name) DO NOTHING`);
    },
    { maxWait: 10_000, timeout: timeoutMs },
  );
}
