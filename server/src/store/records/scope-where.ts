import { scopeUtility } from '../scope';

/**
 * The Prisma condition that keeps a site inside the request's scope (store/scope.ts): nothing for the
 * regulator, the utility for a utility's user. The repositories' own reads of sites add it to their `where`, as
 * the shared SQL adds SCOPED (sql/scoped-sql.ts); on PostGIS row-level security keeps the same rows again.
 */
export function siteInScope(): { utilityId?: number } {
  const utility = scopeUtility();
  return utility === null ? {} : { utilityId: utility };
}

/** The same for a zone: a utility's user reaches only its own utility's zones. */
export const zoneInScope = siteInScope;
