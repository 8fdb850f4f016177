/**
 * Bytes of `text` in a legacy double-byte encoding (gbk, big5, shift_jis, euc-kr), built from Node's
 * own decoder tables: Node has no encoder for them, and test inputs must be real encoded bytes.
 */
export function encodeLegacy(text: string, label: string): Uint8Array {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number[]>();
  for (let byte = 0xa1; byte <= 0xdf; byte++) {
    // Shift_JIS half-width katakana are single bytes.
    const char = decoder.decode(Uint8Array.of(byte));
    if (label === 'shift_jis' && char.length === 1 && char !== '\ufffd') table.set(char, [byte]);
  }
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return Uint8Array.from(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
      const bytes = table.get(char);
      if (!bytes) throw new Error(`${label} cannot encode "${char}"`);
      return bytes;
    }),
  );
}
