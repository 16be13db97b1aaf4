import type { SeedRetirement } from '@gridwatch/contract';

/** The audit row's details of a seeded retirement, as records/sites.ts writes them for one made through the API. */
export const retirementDetails = (r: SeedRetirement): string =>
  JSON.stringify({ reason: r.reason, site: { externalId: r.siteExternalId } });
