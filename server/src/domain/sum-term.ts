/**
 * What one stored value adds to a sum of loads (MW), in magnitude at most: 10⁹ MW, a hundred times the world's
 * generating capacity and half a million times the largest plausible site (MAX_SITE_LOAD_MW). Imports keep far
 * below it (the column tables' bounds), so a database that keeps to the bounds never meets it: a million sites
 * at the bound sum to 2·10⁹ MW, an exact-enough double nowhere near overflow. A database older than the bounds
 * may hold a row of 1e20 or 1.7e308 MW: that row is served as stored, but counts as 10⁹ MW in every total, so
 * totals of up to 10⁸ rows stay below 10¹⁷ (10²⁰ after the ×1000 of rounding to 3 decimals) and never become
 * infinite (JSON null) nor overflow PostgreSQL's float8 ("value out of range"). docs/security.md.
 */
export const SUM_TERM_CAP_MW = 1e9;

/**
 * A value as a sum counts it: as it is within ±SUM_TERM_CAP_MW, else the cap with its sign. NaN (PostgreSQL's
 * float8 can hold one) counts as the cap, as `NaN > cap` holds in PostgreSQL's ordering (store/sql/sum-sql.ts).
 */
export function sumTerm(value: number): number {
  if (value > SUM_TERM_CAP_MW || Number.isNaN(value)) return SUM_TERM_CAP_MW;
  if (value < -SUM_TERM_CAP_MW) return -SUM_TERM_CAP_MW;
  return value;
}

/** Watts in a megawatt: every total of loads is summed in whole watts (docs/storage.md, "Exact totals"). */
export const WATTS_PER_MW = 1e6;

/**
 * What one load adds to a total, in whole watts: capped (sumTerm), rounded half up, the same arithmetic as the
 * stores' termWattsSql (store/sql/sum-sql.ts). Whole numbers below 2^53 add exactly in any order, so a total
 * does not hang on the order of its terms (nor on a plan's, nor on which rows an aggregate added first) and a
 * kept total can be moved by one site's term. Below 2^53 W means below 9·10⁹ MW: any database within the
 * import's bounds; a row at the cap is 10¹⁵ W.
 */
export function termWatts(loadMw: number): number {
  return Math.floor(sumTerm(loadMw) * WATTS_PER_MW + 0.5);
}

/** A total in watts as megawatts: the double nearest the exact decimal, which roundTo3 then rounds exactly. */
export const wattsToMw = (watts: number): number => watts / WATTS_PER_MW;
