import { describe, expect, it } from 'vitest';
import { firstRow } from './copy-first-row';

/** A binary COPY's output as PostgreSQL writes it: header (with an extension), the tuples, the trailer. */
function copyOutput(rows: (Buffer | null)[][], extension = Buffer.alloc(0)): Buffer {
  const parts = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), int32(0), int32(extension.length), extension];
  for (const row of rows) {
    parts.push(int16(row.length));
    for (const field of row) parts.push(...(field === null ? [int32(-1)] : [int32(field.length), field]));
  }
  parts.push(int16(-1));
  return Buffer.concat(parts);
}
const int16 = (v: number) => Buffer.from([(v >> 8) & 0xff, v & 0xff]);
function int32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(v);
  return b;
}
const int8 = (v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(v);
  return b;
};

describe('firstRow of a binary COPY', () => {
  it('gives each field of the first row as its bytes, NULL as null, past a header extension', () => {
    const tile = Buffer.from([0x1a, 0x00, 0xff, 0x0a, 0x0d]);
    const out = copyOutput(
      [
        [int8(2501n), null, tile],
        [int8(7n), null, null],
      ],
      Buffer.from('ext'),
    );
    const row = firstRow(out)!;
    expect(row).toHaveLength(3);
    expect(row[0]!.readBigInt64BE(0)).toBe(2501n);
    expect(row[1]).toBeNull();
    expect(row[2]).toEqual(tile);
  });

  it('gives an empty field as no bytes, and null when there is no row', () => {
    expect(firstRow(copyOutput([[Buffer.alloc(0)]]))).toEqual([Buffer.alloc(0)]);
    expect(firstRow(copyOutput([]))).toBeNull();
  });

  it('refuses what is not a binary COPY, or is cut short in its first row', () => {
    expect(() => firstRow(Buffer.from('id,name\n1,a\n'.repeat(3)))).toThrow(
      /not the output of a binary COPY/,
    );
    const whole = copyOutput([[Buffer.alloc(100, 1)]]);
    expect(() => firstRow(whole.subarray(0, whole.length - 40))).toThrow(/cut short/);
  });
});
