/**
 * The map in a browser at N sites (issue 16, targets 8 and 9): the bytes of a cold first load, the frame rate
 * while panning and zooming at z5–z12, and the time from a click on a site to its popup. Not part of npm test.
 *
 *   npm run build   # the client the app serves (dist/client)
 *   npx tsx bench/browser.ts [--sites 1000000] [--backend sqlite|postgis] [--database-url URL] [--keep]
 *                            [--clicks 7] [--viewport 1440x900]
 *
 * The app runs as deployed (`server/src/main.ts`, production, public read, tile cache off so that every tile
 * is asked of the store), on a throwaway store seeded with `generateSeed({ sites })` (the seeding is timed), or
 * on `--database-url` as it is. Chromium is Debian's, headless, WebGL on SwiftShader (the CPU: no GPU here).
 * Frame times come from requestAnimationFrame in the page; the machine is shared, so read them with the load
 * average printed beside them; the same motions with the sites' layers hidden are the baseline (the renderer's
 * own cost). The result goes to bench/results/browser-<date>T<hhmm>-<sites>-<viewport>.json, a screenshot to
 * test-results/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page, type Request } from 'playwright';
import { generateSeed } from '@gridwatch/geodata';
import { loadConfig } from '../server/src/config';
import { openStore } from '../server/src/store/open-store';
import { createThrowawayStore } from '../server/test/throwaway-database';
import { median } from './peers/load';
import { cleanupAll, onCleanup, startBenchApp } from './peers/processes';

const { values } = parseArgs({
  options: {
    sites: { type: 'string', default: '1000000' },
    backend: { type: 'string', default: 'sqlite' },
    'database-url': { type: 'string' },
    keep: { type: 'boolean', default: false },
    clicks: { type: 'string', default: '7' },
    // SwiftShader draws on the CPU: its frame time grows with the pixels, so a phone's view is measured apart.
    viewport: { type: 'string', default: '1440x900' },
  },
});
const ROOT = path.resolve(import.meta.dirname, '..');
const sites = Number(values.sites);
// A given database's kind is its URL's, whatever --backend says (the result records it).
const backend =
  values.backend === 'postgis' || /^postgres(ql)?:/.test(values['database-url'] ?? '') ? 'postgis' : 'sqlite';
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const log = (text: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
const [width, height] = values.viewport.split('x').map(Number) as [number, number];
const VIEWPORT = { width, height };

/** A store with the seeded sites: its URL, and how long the seeding took (null when given one). */
async function prepareStore(): Promise<{ url: string; seedSeconds: number | null }> {
  if (values['database-url']) return { url: values['database-url'], seedSeconds: null };
  log(`generating ${sites.toLocaleString('en')} sites`);
  const seed = generateSeed({ sites, readings: false });
  const db = await createThrowawayStore(backend, 'browser');
  if (values.keep) log(`the store is kept: ${db.url}`);
  else onCleanup(db.drop);
  const started = performance.now();
  const config = loadConfig({ DATABASE_URL: db.url, GRIDWATCH_SEED: 'none', LOG_LEVEL: 'silent' });
  const store = await openStore(config.store, { seed: () => seed });
  await store.close();
  const seedSeconds = (performance.now() - started) / 1000;
  log(`${backend} seeded in ${seedSeconds.toFixed(1)} s`);
  return { url: db.url, seedSeconds };
}

const startApp = async (databaseUrl: string): Promise<string> =>
  (
    await startBenchApp(
      ROOT,
      databaseUrl,
      { GRIDWATCH_ADMIN_PASSWORD: `browser-bench-${Math.random().toString(36).slice(2)}-Aa1!` },
      300_000,
    )
  ).baseUrl;

const waitForMapIdle = (page: Page, timeout = 120_000) =>
  page.locator('[data-testid="map"][data-map-idle="true"]').waitFor({ state: 'attached', timeout });

