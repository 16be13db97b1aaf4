/**
 * Where our routes spend their time, in one process: the store call alone, the service, the route through
 * app.inject (medians of 7; 3 for the export). What docs/performance.md ranks the fixes by.
 *   npx tsx bench/peers/profile-routes.ts [sites=20000]
 */
import { mulberry32 } from '@gridwatch/geodata';
import { validateGeometry } from '../../server/src/domain/geo/validate-geometry';
import { geojsonExport } from '../../server/src/services/export-layer';
import { unlicensedLoadNear, sitesWithin } from '../../server/src/services/spatial-queries';
import { median } from './load';
import { openProfiledApp } from './profiled-app';
import { boxesHolding, octagon } from './requests';

const { seed: generated, db, store, app } = await openProfiledApp(Number(process.argv[2] ?? 20000));
const seed = generated!;
try {
  const t = async (name: string, fn: () => Promise<unknown>, n = 7) => {
    await fn();
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await fn();
      xs.push(performance.now() - s);
    }
    console.log(`${name}: ${median(xs).toFixed(1)} ms`);
  };
  const live = seed.sites;
  const box = boxesHolding(live, 5000, 1)[0]!;
  await t('bbox store.queryLayer', () =>
    store.queryLayer('sites', { bbox: box as [number, number, number, number], limit: 10000 }),
  );
  await t('bbox store.queryLayerJson (the database writes the JSON)', () =>
    store.queryLayerJson('sites', { bbox: box as [number, number, number, number], limit: 10000 }),
  );
  await t('bbox route (inject)', () =>
    app.inject({ method: 'GET', url: `/api/layers/sites?bbox=${box.join(',')}` }),
  );
  const page = await store.queryLayer('sites', {
    bbox: box as [number, number, number, number],
    limit: 10000,
  });
  await t('bbox JSON.stringify of the features', async () => JSON.stringify(page.features));
  const r = mulberry32(3);
  const g = octagon(live[Math.floor(r() * live.length)]!, 50);
  await t('within validateGeometry', async () => validateGeometry(g));
  await t('within store.sitesInPolygon', () => store.sitesInPolygon(g, null));
  await t('within service', () => sitesWithin(store, g, null));
  await t('within route (inject)', () =>
    app.inject({ method: 'POST', url: '/api/query/within', payload: { geometry: g } }),
  );
  await t('unlicensed service r=50', () => unlicensedLoadNear(store, 5, 50, false));
  await t('unlicensed route (inject)', () =>
    app.inject({ method: 'GET', url: '/api/substations/5/unlicensed-load?radiusKm=50' }),
  );
  await t(
    'export generator in-process (no HTTP)',
    async () => {
      let n = 0;
      for await (const s of geojsonExport(store, { layer: 'sites', filter: {}, zone: null, filters: {} }))
        n += s.length;
      return n;
    },
    3,
  );
  await t(
    'export every page only',
    async () => {
      let id: number | undefined;
      for (;;) {
        const p = await store.queryLayer('sites', { limit: 5000, ...(id ? { afterId: id } : {}) });
        if (!p.truncated) break;
        id = p.features.at(-1)!.id;
      }
    },
    3,
  );
  await t('export route (inject)', () => app.inject({ method: 'GET', url: '/api/export/sites.geojson' }), 3);
  await app.close();
  await store.close();
} finally {
  await db.drop();
}
