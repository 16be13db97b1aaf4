/**
 * The campaign the progress panel reports on: the authority's order runs from 1 January to 31 August 2026
 * (geodata's CAMPAIGN_DEADLINE_MS; the demo seed's status changes are drawn inside it). One place to change
 * when the authority sets a new deadline.
 */
export const CAMPAIGN = { start: '2026-01-01', deadline: '2026-08-31' } as const;
