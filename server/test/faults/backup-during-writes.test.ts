import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStoreUrl } from '../../src/config';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { backup } from '../../src/tools/backup';
import { SMALL_SEED } from '../fixtures/small-seed';
import { BACKENDS, makeTestApp, type TestApp } from '../test-app';
import { createThrowawayStore, type ThrowawayStore } from '../throwaway-database';

// Site 4 (M-4) goes round this cycle; each step is an allowed transition.
const CYCLE = ['UNLICENSED', 'SHUTDOWN_ORDERED', 'SHUT_DOWN', 'SUSPECTED'];
const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [86.9, 43.9],
      [87.1, 43.9],
      [87.1, 44.1],
      [86.9, 44.1],
      [86.9, 43.9],
    ],
  ],
};

/** The audit trail agrees with the data: every site's last record is its status; site 4 has one per version. */
async function expectConsistent(store: Store): Promise<void> {
  const { features } = await store.queryLayer('sites', { limit: 100 });
  for (const site of features) {
    const history = (await store.sites.history(site.id))!;
    expect(history[0]!.toStatus, site.properties.externalId).toBe(site.properties.status);
  }
  const m4 = (await store.getFeature('sites', 4))!;
  expect((await store.sites.history(4))!.length).toBe(m4.properties.version);
  const zones = (await store.queryLayer('zones', { limit: 1000 })).features.length;
  const created = (await store.listAudit({ entity: 'zone', limit: 1000 })).filter(
    (a) => a.action === 'create',
  );
  expect(created.length).toBe(zones);
}

describe.each(BACKENDS)('a backup taken while writes run (%s)', (backend) => {
  let t: TestApp;
  let restored: ThrowawayStore | null = null;
  const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-backup-'));
  afterAll(async () => {
    await t?.close();
    await restored?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores to a database whose rows and audit trail agree', { timeout: 120_000 }, async () => {
    t = await makeTestApp(SMALL_SEED, backend);
    const cookie = await t.login('enforcer');
    // Writes run until a few more have gone in after the backup; the backup waits for a few before it.
    let stopAfter = Number.POSITIVE_INFINITY;
    let done = 0;
    let someDone: () => void = () => {};
    const started = new Promise<void>((resolve) => (someDone = resolve));
    const writes = (async () => {
      for (let i = 0; i < stopAfter; i++) {
        const site = (await t.app.inject('/api/sites/4')).json();
        const status = CYCLE[i % CYCLE.length];
        const changed = await t.app.inject({
          method: 'PATCH',
          url: '/api/sites/4',
          headers: { cookie },
          payload: { status, note: `backup test ${i}`, version: site.properties.version },
        });
        expect(changed.statusCode, changed.body).toBe(200);
        const zone = await t.app.inject({
          method: 'POST',
          url: '/api/zones',
          headers: { cookie },
          payload: { name: `z${i}`, geometry: SQUARE },
        });
        expect(zone.statusCode).toBe(201);
        done = i + 1;
        if (done === 3) someDone();
      }
    })();
    await started;
    const file = path.join(dir, backend === 'sqlite' ? 'backup.db' : 'backup.dump');
    backup(parseStoreUrl(t.databaseUrl), file);
    stopAfter = done + 3;
    await writes;

    let restoredUrl: string;
    if (backend === 'sqlite') {
      restoredUrl = `file:${file}`;
    } else {
      restored = await createThrowawayStore('postgis', 'restore');
      execFileSync('pg_restore', ['--no-owner', `--dbname=${restored.url}`, file], { stdio: 'pipe' });
      restoredUrl = restored.url;
    }
    const copy = await openStore(parseStoreUrl(restoredUrl));
    try {
      await expectConsistent(copy);
      await expectConsistent(t.store);
      const live = (await t.store.getFeature('sites', 4))!.properties.version;
      const saved = (await copy.getFeature('sites', 4))!.properties.version;
      expect(saved).toBeGreaterThan(1); // the backup caught writes…
      expect(saved).toBeLessThan(live); // …and was taken while they ran
    } finally {
      await copy.close();
    }
  });
});
