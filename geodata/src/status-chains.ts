/**
 * The synthetic history of one site during the campaign: a creation record, then only allowed transitions,
 * paced by how well the site's utility performs.
 */
import { isTransitionAllowed, type Status } from '@gridwatch/contract';
import { CAMPAIGN_DEADLINE_MS, CAMPAIGN_END_MS, CAMPAIGN_START_MS, DAY_MS, HOUR_MS } from './campaign';
import { NOTES } from './notes';
import type { Pace } from './prefectures';
import type { Rng } from './prng';
import type { SeedStatusChange } from '@gridwatch/contract';

interface PaceParams {
  verifyDays: [number, number];
  resolveProb: number;
  resolveDays: [number, number];
  shutdownVerifyProb: number;
  shutdownVerifyDays: [number, number];
  relapseProb: number;
}

const PACES: Record<Pace, PaceParams> = {
  ahead: {
    verifyDays: [5, 40],
    resolveProb: 1,
    resolveDays: [7, 45],
    shutdownVerifyProb: 1,
    shutdownVerifyDays: [3, 20],
    relapseProb: 0.03,
  },
  steady: {
    verifyDays: [10, 80],
    resolveProb: 0.75,
    resolveDays: [20, 120],
    shutdownVerifyProb: 0.85,
    shutdownVerifyDays: [7, 40],
    relapseProb: 0.06,
  },
  behind: {
    verifyDays: [20, 150],
    resolveProb: 0.4,
    resolveDays: [45, 240],
    shutdownVerifyProb: 0.6,
    shutdownVerifyDays: [14, 75],
    relapseProb: 0.1,
  },
};

/**
 * Utilities that are "ahead" resolve every find before the deadline, so that they really are on track there;
 * a site that turns illegal too close to the deadline to be dealt with is found just after it instead.
 */
const AHEAD_QUIET_MS = 60 * DAY_MS;
const AHEAD_DONE_BY_MS = CAMPAIGN_DEADLINE_MS - 2 * DAY_MS;

const FIRST_OBSERVED_FROM_MS = Date.parse('2021-09-01T00:00:00Z');
const FIRST_OBSERVED_PRE_TO_MS = Date.parse('2025-12-20T00:00:00Z');
const FIRST_OBSERVED_LATE_TO_MS = Date.parse('2026-10-31T00:00:00Z');

export interface ChainInput {
  siteExternalId: string;
  pace: Pace;
  /** Short prefecture name for usernames, e.g. `hami` → `enforcer.hami`. */
  team: string;
}

export interface Chain {
  firstObserved: string;
  status: Status;
  changes: SeedStatusChange[];
  /** Epoch ms of each change, whole minutes, so callers can sort without parsing. */
  times: number[];
}

/** A time on the given day within office hours in Xinjiang (01:00–12:00 UTC). */
function officeTime(ms: number, rng: Rng): number {
  return Math.floor(ms / DAY_MS) * DAY_MS + rng.int(1, 11) * HOUR_MS + rng.int(0, 59) * 60_000;
}

function afterDays(ms: number, [min, max]: [number, number], rng: Rng): number {
  return officeTime(ms + rng.int(min, max) * DAY_MS, rng);
}

