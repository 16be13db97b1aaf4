/**
 * npm run test:topology [-- --seconds S --sites N --port P]: issue 17's test of the scaled deployment, on
 * 127.0.0.1, started and stopped here (topology.ts). Sessions and logout across instances, read-your-writes
 * through the other instance, a revalidated tile after a write, then a bounded load through nginx while an app
 * instance is SIGKILLed and restarted and the replica is stopped and restarted: every write kept exactly once,
 * no read error that a retry of the GET would not absorb. Prints the figures; exits 1 on any failure.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { tileOf } from '../../server/src/domain/geo/tile-math';
import { decodeTile } from '../../server/test/decode-tile';
import { Topology, topologyPassword } from './topology';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    sites: { type: 'string', default: '10000' },
    port: { type: 'string', default: '55500' },
    readers: { type: 'string', default: '40' },
    writers: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
  },
});
const SECONDS = Number(values.seconds);
const READERS = Number(values.readers);
const WRITERS = Number(values.writers);
const CYCLE = ['UNLICENSED', 'SHUTDOWN_ORDERED', 'SHUT_DOWN', 'SUSPECTED'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

async function run(topology: Topology): Promise<void> {
  const nginx = topology.nginxUrl;
  const app = topology.ports.apps.map((port) => `http://127.0.0.1:${port}`);
  const session = async (base: string, role: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username: role, password: topologyPassword(role) }),
    });
    if (res.status !== 200) throw new Error(`login of ${role} at ${base}: ${res.status} ${await res.text()}`);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  const me = async (base: string, cookie: string) =>
    (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).status;

  // Sessions: a login on one instance is one on the other; through nginx, requests alternate between them.
  const onA = await session(app[0]!, 'viewer');
  check((await me(app[1]!, onA)) === 200, 'a login on A is served by B');
  const onB = await session(app[1]!, 'viewer');
  check((await me(app[0]!, onB)) === 200, 'a login on B is served by A');
  const viaNginx = await session(nginx, 'viewer');
  const answers = await Promise.all(Array.from({ length: 6 }, () => me(nginx, viaNginx)));
  check(
    answers.every((s) => s === 200),
    'a login through nginx is served by both instances in turn',
  );
  await fetch(`${app[0]}/api/auth/logout`, { method: 'POST', headers: { cookie: onB, origin: app[0]! } });
  check((await me(app[1]!, onB)) === 401, 'a logout on A ends the session on B');

  // Read-your-writes across instances, another user after the replica's lag, a revalidated tile.
  const sites = (await (await fetch(`${nginx}/api/layers/sites?limit=10000`)).json()) as {
    features: { id: number; geometry: { coordinates: [number, number] }; properties: { status: string } }[];
  };
  const target = sites.features.find((f) => f.properties.status === 'SUSPECTED')!;
  const [lon, lat] = target.geometry.coordinates;
  const z = 14;
  const { x, y } = tileOf(lon, lat, z);
  const tileUrl = `${nginx}/api/tiles/sites/${z}/${x}/${y}.mvt`;
  const tileStatus = async () => {
    const res = await fetch(tileUrl);
    const feature = decodeTile(new Uint8Array(await res.arrayBuffer()), 'sites').features.find(
      (f) => f.id === target.id,
    );
    return { status: feature?.properties.status, cache: res.headers.get('x-cache') };
  };
  await tileStatus();
  check((await tileStatus()).cache === 'HIT', 'a repeated public tile is served by nginx from its cache');
  const enforcer = await session(app[0]!, 'enforcer');
  const { properties } = (await (
    await fetch(`${app[0]}/api/sites/${target.id}`, { headers: { cookie: enforcer } })
  ).json()) as {
    properties: { version: number };
  };
  const wrote = Date.now();
  const write = await fetch(`${app[0]}/api/sites/${target.id}`, {
    method: 'PATCH',
    headers: { cookie: enforcer, origin: app[0]!, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'UNLICENSED', note: 'topology check', version: properties.version }),
  });
  check(write.status === 200, 'a status change through A');
  const mark = write.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const bbox = `${lon - 0.001},${lat - 0.001},${lon + 0.001},${lat + 0.001}`;
  const statusVia = async (base: string, cookie: string) => {
    const res = await fetch(`${base}/api/layers/sites?bbox=${bbox}`, { headers: { cookie } });
    const body = (await res.json()) as typeof sites;
    return body.features.find((f) => f.id === target.id)?.properties.status;
  };
  check(
    (await statusVia(app[1]!, `${enforcer}; ${mark}`)) === 'UNLICENSED',
    'the writer sees it at once through B',
  );
  const viewer = await session(nginx, 'viewer');
  while ((await statusVia(app[1]!, viewer)) !== 'UNLICENSED') {
    if (Date.now() - wrote > 10_000) break;
    await sleep(20);
  }
  const seenAfter = Date.now() - wrote;
  check(seenAfter < 10_000, `another user sees it through B after ${seenAfter} ms (the replica's lag)`);
  // The public tile's max-age (5 s), and a second more: nginx counts a cached copy's life in whole seconds, so a
  // copy stored at 23.1 s is fresh until 29.0 s, not 28.1 s.
  await sleep(6500);
  const revalidated = await tileStatus();
  check(
    revalidated.status === 'UNLICENSED',
    `the tile revalidated after the change shows it (nginx: ${revalidated.cache})`,
  );

  await load(topology, nginx, sites.features);
}

interface Figures {
  times: number[];
  absorbed: number;
  failed: number;
}
const figures = (): Figures => ({ times: [], absorbed: 0, failed: 0 });
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

async function load(
  topology: Topology,
  nginx: string,
  sites: { id: number; geometry: { coordinates: [number, number] }; properties: { status: string } }[],
): Promise<void> {
  const login = async (role: string) => {
    const res = await fetch(`${nginx}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: nginx },
      body: JSON.stringify({ username: role, password: topologyPassword(role) }),
    });
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  const viewer = await login('viewer');
  const kinds = {
    'public tile': figures(),
    'private tile': figures(),
    'layer read': figures(),
    write: figures(),
  };
  const cacheHits = { hit: 0, all: 0 };
  // The load goes on for SECONDS and until 3 s after the last fault: an app's restart can take half the run on a
  // loaded machine, and the replica's stop and return must still meet the load.
  let end = Date.now() + SECONDS * 1000;
  let faultsDone = false;
  const loading = () => !faultsDone || Date.now() < end;
  const events: string[] = [];

  // What each unabsorbed read met, so that a failure says where it came from (a CI run is not repeated at will).
  const readErrors: string[] = [];
  const answerOf = async (res: Response): Promise<string> => {
    const bytes = Buffer.from(await res.arrayBuffer());
    const code = /"code":"([A-Z_]+)"/.exec(bytes.subarray(0, 300).toString('utf8'))?.[1];
    const from = res.headers.get('x-gridwatch-read-from');
    return `${res.status}${code ? ` ${code}` : ''}${from ? ` from ${from}` : ''}`;
  };
  const runStart = Date.now();

  /** A GET, retried (as a browser's reload or the map's retry would) on a network error or a 5xx. */
  const get = async (kind: keyof typeof kinds, url: string, cookie?: string) => {
    const t0 = performance.now();
    const met: string[] = [];
    const failed = () => {
      kinds[kind].failed++;
      readErrors.push(`${((Date.now() - runStart) / 1000).toFixed(1)}s ${kind}: ${met.join(', ')}`);
    };
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const res = await fetch(url, cookie ? { headers: { cookie } } : {});
        met.push(await answerOf(res));
        if (res.status < 500) {
          if (res.status >= 400) failed();
          if (kind === 'public tile') {
            cacheHits.all++;
            if (res.headers.get('x-cache') === 'HIT') cacheHits.hit++;
          }
          kinds[kind].times.push(performance.now() - t0);
          if (attempt > 0) kinds[kind].absorbed++;
          return;
        }
      } catch (error) {
        // the connection died with the instance: retry
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        met.push(cause ?? String(error));
      }
      await sleep(200 * (attempt + 1));
    }
    failed();
  };

  const reader = async (i: number) => {
    let n = i;
    while (loading()) {
      const site = sites[(n++ * 7919) % sites.length]!;
      const [lon, lat] = site.geometry.coordinates;
      const z = 8 + (n % 7);
      const { x, y } = tileOf(lon, lat, z);
      const roll = n % 4;
      if (roll < 2) await get('public tile', `${nginx}/api/tiles/sites/${z}/${x}/${y}.mvt`);
      else if (roll === 2) await get('private tile', `${nginx}/api/tiles/sites/${z}/${x}/${y}.mvt`, viewer);
      else
        await get(
          'layer read',
          `${nginx}/api/layers/sites?bbox=${lon - 0.05},${lat - 0.05},${lon + 0.05},${lat + 0.05}`,
          viewer,
        );
    }
  };

  // Each writer cycles its own sites through the allowed transitions; a write is retried with its key until it
  // is answered (a 502 when its instance died under it), so it is applied exactly once.
  const acknowledged = new Map<number, { changes: number; status: string }>();
  const writer = async (w: number) => {
    const cookie = await login('enforcer');
    // Sites in the cycle's statuses only (LICENSED → UNLICENSED is no allowed transition).
    const mine = sites
      .filter((site) => CYCLE.includes(site.properties.status))
      .filter((_, i) => i % 97 === w)
      .slice(0, 5);
    const versions = new Map<number, number>();
    let n = 0;
    while (loading()) {
      const site = mine[n++ % mine.length]!;
      if (!versions.has(site.id)) {
        const res = await fetch(`${nginx}/api/sites/${site.id}`, { headers: { cookie } }).catch(() => null);
        if (!res?.ok) {
          await sleep(200);
          continue;
        }
        const body = (await res.json()) as { properties: { version: number; status: string } };
        versions.set(site.id, body.properties.version);
        if (!acknowledged.has(site.id))
          acknowledged.set(site.id, { changes: 0, status: body.properties.status });
      }
      const current = acknowledged.get(site.id)!;
      const next = CYCLE[(CYCLE.indexOf(current.status) + 1) % CYCLE.length]!;
      const key = randomUUID();
      const body = JSON.stringify({ status: next, note: `load ${w}`, version: versions.get(site.id) });
      const t0 = performance.now();
      for (let attempt = 0; ; attempt++) {
        let res: Response | null = null;
        try {
          res = await fetch(`${nginx}/api/sites/${site.id}`, {
            method: 'PATCH',
            headers: { cookie, origin: nginx, 'content-type': 'application/json', 'idempotency-key': key },
            body,
          });
        } catch {
          res = null;
        }
        if (res && res.status < 500) {
          const answer = (await res.json()) as { version?: number };
          if (res.status === 200) {
            kinds.write.times.push(performance.now() - t0);
            if (attempt > 0) kinds.write.absorbed++;
            versions.set(site.id, answer.version ?? versions.get(site.id)! + 1);
            acknowledged.set(site.id, { changes: current.changes + 1, status: next });
          } else {
            kinds.write.failed++;
            events.push(`write ${site.id}: ${res.status} ${JSON.stringify(answer)}`);
            versions.delete(site.id);
          }
          break;
        }
        if (attempt > 100) {
          kinds.write.failed++;
          break;
        }
        await sleep(200);
      }
    }
  };

  // The faults, at fixed points of the run.
  const at = (fraction: number) => sleep(SECONDS * 1000 * fraction);
  const stamp = (what: string) => events.push(`${((Date.now() - runStart) / 1000).toFixed(1)}s: ${what}`);
  const faults = (async () => {
    try {
      await at(0.25);
      topology.killApp(0);
      stamp('app A SIGKILLed');
      await at(0.15);
      await topology.startApp(0);
      stamp('app A restarted');
      await at(0.1);
      topology.replica.stop();
      stamp('replica stopped');
      await at(0.15);
      topology.replica.start();
      stamp('replica restarted');
    } finally {
      end = Math.max(end, Date.now() + 3000);
      faultsDone = true;
    }
  })();

  await Promise.all([
    ...Array.from({ length: READERS }, (_, i) => reader(i)),
    ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
    faults,
  ]);
  const elapsed = (Date.now() - runStart) / 1000;

  // Every acknowledged write is there once: the site's status is the last one acknowledged, and its history
  // holds one record per acknowledged change since the writer first read it.
  const admin = await login('admin');
  let lost = 0;
  for (const [id, { changes, status }] of acknowledged) {
    const site = (await (await fetch(`${nginx}/api/sites/${id}`, { headers: { cookie: admin } })).json()) as {
      properties: { status: string };
    };
    const history = (await (
      await fetch(`${nginx}/api/sites/${id}/history`, { headers: { cookie: admin } })
    ).json()) as {
      note: string;
    }[];
    const loadChanges = history.filter((h) => h.note.startsWith('load ')).length;
    if (site.properties.status !== status || loadChanges !== changes) {
      lost++;
      events.push(
        `site ${id}: ${site.properties.status}/${loadChanges} records, acknowledged ${status}/${changes}`,
      );
    }
  }

  console.log(`\nload through nginx: ${READERS} readers + ${WRITERS} writers for ${elapsed.toFixed(0)} s`);
  for (const event of events) console.log(`  ${event}`);
  if (readErrors.length > 0) {
    console.log(`  ${readErrors.length} unabsorbed reads (seconds since the load began), the first 20:`);
    for (const line of readErrors.slice(0, 20)) console.log(`    ${line}`);
    for (const i of [0, 1]) console.log(`  app ${'AB'[i]}'s log ends:\n${topology.appLogTail(i, 15)}`);
  }
  console.log('  kind           requests   req/s    p50 ms   p99 ms   retried-ok   failed');
  for (const [kind, f] of Object.entries(kinds)) {
    const sorted = [...f.times].sort((a, b) => a - b);
    console.log(
      `  ${kind.padEnd(14)} ${String(sorted.length).padStart(8)} ${(sorted.length / elapsed).toFixed(0).padStart(7)} ` +
        `${pct(sorted, 50).toFixed(1).padStart(8)} ${pct(sorted, 99).toFixed(1).padStart(8)} ` +
        `${String(f.absorbed).padStart(12)} ${String(f.failed).padStart(8)}`,
    );
  }
  console.log(
    `  public tiles served by nginx's cache: ${((100 * cacheHits.hit) / Math.max(1, cacheHits.all)).toFixed(0)}%`,
  );
  const writes = [...acknowledged.values()].reduce((sum, a) => sum + a.changes, 0);
  check(kinds.write.failed === 0, `0 failed writes (${writes} acknowledged)`);
  check(
    lost === 0,
    '0 lost writes: every acknowledged change is recorded once and the last one is the status',
  );
  const readFailures =
    kinds['public tile'].failed + kinds['private tile'].failed + kinds['layer read'].failed;
  check(readFailures === 0, `no read error a retried GET did not absorb (${readFailures})`);
}

async function main(): Promise<never> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-topology-'));
  const topology = new Topology({
    dir,
    basePort: Number(values.port),
    sites: Number(values.sites),
    maxLagMs: 5000,
  });
  const started = Date.now();
  try {
    await topology.start((line) => console.log(`topology: ${line}`));
    console.log(`topology: up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await run(topology);
  } catch (error) {
    failures.push(String(error));
    console.error(error);
  } finally {
    if (!values.keep) {
      topology.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(failures.length === 0 ? 'topology: all checks passed' : `topology: ${failures.length} FAILED`);
  process.exit(failures.length === 0 ? 0 : 1);
}

await main();
