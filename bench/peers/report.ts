/** The one table of the peers bench, printed and written as JSON under bench/results/ with the machine. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Row {
  scenario: string;
  /** What was measured: the number of sites, requests or tiles it covers. */
  size: string;
  ours: number;
  baseline: number;
  /** The unit of ours and baseline, and which way is better. */
  unit: 'ms' | 'req/s' | 'MB/s' | 'KB' | 'rows/s' | 'MB' | '× median';
  baselineName: string;
  /** ours / baseline (for req/s, MB/s and rows/s: the speed ratio; for ms: the time ratio). */
  ratio: number;
  target: string;
  pass: boolean | null;
  /** Whether the answers compared equal (null: not compared here). */
  answersEqual: boolean | null;
  note?: string;
}

const fmt = (n: number) =>
  Number.isNaN(n) ? '—' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

export function printTable(rows: Row[]): string {
  const lines = [
    '| scenario | size | ours | baseline | ratio | target | pass | answers |',
    '| --- | --- | ---: | ---: | ---: | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.size} | ${fmt(r.ours)} ${r.unit} | ${fmt(r.baseline)} ${r.unit} (${r.baselineName}) | ${fmt(r.ratio)}× | ${r.target} | ${
          r.pass === null ? '—' : r.pass ? 'yes' : '**no**'
        } | ${r.answersEqual === null ? '—' : r.answersEqual ? 'equal' : '**differ**'} |`,
    ),
  ];
  const table = lines.join('\n');
  console.log(`\n${table}\n`);
  return table;
}

const safe = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

export function machine(): Record<string, unknown> {
  return {
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg(),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    gitCommit: safe('git', ['rev-parse', 'HEAD']),
  };
}

export function writeResult(dir: string, sites: number, payload: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  // The time too: a second run on the same day must not overwrite the first (results are committed).
  const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
  const file = path.join(dir, `peers-${stamp}-${sites}.json`);
  writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}
