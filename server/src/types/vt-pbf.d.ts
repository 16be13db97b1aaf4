// vt-pbf ships no types: the one function gridwatch uses, taking tiles in geojson-vt's (legacy) shape.
declare module 'vt-pbf' {
  import type { LegacyFeature } from 'geojson-vt';

  interface VtPbf {
    fromGeojsonVt(
      layers: Record<string, { features: LegacyFeature[] }>,
      options?: { version?: number; extent?: number },
    ): Uint8Array;
  }
  const vtpbf: VtPbf;
  export default vtpbf;
}