export function buildChain(input: ChainInput, rng: Rng): Chain {
  const pace = PACES[input.pace];
  const ahead = input.pace === 'ahead';
  const inspector = `inspector.${input.team}`;
  const enforcer = `enforcer.${input.team}`;
  const changes: SeedStatusChange[] = [];
  const times: number[] = [];
  // An object rather than two lets: TypeScript does not see closures assign to locals and would narrow them.
  const state: { status: Status | null; t: number } = { status: null, t: 0 };

  const push = (to: Status, at: number, notes: readonly string[], username: string): boolean => {
    const from = state.status;
    if (from !== null && !isTransitionAllowed(from, to)) throw new Error(`bad transition ${from} → ${to}`);
    const when = Math.max(at, state.t + HOUR_MS);
    if (when > CAMPAIGN_END_MS) return false;
    changes.push({
      siteExternalId: input.siteExternalId,
      fromStatus: from,
      toStatus: to,
      note: rng.pick(notes),
      username,
      at: new Date(when).toISOString(),
    });
    times.push(when);
    state.status = to;
    state.t = when;
    return true;
  };
  /** When a site turns illegal (or suspected again) for an "ahead" utility, keep it out of the last weeks. */
  const findAt = (at: number): number =>
    ahead && at > CAMPAIGN_DEADLINE_MS - AHEAD_QUIET_MS && at <= CAMPAIGN_DEADLINE_MS
      ? afterDays(CAMPAIGN_DEADLINE_MS, [1, 30], rng)
      : at;
  const resolveAt = (at: number): number =>
    ahead && state.t < CAMPAIGN_DEADLINE_MS ? Math.min(at, AHEAD_DONE_BY_MS - rng.int(0, 20) * DAY_MS) : at;

  const preCampaign = rng.chance(0.7);
  const observed = preCampaign
    ? rng.range(FIRST_OBSERVED_FROM_MS, FIRST_OBSERVED_PRE_TO_MS)
    : rng.range(CAMPAIGN_START_MS, FIRST_OBSERVED_LATE_TO_MS);
  const firstObservedDay = Math.floor(observed / DAY_MS) * DAY_MS;
  const registered = preCampaign && rng.chance(0.3);
  if (registered) {
    push('LICENSED', afterDays(CAMPAIGN_START_MS, [1, 19], rng), NOTES.importRegistry, 'admin.xj');
  } else if (preCampaign) {
    push('SUSPECTED', afterDays(CAMPAIGN_START_MS, [1, 19], rng), NOTES.importSurvey, 'admin.xj');
  } else {
    push('SUSPECTED', afterDays(firstObservedDay, [0, 2], rng), NOTES.reported, enforcer);
  }

  let reReported = false;
  let relapsed = false;
  let lapsed = false;
  for (let step = 0; step < 12; step++) {
    let moved = false;
    const { status, t } = state;
    switch (status) {
      case 'SUSPECTED': {
        const at = afterDays(t, pace.verifyDays, rng);
        const r = rng.next();
        if (r < 0.08) moved = push('NOT_FOUND', at, NOTES.toNotFound, inspector);
        else if (r < 0.15) moved = push('LICENSED', at, NOTES.alreadyLicensed, inspector);
        else if (rng.chance(0.62)) moved = push('UNLICENSED', findAt(at), NOTES.toUnlicensed, inspector);
        else moved = push('NO_CONTRACT', findAt(at), NOTES.toNoContract, inspector);
        break;
      }
      case 'NOT_FOUND':
        if (!reReported && rng.chance(0.3)) {
          reReported = true;
          moved = push('SUSPECTED', afterDays(t, [30, 150], rng), NOTES.reReported, enforcer);
        }
        break;
      case 'UNLICENSED':
      case 'NO_CONTRACT':
        if (rng.chance(pace.resolveProb)) {
          const at = resolveAt(afterDays(t, pace.resolveDays, rng));
          const legalise = rng.chance(status === 'NO_CONTRACT' ? 0.45 : 0.2);
          moved = legalise
            ? push('LICENSED', at, NOTES.licensedAfter, enforcer)
            : push('SHUTDOWN_ORDERED', at, NOTES.shutdownOrdered, enforcer);
        }
        break;
      case 'SHUTDOWN_ORDERED':
        if (rng.chance(pace.shutdownVerifyProb)) {
          const at = resolveAt(afterDays(t, pace.shutdownVerifyDays, rng));
          moved = push('SHUT_DOWN', at, NOTES.shutDown, inspector);
        }
        break;
      case 'SHUT_DOWN':
        if (!relapsed && rng.chance(pace.relapseProb)) {
          relapsed = true;
          const at = afterDays(t, [20, 150], rng);
          const afterDeadline = ahead ? afterDays(CAMPAIGN_DEADLINE_MS, [1, 30], rng) : 0;
          moved = push('SUSPECTED', Math.max(at, afterDeadline), NOTES.relapse, enforcer);
        }
        break;
      case 'LICENSED':
        if (!lapsed && rng.chance(0.07)) {
          lapsed = true;
          const at = findAt(afterDays(t, [30, 300], rng));
          moved = rng.chance(0.7)
            ? push('NO_CONTRACT', at, NOTES.contractLost, enforcer)
            : push('UNLICENSED', at, NOTES.licenceLost, enforcer);
        }
        break;
    }
    if (!moved) break;
  }
  if (state.status === null) throw new Error(`site ${input.siteExternalId} has no creation record`);
  return {
    firstObserved: new Date(firstObservedDay).toISOString().slice(0, 10),
    status: state.status,
    changes,
    times,
  };
}
