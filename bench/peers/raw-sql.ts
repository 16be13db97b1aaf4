/**
 * The floor: hand-written PostGIS SQL for the same answers as our routes, timed in this process with `pg`
 * (one client, rows parsed by pg, no JSON built). Each query returns what the route's answer holds (the hotspots and
 * unexplained load: the substation's names and every term, unrounded).
 */
import pg from 'pg';
import { ILLEGAL_DRAWING } from '@gridwatch/contract';
import { SITES_SELECT } from './mapserver';

/** The columns of every property our GeoJSON gives (t: sites, u: utilities). */
const COLUMNS = /^select (.*) from sites t/s.exec(SITES_SELECT.replace(/\s+/g, ' '))![1]!;
const FROM_SITES = 'sites t LEFT JOIN utilities u ON u.id = t.utility_id';
const ILLEGAL = `(${ILLEGAL_DRAWING.map((s) => `'${s}'`).join(', ')})`;
const KNOWN_ILLEGAL = `(${[...ILLEGAL_DRAWING, 'SUSPECTED'].map((s) => `'${s}'`).join(', ')})`;
/** The substation's names, which every hotspot and unexplained-load answer holds (s: substations). */
const ANSWER_NAMES = 's.name, s.name_zh';
/** The meter of an unexplained-load answer: the day's peak reading (d), else the reported peak; the readings. */
const ANSWER_METER = `COALESCE(d.peak, s.metered_peak_mw) AS metered,
  CASE WHEN d.peak IS NULL THEN 'reported' ELSE 'readings' END AS source, COALESCE(d.n, 0) AS readings`;

