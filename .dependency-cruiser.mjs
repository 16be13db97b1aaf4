/**
 * The allowed edges between the packages and the server's layers (docs/architecture.md draws them).
 * `npm run lint` runs this; every edge not allowed here is an error.
 */
const TEST = '\\.(test|spec)\\.tsx?$';

export default {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'no-unresolvable',
      comment: 'virtual: modules are made by a Vite plugin at build time (client/build/answer-checks.ts).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
    {
      name: 'contract-is-a-leaf',
      comment:
        'The contract is schemas, constants and pure functions: it imports only TypeBox, GeoJSON types and the MapLibre style types.',
      severity: 'error',
      from: { path: '^packages/contract/' },
      to: {
        pathNot: [
          '^packages/contract/',
          'node_modules/(typebox|@types/geojson|vitest|@maplibre/maplibre-gl-style-spec)/',
        ],
      },
    },
    {
      name: 'contract-takes-only-style-types',
      comment: 'The map style (map-style/) is plain JSON typed by the style spec: its types, never its code.',
      severity: 'error',
      from: { path: '^packages/contract/', pathNot: TEST },
      to: { path: 'node_modules/@maplibre/maplibre-gl-style-spec/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'geodata-imports-only-the-contract',
      severity: 'error',
      from: { path: '^geodata/' },
      to: { path: ['^server/', '^client/'] },
    },
    {
      name: 'client-imports-only-the-contract',
      comment: 'The client knows the server only through the contract.',
      severity: 'error',
      from: { path: '^client/' },
      to: {
        path: ['^server/', '^geodata/', 'node_modules/(fastify|@fastify|@prisma|pg|better-sqlite3)/'],
      },
    },
    {
      name: 'server-never-imports-the-client',
      severity: 'error',
      from: { path: '^(server|geodata|packages)/' },
      to: { path: ['^client/', 'node_modules/(react|react-dom|maplibre-gl|terra-draw[^/]*)/'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain rules know nothing of HTTP, the database or the UI: they are tested with fixtures.',
      severity: 'error',
      from: { path: '^server/src/domain/', pathNot: TEST },
      to: {
        path: [
          '^server/src/(routes|store|http|services|auth)/',
          'node_modules/(fastify|@fastify|@prisma|pg|better-sqlite3|react|maplibre-gl)/',
        ],
      },
    },
    {
      name: 'routes-use-store-ports-only',
      comment:
        'Routes reach the store through its ports (store.ts, tile-request.ts), never its SQL or adapters.',
      severity: 'error',
      from: { path: '^server/src/(routes|services|http|auth)/', pathNot: TEST },
      to: {
        path: '^server/src/store/',
        pathNot: '^server/src/store/(store|tile-request|layer-filter|scope)\\.ts$',
      },
    },
    {
      name: 'routes-do-not-import-routes',
      comment: 'What two routes share lives in http/ or services/.',
      severity: 'error',
      from: { path: '^server/src/routes/', pathNot: TEST },
      to: { path: '^server/src/routes/' },
    },
    {
      name: 'map-libraries-stay-in-client-map',
      comment: 'maplibre-gl and terra-draw are known only to client/src/map.',
      severity: 'error',
      from: { path: '^client/', pathNot: '^client/src/map/' },
      to: { path: 'node_modules/(maplibre-gl|terra-draw[^/]*)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/|(^|/)generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
