/**
 * Where reading an import's CSV spends its time (docs/performance.md, "Fix 25"): the decode and parse, then the
 * per-row checks, for `n` generated sites, in one process, medians of a few runs.
 *   npx tsx bench/peers/profile-read-csv.ts [sites=100000] [runs=5]
 */
import { generateSeed } from '@gridwatch/geodata';
import { parseCsv } from '../../server/src/domain/import/csv';
import { readCsv } from '../../server/src/domain/import/read-rows';
import { sitesCsv } from './requests';

const n = Number(process.argv[2] ?? 100000);
const runs = Number(process.argv[3] ?? 5);
const seed = generateSeed({ sites: n });
const bytes = Buffer.from(sitesCsv(seed.sites, 'IMP-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const parse: number[] = [];
const read: number[] = [];
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const table = parseCsv(text);
  if (!table.ok) throw new Error(table.reason);
  parse.push(performance.now() - t);
  t = performance.now();
  const rows = readCsv('sites', bytes, 'utf8', 'wgs84');
  if (!rows.ok || rows.rows.length !== n) throw new Error('rows refused');
  read.push(performance.now() - t);
}
console.log(
  `${n} rows, ${(bytes.length / 1e6).toFixed(1)} MB: decode and parse ${median(parse).toFixed(0)} ms, ` +
    `readCsv whole ${median(read).toFixed(0)} ms (medians of ${runs})`,
);
process.exit(0);
