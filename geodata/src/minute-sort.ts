/**
 * Stable counting sort of records by whole minutes. Every synthetic timestamp falls on a minute of the
 * campaign, so a million sites' 2–3 million records sort in linear time instead of by string comparison.
 */
export function sortByMinute<T>(records: readonly T[], minutes: readonly number[]): T[] {
  if (records.length !== minutes.length) throw new Error('sortByMinute needs one minute per record');
  let max = 0;
  for (const m of minutes) {
    if (!Number.isInteger(m) || m < 0) throw new Error(`sortByMinute got minute ${m}`);
    if (m > max) max = m;
  }
  const starts = new Uint32Array(max + 2);
  for (const m of minutes) starts[m + 1]! += 1;
  for (let m = 1; m < starts.length; m++) starts[m]! += starts[m - 1]!;
  const out = new Array<T>(records.length);
  records.forEach((record, i) => {
    const m = minutes[i] ?? 0;
    out[starts[m]!] = record;
    starts[m]! += 1;
  });
  return out;
}
