/**
 * GCJ-02, the obfuscated datum of Chinese web maps (DOMAIN.md, "Coordinates"): the published forward formula on
 * the Krasovsky 1940 ellipsoid, and its inverse by iteration.
 */

/**
 * Krasovsky 1940 semi-major axis (m) and first eccentricity squared, as the published formula uses them. The
 * formula writes ee = 0.00669342162296594323; this is the same double, with only the digits a double keeps.
 */
const A = 6378245.0;
const EE = 0.006693421622965943;

const RAD = Math.PI / 180;

/**
 * The rectangle the published formula uses for "in China"; outside it GCJ-02 equals WGS 84. It is coarse (it
 * takes in parts of neighbouring countries) but it is what the maps apply, and Xinjiang's western edge at
 * 73.5° E is well inside its 72.004° E.
 */
export function outOfChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (outOfChina(lon, lat)) return [lon, lat];
  const [dLon, dLat] = offset(lon, lat);
  return [lon + dLon, lat + dLat];
}

/** Stop when the forward transform of the estimate is within a millimetre of the input: well under a centimetre. */
const TOLERANCE_M = 1e-3;
/**
 * The offset varies slowly (its gradient is of order 10⁻³), so each step shrinks the error about a thousandfold:
 * 3 steps reach the tolerance everywhere in Xinjiang. The bound only stops a loop near the rectangle's edge,
 * where the transform jumps and the iteration may not settle.
 */
const MAX_STEPS = 20;

/** The inverse has no closed form: fixed-point iteration on the forward formula (DOMAIN.md). */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  if (outOfChina(lon, lat)) return [lon, lat];
  let [wLon, wLat] = [lon, lat];
  for (let step = 0; step < MAX_STEPS; step++) {
    const [gLon, gLat] = wgs84ToGcj02(wLon, wLat);
    const errLon = gLon - lon;
    const errLat = gLat - lat;
    if (errorMetres(errLon, errLat, lat) < TOLERANCE_M) break;
    wLon -= errLon;
    wLat -= errLat;
  }
  return [wLon, wLat];
}

/** Approximate metres of a small lon/lat difference; only compared with the millimetre tolerance. */
function errorMetres(dLon: number, dLat: number, lat: number): number {
  return Math.hypot(dLon * RAD * A * Math.cos(lat * RAD), dLat * RAD * A);
}

function offset(lon: number, lat: number): [number, number] {
  const x = lon - 105;
  const y = lat - 35;
  const radLat = lat * RAD;
  const sinLat = Math.sin(radLat);
  const magic = 1 - EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(x, y) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (transformLon(x, y) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLon, dLat];
}

function transformLat(x: number, y: number): number {
  const pi = Math.PI;
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * pi) + 20 * Math.sin(2 * x * pi)) * 2) / 3;
  ret += ((20 * Math.sin(y * pi) + 40 * Math.sin((y / 3) * pi)) * 2) / 3;
  ret += ((160 * Math.sin((y / 12) * pi) + 320 * Math.sin((y * pi) / 30)) * 2) / 3;
  return ret;
}

function transformLon(x: number, y: number): number {
  const pi = Math.PI;
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * pi) + 20 * Math.sin(2 * x * pi)) * 2) / 3;
  ret += ((20 * Math.sin(x * pi) + 40 * Math.sin((x / 3) * pi)) * 2) / 3;
  ret += ((150 * Math.sin((x / 12) * pi) + 300 * Math.sin((x / 30) * pi)) * 2) / 3;
  return ret;
}
