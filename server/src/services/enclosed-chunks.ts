/**
 * A streamed JSON document around chunks of bytes (a COPY's: store copyLayerJson, copyLayerPage): `head`, the
 * chunks, then `tail()`, asked for once the chunks are read to the end (it may depend on what they held). The
 * head goes out with the first chunk and the tail with the last, so neither is a write of a few bytes alone.
 */
export async function* enclosed(
  head: string,
  chunks: AsyncIterable<Uint8Array>,
  tail: () => string,
): AsyncGenerator<Buffer> {
  let held: Buffer = Buffer.from(head);
  let first = true;
  for await (const bytes of chunks) {
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (first) held = Buffer.concat([held, chunk]);
    else {
      yield held;
      held = chunk;
    }
    first = false;
  }
  yield Buffer.concat([held, Buffer.from(tail())]);
}
