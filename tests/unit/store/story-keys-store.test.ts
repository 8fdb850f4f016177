import { describe, expect, it } from 'vitest';
import { signatureFromBytes } from '../../../src/store/story-keys-store.js';

describe('signatureFromBytes', () => {
  it('reads 4 big-endian bytes a value as uint32, from a view into a larger buffer (as postgres.js hands out bytea)', () => {
    const values = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 2654435761];
    const whole = Buffer.alloc(3 + values.length * 4 + 5, 0xaa);
    values.forEach((value, index) => whole.writeUInt32BE(value, 3 + 4 * index));
    const view = whole.subarray(3, 3 + values.length * 4);
    expect(signatureFromBytes(view)).toEqual(values);
    expect(signatureFromBytes(new Uint8Array(view))).toEqual(values);
    expect(signatureFromBytes(new Uint8Array(0))).toEqual([]);
  });

  it('refuses bytes that are not whole values', () => {
    expect(() => signatureFromBytes(new Uint8Array(7))).toThrow(/7 bytes is not a whole number of 4-byte values/);
  });
});
