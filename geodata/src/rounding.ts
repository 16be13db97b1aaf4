/**
 * Rounds every coordinate of a GeoJSON value to a number of decimals (5 ≈ 1 m) and drops the repeated
 * positions that rounding creates, so the basemap files stay small.
 */
export function roundCoordinates<T>(value: T, decimals = 5): T {
  const f = 10 ** decimals;
  const visit = (node: unknown): unknown => {
    if (!Array.isArray(node)) return node;
    if (typeof node[0] === 'number') return node.map((v: number) => Math.round(v * f) / f);
    const mapped = node.map(visit);
    if (Array.isArray(mapped[0]) && typeof mapped[0][0] === 'number') {
      return mapped.filter((p, i) => {
        const prev = mapped[i - 1] as number[] | undefined;
        const cur = p as number[];
        return !prev || prev[0] !== cur[0] || prev[1] !== cur[1];
      });
    }
    return mapped;
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === 'coordinates' ? visit(v) : walk(v)]),
    );
  };
  return walk(value) as T;
}
