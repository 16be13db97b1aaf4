/**
 * MapServer 8 as the peer: cgi-mapserver's FastCGI behind lighttpd on 127.0.0.1, over the same PostGIS table
 * the app reads. The mapfile, the MapServer config and lighttpd.conf are written into a temporary folder, which
 * is removed when lighttpd stops. Set up as MapServer's own docs advise for FastCGI: `CLOSE_CONNECTION=DEFER`
 * keeps each worker's PostgreSQL connection open across requests. Without it (the runs before 2026-12-05) every
 * request connected anew and planned on a cold catalog cache: a z12 tile fetched alone took 52 ms against
 * 12–15 ms with it (mapserver-connections.ts; docs/performance.md, "Fix 15"), slower than MapServer as deployed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAPSERV } from './tools';
import { freePort, onCleanup, startChild, stop, waitForHttp } from './processes';

/** libpq keywords from a postgresql:// URL (MapServer takes a connection string, not a URL). */
function libpqConnection(url: string): string {
  const u = new URL(url);
  const parts = [
    `host=${u.hostname}`,
    `port=${u.port || '5432'}`,
    `dbname=${decodeURIComponent(u.pathname.slice(1))}`,
    `user=${decodeURIComponent(u.username || 'postgres')}`,
  ];
  if (u.password) parts.push(`password=${decodeURIComponent(u.password)}`);
  return parts.join(' ');
}

/**
 * The same live sites and the same properties as GET /api/layers/sites (LAYER_SQL.sites): MapServer quotes
 * item names, so the camelCase aliases come out as our GeoJSON spells them.
 */
export const SITES_SELECT = `select t.id, t.external_id as "externalId", t.name, t.name_zh as "nameZh", t.operator,
  t.machines, t.load_mw as "loadMw", t.status, t.feeder_substation_id as "feederSubstationId",
  t.first_observed as "firstObserved", t.licence_no as "licenceNo", t.status_changed_at as "statusChangedAt",
  t.utility_id as "utilityId", u.name as "utilityName", u.name_zh as "utilityNameZh", t.version, t.synthetic::int as synthetic,
  t.geom
  from sites t left join utilities u on u.id = t.utility_id where t.retired_at is null`;

function mapfile(databaseUrl: string, deferConnections: boolean): string {
  const data = `geom from (${SITES_SELECT.replace(/\s+/g, ' ')}) as t using unique id using srid=4326`;
  return `MAP
  NAME "gridwatch"
  EXTENT 73 34 97 50
  SIZE 256 256
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "wfs_title" "gridwatch"
      "wfs_srs" "EPSG:4326"
      "wfs_enable_request" "*"
      "wfs_getfeature_formatlist" "geojson"
      "wfs_onlineresource" "http://127.0.0.1/mapserv?"
      "ows_enable_request" "*"
    END
  END
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
    FORMATOPTION "LCO:WRITE_BBOX=NO"
  END
  OUTPUTFORMAT
    NAME "mvt"
    DRIVER MVT
    FORMATOPTION "EXTENT=4096"
    FORMATOPTION "EDGE_BUFFER=64"
  END
  LAYER
    NAME "sites"
    TYPE POINT
    STATUS ON
    CONNECTIONTYPE POSTGIS
    ${deferConnections ? 'PROCESSING "CLOSE_CONNECTION=DEFER"' : ''}
    CONNECTION "${libpqConnection(databaseUrl)}"
    DATA '${data}'
    PROJECTION "init=epsg:4326" END
    METADATA
      "wfs_title" "sites"
      "wfs_srs" "EPSG:4326"
      "wfs_enable_request" "*"
      "gml_include_items" "all"
      "gml_featureid" "id"
      "gml_types" "auto"
      "wfs_maxfeatures" "1000000"
    END
    CLASS
      STYLE SIZE 2 END
    END
  END
END
`;
}

export interface MapServer {
  baseUrl: string;
  /** WFS 1.0 GetFeature of the sites in a bbox, as GeoJSON (path + query, for wrk and fetch). */
  wfsPath(bbox: readonly number[]): string;
  /** A sites MVT tile, CGI tile mode (Google XYZ numbering). */
  tilePath(z: number, x: number, y: number): string;
  /** The process ids of lighttpd (its FastCGI children are its own). */
  pid: number;
}

/** Starts lighttpd with `processes` mapserv FastCGI workers; stopped by cleanupAll. */
export async function startMapServer(
  databaseUrl: string,
  processes: number,
  /** false: a new PostgreSQL connection per request, as the runs before 2026-12-05 (mapserver-connections.ts). */
  deferConnections = true,
): Promise<MapServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-mapserver-'));
  const port = await freePort();
  const map = path.join(dir, 'gridwatch.map');
  const config = path.join(dir, 'mapserver.conf');
  writeFileSync(map, mapfile(databaseUrl, deferConnections));
  // MapServer 8 reads its environment from a config file; MS_MAPFILE there spares a map= on every URL.
  writeFileSync(config, `CONFIG\n  ENV\n    MS_MAPFILE "${map}"\n  END\nEND\n`);
  writeFileSync(
    path.join(dir, 'lighttpd.conf'),
    `server.document-root = "${dir}"
server.bind = "127.0.0.1"
server.port = ${port}
server.errorlog = "${path.join(dir, 'error.log')}"
server.max-connections = 256
server.modules += ( "mod_fastcgi" )
fastcgi.server = ( "/mapserv" => ((
  "bin-path" => "${MAPSERV}",
  "socket" => "${path.join(dir, 'mapserv.sock')}",
  "check-local" => "disable",
  "min-procs" => ${processes},
  "max-procs" => ${processes},
  "bin-environment" => ( "MAPSERVER_CONFIG_FILE" => "${config}", "MS_MAPFILE" => "${map}", "MS_ERRORFILE" => "${path.join(dir, 'ms-error.log')}" )
)))
`,
  );
  // stdout/stderr ignored: the mapserv workers inherit them, and a pipe they hold would keep the bench alive.
  const child = startChild('/usr/sbin/lighttpd', ['-D', '-f', path.join(dir, 'lighttpd.conf')], {
    stdio: 'ignore',
  });
  onCleanup(async () => {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: MapServer = {
    baseUrl,
    pid: child.pid!,
    wfsPath: (bbox) =>
      `/mapserv?SERVICE=WFS&VERSION=1.0.0&REQUEST=GetFeature&TYPENAME=sites&OUTPUTFORMAT=geojson&BBOX=${bbox.join(',')}`,
    tilePath: (z, x, y) =>
      `/mapserv?mode=tile&tilemode=gmap&tile=${x}+${y}+${z}&layers=sites&map.imagetype=mvt`,
  };
  await waitForHttp(`${baseUrl}${server.wfsPath([80, 40, 80.001, 40.001])}`, child);
  return server;
}
