/** npm run topology:down: stops what topology:up started (by its state file and pid files) and removes its folder. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stopTopologyFiles, type TopologyState } from './topology';

const dir = process.env.GRIDWATCH_TOPOLOGY_DIR || '/tmp/gridwatch-topology';
const stateFile = path.join(dir, 'state.json');
const state = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as TopologyState) : null;
stopTopologyFiles(dir, state?.appPids ?? []);
rmSync(dir, { recursive: true, force: true });
console.log(`topology: stopped, ${dir} removed`);
