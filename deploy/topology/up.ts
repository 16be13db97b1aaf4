/**
 * npm run topology:up [-- --sites N --port P]: starts the scaled deployment on 127.0.0.1 (topology.ts) in
 * $GRIDWATCH_TOPOLOGY_DIR (default /tmp/gridwatch-topology) and leaves it running; npm run topology:down stops it.
 */
import { parseArgs } from 'node:util';
import { Topology, topologyPassword } from './topology';

const { values } = parseArgs({
  options: { sites: { type: 'string', default: '10000' }, port: { type: 'string', default: '55400' } },
});
const dir = process.env.GRIDWATCH_TOPOLOGY_DIR || '/tmp/gridwatch-topology';
const topology = new Topology({ dir, basePort: Number(values.port), sites: Number(values.sites) });
await topology.start((line) => console.log(`topology: ${line}`));
console.log(
  `topology: up at ${topology.nginxUrl} (users admin, enforcer, viewer; password ${topologyPassword('<role>')})`,
);
console.log(`topology: logs and state in ${dir}; stop with npm run topology:down`);
process.exit(0);
