/**
 * Answers whose features the database wrote as JSON text (store `queryLayerJson`, docs/performance.md): the
 * collection is put together around the texts and sent as it is, never parsed and stringified again. The
 * bytes are those `JSON.stringify` writes of the same collection (the route tests compare them).
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { enclosed } from '../services/enclosed-chunks';
import type { FeatureJson, LayerJsonCopy } from '../store/store';
import { FEATURE_COLLECTION_HEAD, featureCollectionBytes } from './json-bytes';

/** What follows a page's features: `"truncated":true` when more matched. */
const afterFeatures = (truncated: boolean) => (truncated ? ',"truncated":true' : '');

/** `{"type":"FeatureCollection","features":[…]}`, with `"truncated":true` after the features when more matched. */
export const featureCollectionAnswer = (features: readonly FeatureJson[], truncated: boolean): Buffer =>
  featureCollectionBytes(
    features.map((f) => f.json),
    afterFeatures(truncated),
  );

/**
 * An OGC API items page around the texts: JSON.stringify's bytes of `{type, features, links, numberMatched,
 * numberReturned}` with those features (routes/ogc-features.ts).
 */
export const ogcItemsAnswer = (
  features: readonly FeatureJson[],
  after: { links: unknown; numberMatched: number; numberReturned: number },
): Buffer =>
  featureCollectionBytes(
    features.map((f) => f.json),
    `,${JSON.stringify(after).slice(1, -1)}`,
  );

const JSON_TYPE = 'application/json; charset=utf-8';

/** Sends JSON already serialised (text, or its bytes), with the header Fastify gives the answers it serialises. */
export const sendJsonText = (reply: FastifyReply, json: string | Buffer) => reply.type(JSON_TYPE).send(json);

/** Sends a page the database copied (store `copyLayerPage`) as it arrives (sendJsonChunks): featureCollectionAnswer's bytes. */
export const sendFeatureCollectionCopy = (
  reply: FastifyReply,
  copy: LayerJsonCopy,
  limit: number,
): Promise<FastifyReply> =>
  sendJsonChunks(
    reply,
    enclosed(FEATURE_COLLECTION_HEAD, copy.chunks, () => `]${afterFeatures(copy.totals().count > limit)}}`),
  );

/**
 * Sends JSON as its chunks arrive, with no string per feature (docs/performance.md, "Fix 16"). The first chunk
 * is awaited before the answer starts, so a statement that fails answers with an error, not a cut 200; a
 * failure later cuts the answer, as an export's does. An answer not read to the end (the client went) ends the
 * generator, which ends a copy and frees its connection; Fastify reads a HEAD's stream to the end and drops it.
 */
export async function sendJsonChunks(
  reply: FastifyReply,
  body: AsyncGenerator<Buffer>,
): Promise<FastifyReply> {
  const first = await body.next();
  async function* all(): AsyncGenerator<Buffer> {
    if (!first.done) yield first.value;
    yield* body;
  }
  const stream = Readable.from(all());
  // A stream destroyed before it read anything does not end a generator it has not started: end the body here,
  // so a copy's connection goes back (copy-layer-json.ts).
  stream.on('close', () => void body.return(undefined));
  return reply.type(JSON_TYPE).send(stream);
}
