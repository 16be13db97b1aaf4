/**
 * The /ogc documents as HTML pages for a browser (OGC API – Features' HTML conformance class): plain server-made
 * pages, no script (the CSP allows none inline), every value escaped.
 */
import type { OgcCollection, OgcLink } from '@gridwatch/contract';

const escape = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
header{background:#1d3557;color:#fff;padding:.8em 1.5em}header a{color:#cfe3ff}main{padding:1em 1.5em}
table{border-collapse:collapse;background:#fff;font-size:13px}td,th{border:1px solid #d5dae1;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eef1f5}nav a{margin-right:1em}.links li{margin:.2em 0}code{background:#eef1f5;padding:0 .25em}
.pager{margin:1em 0}.muted{color:#5b6675}`;

/** A page: the trail back to the landing page, a title, the body, and the document's links. */
export function ogcPage(title: string, trail: OgcLink[], body: string, links: OgcLink[]): string {
  const crumbs = trail.map((l) => `<a href="${escape(l.href)}">${escape(l.title)}</a>`).join(' › ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} – gridwatch OGC API</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><header><nav>${crumbs}</nav><h1>${escape(title)}</h1></header><main>${body}
<h2>Links</h2><ul class="links">${links
    .map(
      (l) =>
        `<li><a href="${escape(l.href)}">${escape(l.title ?? l.rel)}</a> <span class="muted">${escape(l.rel)}${
          l.type ? `, ${escape(l.type)}` : ''
        }</span></li>`,
    )
    .join('')}</ul></main></body></html>`;
}

export function collectionsBody(collections: OgcCollection[]): string {
  const rows = collections.map((c) => {
    const items = c.links.find((l) => l.rel === 'items' && l.type === 'text/html');
    const bbox = c.extent.spatial.bbox[0]?.map((n) => n.toFixed(3)).join(', ') ?? '';
    const interval = c.extent.temporal?.interval[0]?.map((t) => t ?? '..').join(' / ') ?? '';
    return `<tr><td><a href="${escape(items?.href)}">${escape(c.title)}</a></td><td><code>${escape(c.id)}</code></td>
<td>${escape(c.description)}</td><td>${escape(bbox)}</td><td>${escape(interval)}</td></tr>`;
  });
  return `<table><tr><th>Collection</th><th>id</th><th>Description</th><th>Extent (CRS84)</th><th>Time</th></tr>${rows.join('')}</table>`;
}

interface HtmlFeature {
  id: number;
  geometry: { type: string; coordinates?: unknown } | null;
  properties: Record<string, unknown> | null;
}

const where = (geometry: HtmlFeature['geometry']) =>
  geometry?.type === 'Point'
    ? (geometry.coordinates as number[]).map((n) => n.toFixed(5)).join(', ')
    : (geometry?.type ?? '');

/** A page of features as a table (one row each, its properties as columns), with the pager links. */
export function itemsBody(
  features: HtmlFeature[],
  itemHref: (id: number) => string,
  counts: { matched: number; returned: number },
  pager: OgcLink[],
): string {
  const columns = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const head = ['id', ...columns, 'geometry'].map((c) => `<th>${escape(c)}</th>`).join('');
  const rows = features.map(
    (f) =>
      `<tr><td><a href="${escape(itemHref(f.id))}">${f.id}</a></td>${columns
        .map((c) => `<td>${escape(f.properties?.[c])}</td>`)
        .join('')}<td>${escape(where(f.geometry))}</td></tr>`,
  );
  const nav = pager.map((l) => `<a href="${escape(l.href)}">${escape(l.title)}</a>`).join('');
  return `<p>${counts.returned} of ${counts.matched} features.</p><div class="pager">${nav}</div>
<table><tr>${head}</tr>${rows.join('')}</table><div class="pager">${nav}</div>`;
}

/** One feature: its properties as a two-column table. */
export function featureBody(feature: HtmlFeature): string {
  const rows = Object.entries(feature.properties ?? {}).map(
    ([key, value]) => `<tr><th>${escape(key)}</th><td>${escape(value)}</td></tr>`,
  );
  return `<table><tr><th>id</th><td>${feature.id}</td></tr>${rows.join('')}<tr><th>geometry</th><td>${escape(
    where(feature.geometry),
  )}</td></tr></table>`;
}

/** A list of plain strings (conformance classes) or a key → description table (queryables). */
export const listBody = (items: string[]) =>
  `<ul>${items.map((i) => `<li><code>${escape(i)}</code></li>`).join('')}</ul>`;
export const tableBody = (rows: [string, string][]) =>
  `<table>${rows.map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`).join('')}</table>`;
