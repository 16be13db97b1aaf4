/** Compliance statuses of a mining site and the transitions between them (DOMAIN.md). */
export const STATUSES = [
  'LICENSED',
  'NO_CONTRACT',
  'UNLICENSED',
  'SUSPECTED',
  'SHUTDOWN_ORDERED',
  'SHUT_DOWN',
  'NOT_FOUND',
] as const;

export type Status = (typeof STATUSES)[number];

/** Statuses of a site that is illegal and still drawing power. SUSPECTED is counted only when asked. */
export const ILLEGAL_DRAWING: readonly Status[] = ['UNLICENSED', 'NO_CONTRACT', 'SHUTDOWN_ORDERED'];

export const ALLOWED_TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  SUSPECTED: ['LICENSED', 'NO_CONTRACT', 'UNLICENSED', 'NOT_FOUND'],
  NOT_FOUND: ['SUSPECTED'],
  NO_CONTRACT: ['LICENSED', 'SHUTDOWN_ORDERED'],
  UNLICENSED: ['LICENSED', 'SHUTDOWN_ORDERED'],
  SHUTDOWN_ORDERED: ['SHUT_DOWN'],
  SHUT_DOWN: ['SUSPECTED'],
  LICENSED: ['NO_CONTRACT', 'UNLICENSED'],
};

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export function isTransitionAllowed(from: Status, to: Status): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
