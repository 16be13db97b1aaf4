/**
 * The load generator: wrk with a Lua script that cycles through a list of request paths, bounded in time
 * (`-d`), on loopback. p50/p99 come from wrk's --latency distribution, throughput from its requests/s. Below it,
 * the helpers that time one call at a time: over a socket (timeEach, postCounting) or in-process (timed,
 * injectBytes).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { runCommand } from './processes';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers that were not 2xx/3xx, and socket errors: a run with any is not a valid measurement. */
  errors: number;
}

const lua = (paths: string[]) => `local paths = {${paths.map((p) => JSON.stringify(p)).join(',\n')}}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
`;

const toMs = (value: string, unit: string) =>
  Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[unit]!;

function parseWrk(out: string): LoadResult {
  const latency = (pct: string) => {
    const m = new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out);
    return m ? toMs(m[1]!, m[2]!) : NaN;
  };
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return {
    requestsPerSecond: rps,
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    requests,
    errors: non2xx + socketErrors,
  };
}

/** One wrk run of `seconds` at `connections` (one thread per connection, at most 2 threads). */
export async function runWrk(
  baseUrl: string,
  paths: string[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-wrk-'));
  try {
    const script = path.join(dir, 'paths.lua');
    writeFileSync(script, lua(paths));
    const threads = Math.min(connections, 2);
    const out = await runCommand(
      'wrk',
      [
        '-t',
        String(threads),
        '-c',
        String(connections),
        '-d',
        `${seconds}s`,
        '--timeout',
        '30s',
        '--latency',
        '-s',
        script,
        baseUrl,
      ],
      (seconds + 60) * 1000,
    );
    return parseWrk(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface Side {
  name: string;
  baseUrl: string;
  paths: string[];
}

export interface InterleavedResult {
  /** Per side: medians over the rounds of p50 at one connection, throughput and p50/p99 at `connections`. */
  [side: string]: {
    p50Ms: number;
    p99Ms: number;
    rps: number;
    rpsP50Ms: number;
    errors: number;
    rounds: LoadResult[][];
  };
}

/**
 * Interleaved rounds: a, b, a, b, … each a single-connection run (its p50) then a `connections` run (its
 * throughput), so drift of the shared machine hits both sides alike. Returns the medians of the rounds.
 */
export async function interleaved(
  sides: Side[],
  opts: { rounds: number; seconds: number; connections: number },
): Promise<InterleavedResult> {
  const runs = new Map<string, LoadResult[][]>(sides.map((s) => [s.name, []]));
  for (let round = 0; round < opts.rounds; round++) {
    for (const side of sides) {
      const single = await runWrk(side.baseUrl, side.paths, 1, opts.seconds);
      const many = await runWrk(side.baseUrl, side.paths, opts.connections, opts.seconds);
      runs.get(side.name)!.push([single, many]);
    }
  }
  const result: InterleavedResult = {};
  for (const [name, rounds] of runs) {
    result[name] = {
      p50Ms: median(rounds.map((r) => r[0]!.p50Ms)),
      p99Ms: median(rounds.map((r) => r[0]!.p99Ms)),
      rps: median(rounds.map((r) => r[1]!.requestsPerSecond)),
      rpsP50Ms: median(rounds.map((r) => r[1]!.p50Ms)),
      errors: rounds.reduce((a, r) => a + r[0]!.errors + r[1]!.errors, 0),
      rounds,
    };
  }
  return result;
}

/** Per-request latency of each path, sequential on one connection (fetch), `repeat` times each: ms. */
export async function timeEach(
  baseUrl: string,
  paths: string[],
  repeat = 1,
): Promise<{ path: string; ms: number; bytes: number }[]> {
  const out: { path: string; ms: number; bytes: number }[] = [];
  for (const p of paths) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      const res = await fetch(baseUrl + p);
      const body = await res.arrayBuffer();
      times.push(performance.now() - started);
      if (res.status >= 400) throw new Error(`${baseUrl}${p}: ${res.status}`);
      bytes = body.byteLength;
    }
    out.push({ path: p, ms: median(times), bytes });
  }
  return out;
}

/** `read`'s answer, its time in ms pushed onto `into` (null: a call not timed, a warm-up or a comparison). */
export async function timed<T>(read: () => Promise<T>, into: number[] | null): Promise<T> {
  const started = performance.now();
  const answer = await read();
  into?.push(performance.now() - started);
  return answer;
}

/**
 * POSTs `body` as JSON to `path` at `baseUrl` over a socket, as wrk would: no compression asked, the answer's
 * chunks counted and dropped (fetch's reading of a 23 MB body cost 250 ms more than the answer: docs/performance.md,
 * "Fix 28"). Its bytes; a status other than 200 throws.
 */
export function postCounting(baseUrl: string, path: string, body: unknown): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${path}: ${res.statusCode}`)),
        );
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * An answer through app.inject as its bytes, read from its stream, as a socket client receives them: without
 * light-my-request's decoding the whole payload into a string, which for an unexplained-load answer of 80 KB
 * (Chinese names: a two-byte string past V8's large-object threshold) cost 0.75 ms of a 4 ms call, the harness's
 * own (docs/performance.md, "Fix 29"). A status other than 200 throws.
 */
export async function injectBytes(app: FastifyInstance, options: InjectOptions): Promise<Buffer> {
  const res = await app.inject({ ...options, payloadAsStream: true });
  const chunks: Buffer[] = [];
  for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
  if (res.statusCode !== 200) throw new Error(`${options.url as string}: ${res.statusCode}`);
  return Buffer.concat(chunks);
}
