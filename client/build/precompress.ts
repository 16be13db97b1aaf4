/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each compressible built file, so that the server sends the
 * smaller one a browser takes without compressing per request (@fastify/static's preCompressed). Brotli at its
 * best quality: done once per build, it costs seconds here and saves bytes on every first load (docs/ui.md).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text and uncompressed binaries; fonts (woff2), images and .br/.gz are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|geojson|pbf|txt|map)$/;
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

export function precompressDir(dir: string): number {
  let written = 0;
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const bytes = readFileSync(file);
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gz = gzipSync(bytes, { level: 9 });
    // A copy no smaller than the file itself is left out: the file is then served as it is.
    if (br.length < bytes.length) writeFileSync(`${file}.br`, br);
    if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz);
    written += 1;
  }
  return written;
}

/**
 * The Vite plugin: compresses the client's output once the bundle is written, and the `also` folders (the
 * offline basemap, which `npm run build` writes just before), relative to the repository.
 */
export function precompress(also: readonly string[] = []): Plugin {
  let outDir = '';
  return {
    name: 'gridwatch-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
      for (const dir of also) if (existsSync(dir)) precompressDir(dir);
    },
  };
}