/** What kind of resource a URL is, for the first load's breakdown. */
function kindOf(url: string): string {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/api/tiles/')) return `tiles ${pathname.split('/')[3]}`;
  if (pathname.startsWith('/api/layers/')) return `geojson ${pathname.split('/')[3]}`;
  if (pathname.startsWith('/api/')) return 'api other';
  if (pathname.startsWith('/basemap/') || pathname.startsWith('/api/basemap/')) return 'basemap';
  if (/\.(js|mjs)$/.test(pathname)) return 'scripts';
  if (/\.css$/.test(pathname)) return 'styles';
  if (/\.(woff2?|ttf|pbf)$/.test(pathname)) return 'fonts/glyphs';
  return 'other';
}

/**
 * Bytes on the wire of a cold load of the map (bodies as sent, compressed, and headers), as
 * e2e/first-load.spec.ts counts them: Playwright's request sizes, which include what MapLibre's worker fetches.
 */
async function firstLoad(page: Page, baseUrl: string) {
  const finished: Request[] = [];
  const listener = (request: Request) => finished.push(request);
  page.on('requestfinished', listener);
  const started = performance.now();
  await page.goto(baseUrl);
  await waitForMapIdle(page);
  await page.waitForLoadState('networkidle');
  const seconds = (performance.now() - started) / 1000;
  page.off('requestfinished', listener);
  // Per kind: requests, bytes, HTTP statuses (a 304 is a revalidation, a 204 an empty tile) and distinct URLs, so a
  // repeated request shows whether it was the same URL asked again or another tile.
  const byKind: Record<
    string,
    { requests: number; bytes: number; statuses: Record<string, number>; urls: number }
  > = {};
  const urls: Record<string, Set<string>> = {};
  let bytes = 0;
  for (const request of finished) {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) continue;
    const sizes = await request.sizes();
    const size = sizes.responseBodySize + sizes.responseHeadersSize;
    bytes += size;
    const kind = kindOf(url);
    const status = String((await request.response())?.status() ?? 'none');
    const entry = (byKind[kind] ??= { requests: 0, bytes: 0, statuses: {}, urls: 0 });
    entry.requests++;
    entry.bytes += size;
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    (urls[kind] ??= new Set()).add(url);
    entry.urls = urls[kind].size;
  }
  const view = await page.evaluate(() => {
    const map = window.__gridwatchMap!;
    return { zoom: map.getZoom(), center: map.getCenter().toArray() };
  });
  return { bytes, seconds, view, byKind };
}

/** Frame intervals (ms) while `motion` runs in the page: requestAnimationFrame's timestamps. */
async function framesDuring(page: Page, motion: string): Promise<number[]> {
  return page.evaluate(async (step) => {
    const map = window.__gridwatchMap!;
    const stamps: number[] = [];
    let running = true;
    const tick = (t: number) => {
      stamps.push(t);
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const moved = new Promise<void>((resolve) => map.once('moveend', () => resolve()));
    // The steps: 'pan dx dy ms' (a drag-like pan), 'zoom z ms' (an eased zoom about the centre).
    const [kind, a, b, c] = step.split(' ');
    if (kind === 'pan') map.panBy([Number(a), Number(b)], { duration: Number(c), easing: (x) => x });
    else map.easeTo({ zoom: Number(a), duration: Number(b), easing: (x) => x });
    await moved;
    running = false;
    return stamps.slice(1).map((t, i) => t - stamps[i]!);
  }, motion);
}

const summary = (intervals: number[]) => {
  const total = intervals.reduce((s, x) => s + x, 0);
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frames: intervals.length,
    fps: total > 0 ? (intervals.length * 1000) / total : 0,
    p50Ms: median(intervals),
    p95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    maxMs: sorted.at(-1) ?? 0,
    over33Ms: intervals.filter((x) => x > 1000 / 30).length,
  };
};

