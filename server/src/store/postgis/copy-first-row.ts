/**
 * The first row of a statement as its columns' binary values, read by `COPY … TO STDOUT (FORMAT binary)`
 * (docs/performance.md, "Fix 23"). pg has no binary results: it reads every column as a UTF-8 string before its
 * type parser sees it, so bytes come as text (a tile as base64: postgis-tiles.ts), which the database encodes and
 * the app decodes twice over, and a COPY's bytes come as the socket's buffers.
 */
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { Sql } from '@prisma/client/runtime/client';
import { inlineValues } from './inline-values';
import { onPoolClient } from './pool-client';

/** A binary COPY starts with these 11 bytes, then a flags word and the length of a header extension. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Runs `query` as a binary COPY on a connection of the pool; its first row, or null when it has none. */
export function copyFirstRow(pool: pg.Pool, query: Sql): Promise<(Buffer | null)[] | null> {
  return onPoolClient(pool, async (client) => {
    const chunks: Buffer[] = [];
    const copy = client.query(
      copyStreams.to(`COPY (${inlineValues(query, client)}) TO STDOUT (FORMAT binary)`),
    );
    for await (const chunk of copy) chunks.push(chunk as Buffer);
    return firstRow(Buffer.concat(chunks));
  });
}

/**
 * The first tuple of a binary COPY's output, each field's bytes (a view, not a copy) or null (PostgreSQL's
 * manual, COPY, "Binary Format"): the header, then per tuple a 16-bit field count (-1 ends the data) and per
 * field a 32-bit length (-1: NULL) and that many bytes.
 */
export function firstRow(data: Buffer): (Buffer | null)[] | null {
  if (data.length < 21 || !data.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new Error('not the output of a binary COPY');
  let at = SIGNATURE.length + 8 + data.readUInt32BE(SIGNATURE.length + 4);
  const count = data.readInt16BE(at);
  at += 2;
  if (count === -1) return null;
  const row: (Buffer | null)[] = [];
  for (let i = 0; i < count; i++) {
    const length = data.readInt32BE(at);
    at += 4;
    if (length === -1) {
      row.push(null);
      continue;
    }
    if (at + length > data.length) throw new Error('a binary COPY cut short in its first row');
    row.push(data.subarray(at, at + length));
    at += length;
  }
  return row;
}
