/**
 * The bytes of a COPY of feature texts (postgis/copy-layer-json.ts), as the export writes them: a row is a
 * feature's JSON text or, where the database cannot write it as JavaScript would (sql/feature-json-sql.ts), a
 * marked row — MARK, the feature's id — either followed by "," (all rows but the last) and "\n". The last row
 * carries the totals before its "\n" (TOTALS, then numbers each after a space: the count, the load sum in watts,
 * and any tallies by group, copy-layer-json.ts), which are not written. A layer page
 * (the layer route's answer) is the same rows without their "\n"s: `newlines: 'drop'`. Pure: no database, no HTTP.
 */

/** Starts a row whose text JavaScript makes: a control byte, which JSON text never holds raw. */
export const MARK = 0x03;
/** Starts the totals, at the end of the last row. */
export const TOTALS = 0x04;
/** CSV's quote byte in the COPY: the database writes it only if it had to quote a row, which would be a fault. */
export const QUOTE = 0x01;
const NEWLINE = 0x0a;

/**
 * The rows of `chunks` with every marked row replaced by `render(id)` (its "," and "\n" kept, or the "\n"
 * dropped) and the totals given to `totals`, either possibly split across chunks; the bytes joined into chunks of
 * at least `chunkBytes` and under twice that (the last may be shorter), so that the HTTP answer is not one chunk
 * per row.
 */
export async function* unmarkRows(
  chunks: AsyncIterable<Uint8Array>,
  render: (id: number) => Promise<string>,
  chunkBytes: number,
  totals: (numbers: number[]) => void,
  newlines: 'keep' | 'drop' = 'keep',
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const push = (bytes: Buffer) => {
    if (bytes.length === 0) return;
    pending.push(bytes);
    pendingBytes += bytes.length;
  };
  // Feature texts never hold a raw "\n" (JSON escapes it): every one in the bytes ends a row.
  const add = (bytes: Buffer) => {
    if (newlines === 'keep') return push(bytes);
    let from = 0;
    for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, from)) {
      push(bytes.subarray(from, at));
      from = at + 1;
    }
    push(bytes.subarray(from));
  };
  const take = (): Buffer => {
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    return joined;
  };
  let carry: Buffer | null = null; // a marked row or the totals, whose "\n" has not arrived yet
  for await (const chunk of chunks) {
    const data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (data.includes(QUOTE)) throw new Error('the COPY quoted a row: a feature text held a CSV quote byte');
    const bytes: Buffer = carry ? Buffer.concat([carry, data]) : data;
    carry = null;
    let from = 0;
    for (;;) {
      const at = firstOf(bytes, from);
      if (at < 0) {
        add(bytes.subarray(from));
        break;
      }
      add(bytes.subarray(from, at));
      const newline = bytes.indexOf(NEWLINE, at);
      if (newline < 0) {
        carry = bytes.subarray(at);
        break;
      }
      if (bytes[at] === TOTALS) {
        totals(
          bytes
            .toString('latin1', at + 1, newline)
            .split(' ')
            .map(Number),
        );
        from = newline; // the last row's "\n" stays
        continue;
      }
      // A marked row ends at its "\n", or (the last row) where the totals begin.
      const next = bytes.indexOf(TOTALS, at);
      const end = next >= 0 && next < newline ? next : newline;
      const row = bytes.toString('latin1', at + 1, end);
      const comma = row.endsWith(',');
      const id = Number(comma ? row.slice(0, -1) : row);
      if (!Number.isSafeInteger(id))
        throw new Error(`the COPY marked a row without an id: ${JSON.stringify(row)}`);
      add(Buffer.from(`${await render(id)}${comma ? ',' : ''}`));
      from = end;
    }
    if (pendingBytes >= chunkBytes) yield* split(take(), chunkBytes);
  }
  if (carry) throw new Error('the COPY ended inside a marked row or its totals');
  if (pendingBytes > 0) yield take();
}

/**
 * `bytes` in pieces of `size`, the last taking the rest (under twice `size`): a COPY that arrives in a burst
 * (a sorted one sends its rows at once) is buffered by the stream, and one read gives all of it.
 */
function* split(bytes: Buffer, size: number): Generator<Buffer> {
  let from = 0;
  for (; bytes.length - from >= 2 * size; from += size) yield bytes.subarray(from, from + size);
  yield bytes.subarray(from);
}

/** Where the next marked row or the totals start, from `from`; -1 if neither does. */
function firstOf(bytes: Buffer, from: number): number {
  const mark = bytes.indexOf(MARK, from);
  const total = bytes.indexOf(TOTALS, from);
  return mark < 0 ? total : total < 0 ? mark : Math.min(mark, total);
}