/** Scripted pans and zooms from z5 to z12 over the densest place, and the frames of each. */
async function panAndZoom(page: Page, center: [number, number]) {
  await page.evaluate((c) => window.__gridwatchMap!.jumpTo({ center: c, zoom: 5 }), center);
  await waitForMapIdle(page);
  const steps: string[] = [];
  for (const z of [5, 6, 7, 8, 9, 10, 11, 12]) {
    if (z > 5) steps.push(`zoom ${z} 1000`);
    steps.push('pan 400 0 1500', 'pan -400 250 1500');
  }
  steps.push('zoom 5 2000');
  const all: number[] = [];
  const perStep = [];
  for (const step of steps) {
    const intervals = await framesDuring(page, step);
    all.push(...intervals);
    const zoom = await page.evaluate(() => window.__gridwatchMap!.getZoom());
    perStep.push({ step, zoom: Math.round(zoom * 10) / 10, ...summary(intervals) });
    // Between steps the map may still be fetching tiles: that is part of the motion a user sees next.
  }
  return { overall: summary(all), steps: perStep };
}

/**
 * Clicks on sites at z12 and times, in the page, the pointer-down to the site's details showing: the map popup on
 * a wide screen, the bottom sheet (`site-panel`) on a phone (in a dense place the click may pick a neighbour drawn
 * on top, which counts).
 */