export class RawSql {
  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<RawSql> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new RawSql(client);
  }

  close() {
    return this.client.end();
  }

  query(text: string, values: unknown[] = []) {
    return this.client.query({ text, values });
  }

  /** Illegal load within r of a substation: the sites (nearest first) with their distance, GiST on geog. */
  unlicensedWithin(substationId: number, radiusKm: number) {
    return this.query(
      `SELECT ${COLUMNS}, ST_Distance(t.geog, s.geog, false) AS distance_m
         FROM substations s JOIN ${FROM_SITES} ON ST_DWithin(t.geog, s.geog, $2, false)
         WHERE s.id = $1 AND t.retired_at IS NULL AND t.status IN ${ILLEGAL} ORDER BY distance_m, t.id`,
      [substationId, radiusKm * 1000],
    );
  }

  /** Sites inside a polygon, boundary included, in id order. */
  coveredBy(geometry: object) {
    return this.query(
      `SELECT ${COLUMNS} FROM ${FROM_SITES} WHERE ST_Covers(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), t.geom) AND t.retired_at IS NULL ORDER BY t.id`,
      [JSON.stringify(geometry)],
    );
  }

  /**
   * Every substation with illegal load within r (now, or with each site's status as of `at`), largest first.
   * As of `at`: each site's last change at or before it, found once for every site (DISTINCT ON over the
   * history), then joined, as our store does (docs/performance.md, "Fix 4").
   */
  hotspots(radiusKm: number, limit: number, at?: string) {
    const asOf = at
      ? `JOIN (SELECT DISTINCT ON (c.site_id) c.site_id, c.to_status AS status FROM status_changes c
           WHERE c.at <= $3 ORDER BY c.site_id, c.at DESC, c.id DESC) a ON a.site_id = t.id`
      : '';
    return this.query(
      `SELECT s.id, s.name, s.name_zh, count(*) AS n, sum(t.load_mw) AS load FROM substations s
         JOIN sites t ON ST_DWithin(t.geog, s.geog, $1, false) ${asOf}
         WHERE t.retired_at IS NULL AND ${at ? 'a.status' : 't.status'} IN ${ILLEGAL}
         GROUP BY s.id ORDER BY load DESC, s.id LIMIT $2`,
      at ? [radiusKm * 1000, limit, at] : [radiusKm * 1000, limit],
    );
  }

  /**
   * The same answer as hotspots, from the substation–site pairs table our store keeps (migration 0019): the
   * best raw SQL over the tables the app has, the floor for our read of it.
   */
  hotspotsFromPairs(radiusKm: number, limit: number, at?: string) {
    const asOf = at
      ? `JOIN (SELECT DISTINCT ON (c.site_id) c.site_id, c.to_status AS status FROM status_changes c
           WHERE c.at <= $3 ORDER BY c.site_id, c.at DESC, c.id DESC) a ON a.site_id = t.id`
      : '';
    return this.query(
      `SELECT s.id, s.name, s.name_zh, count(*) AS n, sum(t.load_mw) AS load FROM site_substation_pairs p
         JOIN substations s ON s.id = p.substation_id JOIN sites t ON t.id = p.site_id ${asOf}
         WHERE p.distance_km <= $1 AND t.retired_at IS NULL AND ${at ? 'a.status' : 't.status'} IN ${ILLEGAL}
         GROUP BY s.id ORDER BY load DESC, s.id LIMIT $2`,
      at ? [radiusKm + 1e-6, limit, at] : [radiusKm + 1e-6, limit],
    );
  }

  /**
   * Hotspots now at the aggregate's radius (10 km), from the per-substation aggregate our store keeps (migration
   * 0021): the best raw SQL once that table exists, the floor for our read of it. The same rows and order as the
   * other forms (count, load, largest first, ties by id).
   */
  hotspotsFromLoads(limit: number) {
    return this.query(
      `SELECT h.substation_id AS id, s.name, s.name_zh, h.unlicensed_count AS n, h.unlicensed_load_w / 1e6 AS load
         FROM substation_hotspot_loads h JOIN substations s ON s.id = h.substation_id WHERE h.unlicensed_count > 0
         ORDER BY h.unlicensed_load_w DESC, h.substation_id LIMIT $1`,
      [limit],
    );
  }

  /**
   * Hotspots as of the end of `day` at 10 km, from the per-substation, per-day changes our store keeps (migration
   * 0027): the sum of the rows up to the day. The floor for our read of that table.
   */
  hotspotsFromDays(day: string, limit: number) {
    return this.query(
      `SELECT h.substation_id AS id, s.name, s.name_zh, h.n, h.w / 1e6 AS load
         FROM (SELECT substation_id, sum(unlicensed_count) AS n, sum(unlicensed_load_w) AS w
           FROM substation_hotspot_days WHERE day <= $1 GROUP BY substation_id) h
           JOIN substations s ON s.id = h.substation_id
         WHERE h.n > 0 ORDER BY h.w DESC, h.substation_id LIMIT $2`,
      [day, limit],
    );
  }

  /** The same answer as unexplained, the unfed sites' substation from the pairs table (the nearest metered). */
  unexplainedFromPairs(radiusKm: number) {
    return this.query(
      `WITH nearest AS (
         SELECT DISTINCT ON (p.site_id) p.site_id, p.substation_id FROM site_substation_pairs p
           JOIN substations m ON m.id = p.substation_id AND m.metered_peak_mw IS NOT NULL AND m.base_load_mw IS NOT NULL
           JOIN sites f ON f.id = p.site_id AND f.feeder_substation_id IS NULL
           WHERE p.distance_km <= $1 ORDER BY p.site_id, p.distance_km, p.substation_id),
       served AS (
         SELECT COALESCE(t.feeder_substation_id, n.substation_id) AS sid, t.status, t.load_mw FROM sites t
           LEFT JOIN nearest n ON n.site_id = t.id WHERE t.retired_at IS NULL)
       SELECT s.id, ${ANSWER_NAMES}, s.metered_peak_mw AS metered, 'reported' AS source, 0 AS readings,
           s.base_load_mw AS base, COALESCE(sum(v.load_mw) FILTER (WHERE v.status = 'LICENSED'), 0) AS licensed,
           COALESCE(sum(v.load_mw) FILTER (WHERE v.status IN ${KNOWN_ILLEGAL}), 0) AS known_illegal,
           s.metered_peak_mw - s.base_load_mw
           - COALESCE(sum(v.load_mw) FILTER (WHERE v.status = 'LICENSED'), 0)
           - COALESCE(sum(v.load_mw) FILTER (WHERE v.status IN ${KNOWN_ILLEGAL}), 0) AS unexplained
         FROM substations s LEFT JOIN served v ON v.sid = s.id
         WHERE s.metered_peak_mw IS NOT NULL AND s.base_load_mw IS NOT NULL
         GROUP BY s.id ORDER BY unexplained DESC, s.id`,
      [radiusKm + 1e-6],
    );
  }

  /**
   * Unexplained load today at the aggregate's radius (10 km), from the per-meter served loads our store keeps
   * (migrations 0023 and 0028, in whole watts): the best raw SQL once that table exists, the floor for our read of it. Like ours it reads
   * the day's readings (`fromHour`, hours since the epoch), whose peak stands before the reported one.
   */
  unexplainedFromServed(fromHour: number) {
    return this.query(
      `SELECT s.id, ${ANSWER_NAMES}, ${ANSWER_METER}, s.base_load_mw AS base,
           COALESCE(l.licensed_load_w::float8 / 1e6, 0) AS licensed, COALESCE(l.known_illegal_load_w::float8 / 1e6, 0) AS known_illegal,
           COALESCE(d.peak, s.metered_peak_mw) - s.base_load_mw
           - COALESCE(l.licensed_load_w::float8 / 1e6, 0) - COALESCE(l.known_illegal_load_w::float8 / 1e6, 0) AS unexplained
         FROM substations s LEFT JOIN substation_served_loads l ON l.substation_id = s.id
           LEFT JOIN (SELECT substation_id, max(mw) AS peak, count(*) AS n FROM readings WHERE hour >= $1 AND hour < $1 + 24
             GROUP BY substation_id) d ON d.substation_id = s.id
         WHERE (s.metered_peak_mw IS NOT NULL OR d.peak IS NOT NULL) AND s.base_load_mw IS NOT NULL
         ORDER BY unexplained DESC, s.id`,
      [fromHour],
    );
  }

  /**
   * Unexplained load as of the end of a day at 10 km, from the per-meter, per-day changes our store keeps (migration
   * 0030): the sums of the rows up to `day`, the day's readings (`fromHour`) before the reported peak. The floor for
   * our read of that table.
   */
  unexplainedFromServedDays(day: string, fromHour: number) {
    return this.query(
      `SELECT s.id, ${ANSWER_NAMES}, ${ANSWER_METER}, s.base_load_mw AS base,
           COALESCE(l.licensed_w::float8 / 1e6, 0) AS licensed, COALESCE(l.known_illegal_w::float8 / 1e6, 0) AS known_illegal,
           COALESCE(d.peak, s.metered_peak_mw) - s.base_load_mw
           - COALESCE(l.licensed_w::float8 / 1e6, 0) - COALESCE(l.known_illegal_w::float8 / 1e6, 0) AS unexplained
         FROM substations s
           LEFT JOIN (SELECT substation_id, sum(licensed_load_w) AS licensed_w, sum(known_illegal_load_w) AS known_illegal_w
             FROM substation_served_days WHERE day <= $1 GROUP BY substation_id) l ON l.substation_id = s.id
           LEFT JOIN (SELECT substation_id, max(mw) AS peak, count(*) AS n FROM readings WHERE hour >= $2 AND hour < $2 + 24
             GROUP BY substation_id) d ON d.substation_id = s.id
         WHERE (s.metered_peak_mw IS NOT NULL OR d.peak IS NOT NULL) AND s.base_load_mw IS NOT NULL
         ORDER BY unexplained DESC, s.id`,
      [day, fromHour],
    );
  }

  /**
   * The same answer from the records and the pairs table, without our table by day: each site's status from its
   * last record up to `endIso` (the day's end), its meter its feeder, else the nearest metered substation among its
   * pairs within `radiusKm` (a base load, and a reported peak or any reading); the day's readings (`fromHour`).
   */
  unexplainedAsOfFromPairs(radiusKm: number, endIso: string, fromHour: number) {
    return this.query(
      `WITH last AS (
         SELECT DISTINCT ON (c.site_id) c.site_id, c.to_status AS status FROM status_changes c
           WHERE c.at <= $2 ORDER BY c.site_id, c.at DESC, c.id DESC),
       nearest AS (
         SELECT DISTINCT ON (p.site_id) p.site_id, p.substation_id FROM site_substation_pairs p
           JOIN substations m ON m.id = p.substation_id AND m.base_load_mw IS NOT NULL
             AND (m.metered_peak_mw IS NOT NULL OR EXISTS (SELECT 1 FROM readings r WHERE r.substation_id = m.id))
           JOIN sites f ON f.id = p.site_id AND f.feeder_substation_id IS NULL
           WHERE p.distance_km <= $1 ORDER BY p.site_id, p.distance_km, p.substation_id),
       served AS (
         SELECT COALESCE(t.feeder_substation_id, n.substation_id) AS sid, a.status, t.load_mw FROM sites t
           JOIN last a ON a.site_id = t.id LEFT JOIN nearest n ON n.site_id = t.id WHERE t.retired_at IS NULL),
       day AS (
         SELECT substation_id, max(mw) AS peak, count(*) AS n FROM readings WHERE hour >= $3 AND hour < $3 + 24 GROUP BY substation_id)
       SELECT s.id, ${ANSWER_NAMES}, ${ANSWER_METER}, s.base_load_mw AS base,
           COALESCE(sum(v.load_mw) FILTER (WHERE v.status = 'LICENSED'), 0) AS licensed,
           COALESCE(sum(v.load_mw) FILTER (WHERE v.status IN ${KNOWN_ILLEGAL}), 0) AS known_illegal,
           COALESCE(d.peak, s.metered_peak_mw) - s.base_load_mw
           - COALESCE(sum(v.load_mw) FILTER (WHERE v.status = 'LICENSED'), 0)
           - COALESCE(sum(v.load_mw) FILTER (WHERE v.status IN ${KNOWN_ILLEGAL}), 0) AS unexplained
         FROM substations s LEFT JOIN served v ON v.sid = s.id LEFT JOIN day d ON d.substation_id = s.id
         WHERE (s.metered_peak_mw IS NOT NULL OR d.peak IS NOT NULL) AND s.base_load_mw IS NOT NULL
         GROUP BY s.id, d.peak, d.n ORDER BY unexplained DESC, s.id`,
      [radiusKm + 1e-6, endIso, fromHour],
    );
  }

  /** Metered − base − licensed − known illegal load per substation (fed, or unfed within r), largest first. */
  unexplained(radiusKm: number) {
    return this.query(
      `WITH served AS (
         SELECT feeder_substation_id AS sid, status, load_mw FROM sites
           WHERE feeder_substation_id IS NOT NULL AND retired_at IS NULL
         UNION ALL
         SELECT s.id, t.status, t.load_mw FROM substations s JOIN sites t ON ST_DWithin(t.geog, s.geog, $1, false)
           WHERE t.feeder_substation_id IS NULL AND t.retired_at IS NULL)
       SELECT s.id, ${ANSWER_NAMES}, s.metered_peak_mw AS metered, 'reported' AS source, 0 AS readings,
           s.base_load_mw AS base, COALESCE(sum(v.load_mw) FILTER (WHERE v.status = 'LICENSED'), 0) AS licensed,
           COALESCE(sum(v.load_mw) FILTER (WHERE v.status IN ${KNOWN_ILLEGAL}), 0) AS known_illegal,
           s.metered_peak_mw - s.base_load_mw
           - COALESCE(sum(v.load_mw) FILTER (WHERE v.status = 'LICENSED'), 0)
           - COALESCE(sum(v.load_mw) FILTER (WHERE v.status IN ${KNOWN_ILLEGAL}), 0) AS unexplained
         FROM substations s LEFT JOIN served v ON v.sid = s.id
         WHERE s.metered_peak_mw IS NOT NULL AND s.base_load_mw IS NOT NULL
         GROUP BY s.id ORDER BY unexplained DESC, s.id`,
      [radiusKm * 1000],
    );
  }

  /** A raw ST_AsMVT of every live point of a tile (no clustering): what a naive tile costs. */
  async allPointsTile(z: number, x: number, y: number): Promise<Uint8Array> {
    const { rows } = await this.query(
      `SELECT ST_AsMVT(q, 'sites', 4096, 'geom', 'id') AS tile FROM (
         SELECT t.id, t.status, t.load_mw AS "loadMw",
           ST_AsMVTGeom(ST_Transform(t.geom, 3857), ST_TileEnvelope($1, $2, $3), 4096, 64, true) AS geom
         FROM sites t WHERE t.geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326)
           AND t.retired_at IS NULL) q`,
      [z, x, y],
    );
    return (rows[0] as { tile: Uint8Array }).tile;
  }
}
