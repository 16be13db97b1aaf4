/**
 * Answers whose features the database wrote as JSON text (store `queryLayerJson`, docs/performance.md): the
 * collection is put together around the texts and sent as it is, never parsed and stringified again. The
 * bytes are those `JSON.stringify` writes of the same collection (the route tests compare them).
 */
import type { FastifyReply } from 'fastify';
import type { FeatureJson } from '../store/store';

/** `{"type":"FeatureCollection","features":[…]}`, with `"truncated":true` after the features when more matched. */
export function featureCollectionText(features: readonly FeatureJson[], truncated: boolean): string {
  const texts = features.map((f) => f.json).join(',');
  return `{"type":"FeatureCollection","features":[${texts}]${truncated ? ',"truncated":true' : ''}}`;
}

/** Sends JSON text already serialised, with the header Fastify gives the answers it serialises itself. */
export const sendJsonText = (reply: FastifyReply, text: string) =>
  reply.type('application/json; charset=utf-8').send(text);
