import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config';
import { openStore } from '../../src/store/open-store';
import { parseStoreUrl } from '../../src/config';
import { SMALL_SEED } from '../fixtures/small-seed';
import { freePort } from '../free-port';
import { BACKENDS } from '../test-app';
import { createThrowawayStore, type ThrowawayStore } from '../throwaway-database';

const PASSWORD = 'kill-test-admin-password';

/** The real server in its own process, so that it can be killed with SIGKILL mid-write. */
async function startServer(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      GRIDWATCH_SEED: 'none',
      GRIDWATCH_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

async function login(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** A CSV of n sites near Hami: big enough that killing the server lands inside its transaction. */
function bigCsv(n: number): string {
  const rows = ['externalId,name,nameZh,operator,machines,loadMw,status,firstObserved,lon,lat'];
  for (let i = 0; i < n; i++) {
    rows.push(
      `K-${i},Kill ${i},测试${i},op,100,0.25,SUSPECTED,2026-03-01,${(93 + (i % 1000) / 2000).toFixed(5)},${(42.5 + Math.floor(i / 1000) / 2000).toFixed(5)}`,
    );
  }
  return rows.join('\n');
}

describe.each(BACKENDS)('kill -9 of the server during writes (%s)', (backend) => {
  let database: ThrowawayStore;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await database?.drop();
  });

  it('leaves no partial import and an audit trail that matches the data', { timeout: 120_000 }, async () => {
    database = await createThrowawayStore(backend, 'kill');
    const seeded = await openStore(parseStoreUrl(database.url), { seed: () => SMALL_SEED });
    await seeded.close();
    const port = await freePort();
    const first = await startServer(database.url, port);
    children.push(first);
    const cookie = await login(port);
    const base = `http://127.0.0.1:${port}`;

    // A dry run of the same import takes as long as reading and planning it: the kill comes just after that,
    // while the real import writes; a burst of status changes runs meanwhile.
    const csv = bigCsv(30_000);
    const post = (query: string) =>
      fetch(`${base}/api/import/sites${query}`, {
        method: 'POST',
        headers: { cookie, origin: base, 'content-type': 'text/csv' },
        body: csv,
      });
    const started = performance.now();
    expect((await post('?dryRun=true')).status).toBe(200);
    const planMs = performance.now() - started;
    const importing = post('').then(
      (r) => r.status,
      () => 'killed' as const,
    );
    const changes = [1, 2, 3, 4, 6].map((id) =>
      fetch(`${base}/api/sites/${id}`)
        .then((r) => r.json())
        .then((site: { properties: { version: number; status: string } }) =>
          fetch(`${base}/api/sites/${id}`, {
            method: 'PATCH',
            headers: { cookie, origin: base, 'content-type': 'application/json' },
            body: JSON.stringify({
              status: next(site.properties.status),
              note: 'kill test',
              version: site.properties.version,
            }),
          }),
        )
        .catch(() => null),
    );
    await new Promise((r) => setTimeout(r, planMs + 150));
    first.kill('SIGKILL');
    await killed(first);
    const [importOutcome] = await Promise.all([importing, ...changes]);

    const second = await startServer(database.url, port);
    children.push(second);
    const store = await openStore(parseStoreUrl(database.url));
    try {
      const layers = await store.layerInfos();
      const sites = layers.find((l) => l.id === 'sites')!.count;
      // All or nothing: with the import killed, none of its rows; had it finished first, all of them.
      expect(sites).toBe(importOutcome === 'killed' ? 6 : 6 + 30_000);
      const { features } = await store.queryLayer('sites', { limit: 50_000 });
      for (const site of features) {
        const history = (await store.sites.history(site.id))!;
        expect(history.length, site.properties.externalId).toBeGreaterThan(0);
        expect(history[0]!.toStatus, site.properties.externalId).toBe(site.properties.status);
      }
      if (backend === 'sqlite') {
        const Database = (await import('better-sqlite3')).default;
        const db = new Database(database.url.slice('file:'.length), { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        db.close();
      }
      expect((await fetch(`${base}/api/health`)).ok).toBe(true);
    } finally {
      await store.close();
      second.kill('SIGKILL');
      await killed(second);
    }
  });
});

const NEXT: Record<string, string> = {
  LICENSED: 'NO_CONTRACT',
  UNLICENSED: 'SHUTDOWN_ORDERED',
  NO_CONTRACT: 'SHUTDOWN_ORDERED',
  SUSPECTED: 'UNLICENSED',
  SHUTDOWN_ORDERED: 'SHUT_DOWN',
  SHUT_DOWN: 'SUSPECTED',
};
const next = (status: string) => NEXT[status] ?? 'SUSPECTED';
