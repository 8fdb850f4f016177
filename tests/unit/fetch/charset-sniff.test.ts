import { describe, expect, it } from 'vitest';
import { decodesCleanly, hasNonAscii } from '../../../src/fetch/charset-sniff.js';

const fatalUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('decodesCleanly for UTF-8 (node validator)', () => {
  it('agrees with a fatal TextDecoder on valid text and on each kind of broken sequence', () => {
    const cases: Array<[string, number[]]> = [
      ['ascii', [0x61, 0x62]],
      ['two, three and four bytes', [...Buffer.from('é百😀')]],
      ['overlong slash', [0xc0, 0xaf]],
      ['overlong three-byte', [0xe0, 0x80, 0xaf]],
      ['encoded surrogate', [0xed, 0xa0, 0x80]],
      ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['truncated at the end', [0x61, 0xe7, 0x99]],
      ['lone continuation', [0x80]],
      ['GBK bytes for 百度', [0xb0, 0xd9, 0xb6, 0xc8]],
      ['Latin-1 é', [0x63, 0x61, 0x66, 0xe9]],
    ];
    for (const [name, bytes] of cases) expect(decodesCleanly(Uint8Array.from(bytes), 'utf-8'), name).toBe(fatalUtf8(Uint8Array.from(bytes)));
    expect(decodesCleanly(Uint8Array.from([0xb0, 0xd9, 0xb6, 0xc8]), 'utf-8')).toBe(false);
    expect(decodesCleanly(Uint8Array.from([0xb0, 0xd9, 0xb6, 0xc8]), 'gb18030')).toBe(true);
  });
});

describe('hasNonAscii', () => {
  it('finds a high byte anywhere, and none in ASCII', () => {
    expect(hasNonAscii(new Uint8Array(0))).toBe(false);
    expect(hasNonAscii(Buffer.from('plain <rss> feed\n'.repeat(100)))).toBe(false);
    const late = Buffer.from('a'.repeat(5000));
    late[4999] = 0x80;
    expect(hasNonAscii(late)).toBe(true);
  });
});
