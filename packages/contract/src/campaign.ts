/**
 * The enforcement campaign the authority ordered: from 1 January to the progress report due 31 August 2026
 * (DOMAIN.md progress). One place to change when the authority sets a new deadline; the seed's status changes
 * are drawn inside it.
 */
export const CAMPAIGN = { start: '2026-01-01', deadline: '2026-08-31' } as const;
