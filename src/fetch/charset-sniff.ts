import { isAscii, isUtf8 } from 'node:buffer';
/** Byte-level evidence about an encoding: BOMs, UTF-16/32 layouts, UTF-8 validity and legacy CJK sniffing. */

/** The encoding a byte-order mark announces, with the BOM's length. */
export function charsetFromBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  // UTF-32LE's BOM starts like UTF-16LE's, so it is checked first.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { charset: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: 'utf-32be', length: 4 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  return undefined;
}

/** BOM-less UTF-16/32 recognised by how `<` and `?` of the prolog are laid out (XML 1.0 Appendix F). */
export function charsetFromLayout(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0x3c && c === 0 && d !== 0) return 'utf-16be';
  if (a === 0x3c && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  return undefined;
}

/** Node's TextDecoder has no UTF-32; it is rare enough to decode by hand. */
export function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let codes: number[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const code = view.getUint32(i, littleEndian);
    codes.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    if (codes.length === 8192) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
  }
  parts.push(String.fromCodePoint(...codes));
  return parts.join('').replace(/^\ufeff/, '');
}

/** True when the bytes decode under `label` without a single invalid sequence. */
export function decodesCleanly(bytes: Uint8Array, label: string): boolean {
  // Most feeds are UTF-8: node's validator answers without building the text a decode would.
  if (label === 'utf-8') return isUtf8(bytes);
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function hasNonAscii(bytes: Uint8Array): boolean {
  return !isAscii(bytes);
}

/**
 * Undeclared (or disproved) legacy bytes. Double-byte CJK shows as high bytes in lead/trail pairs.
 * GB2312 text pairs two high bytes; Big5 also uses trail bytes 0x40–0x7E for 40–55% of its
 * characters, which is also what Latin-1 "é" before a letter looks like, so Big5 needs both kinds
 * and a clean decode; Shift_JIS shows as kana. Everything else is read as windows-1252, the web's default.
 */
export function sniffLegacy(bytes: Uint8Array): string {
  let highPairs = 0;
  let lowPairs = 0;
  let singles = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    if (byte >= 0x81 && byte <= 0xfe && next >= 0x80 && next <= 0xfe) {
      highPairs++;
      i++;
    } else if (byte >= 0x81 && byte <= 0xfe && next >= 0x40 && next <= 0x7e) {
      lowPairs++;
      i++;
    } else singles++;
  }
  // Katakana sit on low trail bytes in Shift_JIS, so Japanese is tried before the GB/Big5 shape test.
  if (highPairs + lowPairs > 2 * singles && decodesCleanly(bytes, 'shift_jis') && kanaShare(new TextDecoder('shift_jis').decode(bytes)) > 0.2) return 'shift_jis';
  // Big5 text can have more low-trail pairs than high ones (seen: 54% in a Taiwanese blog feed), while
  // accented Latin text has almost no high pairs at all, so a third of the pairs being high is enough.
  const cjkShaped = highPairs > 2 * singles && highPairs * 2 >= lowPairs;
  if (!cjkShaped) return 'windows-1252';
  if (lowPairs > (highPairs + lowPairs) * 0.15 && decodesCleanly(bytes, 'big5')) return 'big5';
  return 'gb18030';
}

function kanaShare(text: string): number {
  let kana = 0;
  let wide = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x3000) continue;
    wide++;
    if (code >= 0x3040 && code <= 0x30ff) kana++;
  }
  return wide === 0 ? 0 : kana / wide;
}
