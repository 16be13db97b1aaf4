/**
 * A local PMTiles basemap (GRIDWATCH_BASEMAP_PMTILES, docs/basemap.md): read with the `pmtiles` package from the
 * file by byte ranges, so a 1 GB archive is never loaded whole. Checked when the server starts: a PMTiles v3
 * archive of vector tiles (MVT), else the server refuses to start, naming what is wrong.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { Compression, PMTiles, TileType, type Source } from 'pmtiles';
import { ConfigError } from '../config';

export interface BasemapArchive {
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number];
  /** The tile's MVT bytes, uncompressed (the app's compression sends them on), or null when there is none. */
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

class FileHandleSource implements Source {
  constructor(
    private readonly file: FileHandle,
    private readonly key: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number) {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.file.read(buffer, 0, length, offset);
    return { data: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + bytesRead) as ArrayBuffer };
  }
}

/** Protomaps builds gzip their directories and tiles; the reader unpacks both (fflate would do it in JS). */
async function decompress(buf: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  if (compression === Compression.None || compression === Compression.Unknown) return buf;
  if (compression === Compression.Gzip) {
    const out = gunzipSync(new Uint8Array(buf));
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
  }
  throw new Error(`compression ${compression} is not supported: build the archive with gzip or none`);
}

export async function openBasemapArchive(file: string): Promise<BasemapArchive> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new ConfigError(`GRIDWATCH_BASEMAP_PMTILES: cannot open ${file}: ${(error as Error).message}`);
  }
  const magic = Buffer.alloc(8);
  await handle.read(magic, 0, 8, 0);
  if (magic.subarray(0, 7).toString('latin1') !== 'PMTiles' || magic[7] !== 3) {
    await handle.close();
    throw new ConfigError(`GRIDWATCH_BASEMAP_PMTILES: ${file} is not a PMTiles version 3 archive`);
  }
  // The archive's identity is its file: a tile is never answered from another archive's cache.
  const archive = new PMTiles(new FileHandleSource(handle, file), undefined, decompress);
  const header = await archive.getHeader();
  if (header.tileType !== TileType.Mvt) {
    await handle.close();
    throw new ConfigError(
      `GRIDWATCH_BASEMAP_PMTILES: ${file} holds tiles of type ${header.tileType}, not vector tiles`,
    );
  }
  if (header.tileCompression !== Compression.None && header.tileCompression !== Compression.Gzip) {
    await handle.close();
    throw new ConfigError(`GRIDWATCH_BASEMAP_PMTILES: ${file}'s tiles must be gzip or uncompressed`);
  }
  return {
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    async tile(z, x, y) {
      const answer = await archive.getZxy(z, x, y);
      return answer ? new Uint8Array(answer.data) : null;
    },
    close: () => handle.close(),
  };
}
