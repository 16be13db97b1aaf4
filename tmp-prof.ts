import { openProfiledApp } from './bench/peers/profiled-app';
const { store, app } = await openProfiledApp(0, process.argv[2]!);
const url = process.argv[3]!;
for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url });
const s = performance.now();
for (let i = 0; i < 2000; i++) await app.inject({ method: 'GET', url });
console.log(((performance.now() - s) / 2000).toFixed(2), 'ms');
const r = await app.inject({ method: 'GET', url }); console.log(r.rawPayload.length, JSON.stringify(r.headers));
await app.close(); await store.close(); process.exit(0);
