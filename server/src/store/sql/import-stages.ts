import { channel } from 'node:diagnostics_channel';

/**
 * The stages of an import's write as they end, `{ stage, ms }`, on a diagnostics channel: a profile subscribes
 * (bench/peers/profile-import.ts) and the app does not, so unobserved it costs a check per stage and buffers
 * nothing (performance marks would pile up in the global timeline).
 */
export const importStages = channel('gridwatch:import-stage');

export interface ImportStage {
  stage: string;
  ms: number;
}

/** A clock for one import: `lap(stage)` publishes the time since the last lap, when anyone listens. */
export function importStageClock(): (stage: string) => void {
  let last = performance.now();
  return (stage) => {
    if (!importStages.hasSubscribers) return;
    const now = performance.now();
    importStages.publish({ stage, ms: now - last } satisfies ImportStage);
    last = now;
  };
}
