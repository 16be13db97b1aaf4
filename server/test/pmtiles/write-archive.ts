/** `tsx server/test/pmtiles/write-archive.ts <file>`: writes the test basemap archive (the e2e server uses it). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildProtomapsArchive } from './protomaps-archive';

const file = process.argv[2];
if (!file) throw new Error('usage: write-archive.ts <file.pmtiles>');
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, buildProtomapsArchive());
