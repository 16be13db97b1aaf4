import { haversineKm } from '@gridwatch/contract';
import { kmPerDegLon, KM_PER_DEG_LAT } from './geo';

/**
 * A uniform lon/lat grid over a few hundred points, for "nearest within r" queries from up to a million sites
 * without scanning every point each time.
 */
export class PointGrid<T extends { lon: number; lat: number }> {
  private readonly cells = new Map<number, T[]>();

  constructor(
    items: readonly T[],
    private readonly cellDeg = 0.25,
  ) {
    for (const item of items) {
      const key = this.key(Math.floor(item.lon / cellDeg), Math.floor(item.lat / cellDeg));
      const cell = this.cells.get(key);
      if (cell) cell.push(item);
      else this.cells.set(key, [item]);
    }
  }

  private key(ix: number, iy: number): number {
    return (ix + 2000) * 4000 + (iy + 1000);
  }

  /** The nearest item at most maxM metres away by haversine, or null; ties go to the item indexed first. */
  nearestWithin(lon: number, lat: number, maxM: number): T | null {
    const maxKm = maxM / 1000;
    const dLat = maxKm / KM_PER_DEG_LAT;
    const dLon = maxKm / kmPerDegLon(Math.min(89, Math.abs(lat) + dLat));
    const [x0, x1] = [Math.floor((lon - dLon) / this.cellDeg), Math.floor((lon + dLon) / this.cellDeg)];
    const [y0, y1] = [Math.floor((lat - dLat) / this.cellDeg), Math.floor((lat + dLat) / this.cellDeg)];
    let best: T | null = null;
    let bestM = maxM;
    for (let ix = x0; ix <= x1; ix++)
      for (let iy = y0; iy <= y1; iy++)
        for (const item of this.cells.get(this.key(ix, iy)) ?? []) {
          const d = haversineKm(lon, lat, item.lon, item.lat) * 1000;
          if (d < bestM || (d === bestM && best === null)) {
            bestM = d;
            best = item;
          }
        }
    return best;
  }
}