async function clickToPopup(page: Page, baseUrl: string, center: [number, number], n: number) {
  const [lon, lat] = center;
  const box = [lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5].join(',');
  const res = await fetch(`${baseUrl}/api/layers/sites?bbox=${box}&limit=${n * 5}`);
  const fc = (await res.json()) as {
    features: { id: number; geometry: { coordinates: [number, number] }; properties: { name: string } }[];
  };
  const chosen = fc.features.filter((_, i) => i % 5 === 0).slice(0, n);
  const clicks: { name: string; ms: number | null; popup: string }[] = [];
  const mapBox = (await page.getByTestId('map').boundingBox())!;
  for (const site of chosen) {
    const close = page.locator('.maplibregl-popup-close-button, [data-testid="site-panel-close"]');
    if ((await close.count()) > 0) await close.first().click();
    const position = site.geometry.coordinates;
    await page.evaluate((c) => window.__gridwatchMap!.jumpTo({ center: c, zoom: 12 }), position);
    await waitForMapIdle(page, 30_000).catch(() => log('the map did not say idle in 30 s; clicking anyway'));
    const point = await page.evaluate((c) => window.__gridwatchMap!.project(c), position);
    const timing = page.evaluate(
      () =>
        new Promise<{ ms: number; popup: string } | null>((resolve) => {
          let down = 0;
          document.addEventListener('pointerdown', () => (down = performance.now()), {
            capture: true,
            once: true,
          });
          const observer = new MutationObserver(() => {
            const popup = document.querySelector('[data-testid="popup"]')?.textContent ?? '';
            const sheet = document.querySelector('[data-testid="site-panel"]');
            const text =
              popup || (sheet?.querySelector('.feature-details__row') ? (sheet.textContent ?? '') : '');
            // The popup opens with "Loading…" and then the feature's details: time the details.
            if (down > 0 && text.trim().length > 0 && !text.includes('Loading…')) {
              observer.disconnect();
              resolve({ ms: performance.now() - down, popup: text.slice(0, 80) });
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          setTimeout(() => resolve(null), 10_000);
        }),
    );
    await page.mouse.click(mapBox.x + point.x, mapBox.y + point.y);
    const opened = await timing;
    clicks.push({
      name: site.properties.name,
      ms: opened?.ms ?? null,
      popup: opened?.popup ?? '(none in 10 s)',
    });
  }
  const times = clicks.flatMap((c) => (c.ms === null ? [] : [c.ms]));
  return { clicks, opened: times.length, medianMs: median(times) };
}

/** Hides (or shows) the style layers drawn from the sites' tiles: the baseline is the same map without them. */
const showSites = (page: Page, visible: boolean) =>
  page.evaluate((on) => {
    const map = window.__gridwatchMap!;
    for (const layer of map.getStyle().layers ?? [])
      if ('source' in layer && layer.source === 'sites')
        map.setLayoutProperty(layer.id, 'visibility', on ? 'visible' : 'none');
  }, visible);

/** The densest place: the centre of the z8 tile with the most sites (clusters from the sites' own positions). */
async function densest(baseUrl: string): Promise<[number, number]> {
  const res = await fetch(`${baseUrl}/api/layers/sites?limit=20000`);
  const fc = (await res.json()) as { features: { geometry: { coordinates: [number, number] } }[] };
  const cells = new Map<string, { n: number; lon: number; lat: number }>();
  for (const f of fc.features) {
    const [lon, lat] = f.geometry.coordinates;
    const key = `${Math.floor(lon)}/${Math.floor(lat)}`;
    const cell = cells.get(key) ?? { n: 0, lon: 0, lat: 0 };
    cell.n++;
    cell.lon += lon;
    cell.lat += lat;
    cells.set(key, cell);
  }
  const best = [...cells.values()].sort((a, b) => b.n - a.n)[0]!;
  return [best.lon / best.n, best.lat / best.n];
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/client/index.html'))) throw new Error('run `npm run build` first');
  const { url, seedSeconds } = await prepareStore();
  const baseUrl = await startApp(url);
  log(`app on ${baseUrl}; load average ${loadavg()}`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-quic',
    ],
  });
  onCleanup(() => browser.close());
  // No service worker: its precache of the whole app is a one-off download apart from the map's first load.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  // tsx names functions with esbuild's __name helper, which the page lacks: the functions evaluated there need it.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  const loadBefore = loadavg();
  const load = await firstLoad(page, baseUrl);
  log(
    `first load: ${(load.bytes / 1024).toFixed(0)} KB in ${load.seconds.toFixed(1)} s (load ${loadBefore})`,
  );
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  });
  log(JSON.stringify(load.byKind));
  const center = await densest(baseUrl);
  // Interleaved: the map with the sites, the same map without them (what the renderer costs alone), again.
  const motionLoad = loadavg();
  const motion = await panAndZoom(page, center);
  await showSites(page, false);
  const baseline = await panAndZoom(page, center);
  await showSites(page, true);
  const again = await panAndZoom(page, center);
  log(
    `pan/zoom z5–z12: ${motion.overall.fps.toFixed(1)} and ${again.overall.fps.toFixed(1)} fps with the sites, ` +
      `${baseline.overall.fps.toFixed(1)} fps without (load ${motionLoad} → ${loadavg()})`,
  );
  const clickLoad = loadavg();
  const clicks = await clickToPopup(page, baseUrl, center, Number(values.clicks));
  log(`click → popup: median ${clicks.medianMs.toFixed(0)} ms of ${clicks.opened} (load ${clickLoad})`);
  // Screens to look at, not to keep: test-results/ is ignored by git.
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  const screenshot = path.join(ROOT, `test-results/bench-browser-${sites}-${values.viewport}.png`);
  await page.screenshot({ path: screenshot });

  const result = {
    issue: 16,
    when: new Date().toISOString(),
    settings: { sites, backend, viewport: VIEWPORT, renderer, seedSeconds },
    firstLoad: { ...load, target: '< 3 MB', pass: load.bytes < 3 * 1024 * 1024, loadavg: loadBefore },
    panZoom: {
      withSites: motion,
      withoutSites: baseline,
      withSitesAgain: again,
      target: '≥ 30 fps',
      pass: Math.min(motion.overall.fps, again.overall.fps) >= 30,
      loadavg: motionLoad,
    },
    clickToPopup: { ...clicks, target: '< 200 ms', pass: clicks.medianMs < 200, loadavg: clickLoad },
  };
  console.table(motion.steps);
  console.log(JSON.stringify({ firstLoad: result.firstLoad, clicks }, null, 2));
  const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
  const file = path.join(ROOT, `bench/results/browser-${stamp}-${sites}-${values.viewport}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`written ${path.relative(ROOT, file)}; screenshot ${path.relative(ROOT, screenshot)}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
