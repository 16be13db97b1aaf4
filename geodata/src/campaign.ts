/** The enforcement campaign the seed's status changes tell the story of (synthetic dates, DOMAIN.md progress). */
import { CAMPAIGN } from '@gridwatch/contract';

export { CAMPAIGN };

/** The last day the seed records anything: the campaign goes on for a while after its deadline. */
export const CAMPAIGN_LAST_DAY = '2026-11-20';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export const CAMPAIGN_START_MS = Date.parse(`${CAMPAIGN.start}T00:00:00Z`);
/** End of the deadline day in Xinjiang's official time (UTC+8). */
export const CAMPAIGN_DEADLINE_MS = Date.parse(`${CAMPAIGN.deadline}T16:00:00Z`);
export const CAMPAIGN_END_MS = Date.parse(`${CAMPAIGN_LAST_DAY}T12:00:00Z`);
