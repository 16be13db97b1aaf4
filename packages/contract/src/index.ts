/** The contract between the tiers: request and response schemas, statuses, roles, calendar days, seed rows. */
export * from './auth';
export * from './calendar-day';
export * from './campaign';
export * from './enforcement';
export * from './errors';
export * from './geojson';
export * from './import';
export * from './layers';
export * from './map-config';
export * from './parsed';
export * from './progress';
export * from './queries';
export * from './roles';
export * from './search';
export * from './seed-types';
export * from './status';
export * from './tiles';
