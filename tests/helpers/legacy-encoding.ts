// Node can decode GBK and Big5 but not encode them. This builds the reverse table from the decoder itself,
// so a test can turn a real UTF-8 page into the bytes a Chinese-language site would send.
const tables = new Map<string, Map<string, number[]>>();

function reverseTable(label: 'gbk' | 'big5'): Map<string, number[]> {
  const cached = tables.get(label);
  if (cached) return cached;
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(label);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  tables.set(label, table);
  return table;
}

/** GBK or Big5 bytes of a text; characters the charset lacks become `?`, as a legacy CMS would store them. */
export function encodeLegacy(text: string, label: 'gbk' | 'big5'): Buffer {
  const codes = reverseTable(label);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(codes.get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
