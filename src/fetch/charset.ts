/** Turns response bytes into text: BOM, HTTP header, XML prolog, HTML meta, then sniffing. */

const aliases: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  utf8: 'utf-8',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
};

/** The charset named in a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1]?.toLowerCase();
}

/** Decodes bytes to a string, trusting a declaration only when the bytes do not prove it wrong. */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): string {
  const bom = charsetFromBom(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = normalizeLabel(charsetFromContentType(contentType) ?? charsetFromMarkup(bytes));
  const validUtf8 = isValidUtf8(bytes);
  // Valid UTF-8 with non-ASCII bytes is almost never a legacy encoding by accident.
  if (validUtf8 && (!declared || declared === 'utf-8' || hasNonAscii(bytes))) return new TextDecoder('utf-8').decode(bytes);
  if (declared && declared !== 'utf-8' && isSupported(declared)) return new TextDecoder(declared).decode(bytes);
  return new TextDecoder(sniffLegacy(bytes)).decode(bytes);
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function charsetFromMarkup(bytes: Uint8Array): string | undefined {
  // Declarations live near the top; 2 KiB covers pages whose meta sits after byte 1024.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const prolog = head.match(/<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i);
  if (prolog) return prolog[1]?.toLowerCase();
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return meta?.[1]?.toLowerCase();
}

function normalizeLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const lower = label.toLowerCase();
  return aliases[lower] ?? lower;
}

function isSupported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/** Undeclared, non-UTF-8 bytes: GB18030 when most high bytes pair up as double-byte CJK, else windows-1252. */
function sniffLegacy(bytes: Uint8Array): string {
  let pairs = 0;
  let singles = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    if (byte >= 0x81 && byte <= 0xfe && next >= 0x40 && next <= 0xfe && next !== 0x7f) {
      pairs++;
      i++;
    } else singles++;
  }
  return pairs > singles * 2 ? 'gb18030' : 'windows-1252';
}
