/**
 * What a tile served from nginx's cache costs (issue 17, docs/scaling.md "Capacity"): the topology on loopback
 * (deploy/topology), one public tile warmed into nginx's cache, then wrk through nginx for a few seconds. CPU time
 * of nginx's processes (master + worker, /proc utime + stime) and of the two app instances over the run, per
 * request: the apps' share shows the hits never reached Node. CPU time, not wall time, so the neighbours on the
 * machine do not count.
 *   npx tsx bench/nginx-hit.ts [--seconds 5] [--port 56500]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Topology } from '../deploy/topology/topology';
import { childrenOf, cpuMs } from './process-cpu';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, port: { type: 'string', default: '56500' } },
});
const dir = mkdtempSync(path.join(tmpdir(), 'gridwatch-nginx-hit-'));
const topology = new Topology({ dir, basePort: Number(values.port), sites: 2000 });
try {
  await topology.start();
  const master = Number(readFileSync(path.join(dir, 'nginx/nginx.pid'), 'utf8').trim());
  const nginx = [master, ...childrenOf(master)];
  const apps = topology.apps.map((app) => app!.pid!);
  const url = `${topology.nginxUrl}/api/tiles/sites/8/190/94.mvt`;
  for (let i = 0; i < 3; i++) await (await fetch(url)).arrayBuffer();
  const status = (await fetch(url)).headers.get('x-cache');
  const nginx0 = cpuMs(nginx);
  const apps0 = cpuMs(apps);
  const out = execFileSync('wrk', ['-t1', '-c8', `-d${values.seconds}s`, url], { encoding: 'utf8' });
  const requests = Number(/(\d+) requests in/.exec(out)![1]);
  const nginxMs = (cpuMs(nginx) - nginx0) / requests;
  const appMs = (cpuMs(apps) - apps0) / requests;
  console.log(
    `cache status before the run: ${status}; ${requests} requests in ${values.seconds} s (wrk, 8 connections)`,
  );
  console.log(
    `nginx CPU ${nginxMs.toFixed(3)} ms/request → ${(1000 / nginxMs).toFixed(0)} requests/s per core`,
  );
  console.log(`the two app instances: ${appMs.toFixed(3)} ms/request (their background probes only)`);
} finally {
  topology.stop();
  rmSync(dir, { recursive: true, force: true });
}
