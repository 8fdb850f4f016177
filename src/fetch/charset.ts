import { demoronize } from '../cp1252.js';
import { charsetFromBom, charsetFromLayout, decodesCleanly, decodeUtf32, hasNonAscii, sniffLegacy } from './charset-sniff.js';

/** Turns response bytes into text: BOM, HTTP header, XML prolog, HTML meta, then sniffing. */

const aliases: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'big5-hkscs': 'big5',
  cp950: 'big5',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  utf16: 'utf-16le',
  'utf-32': 'utf-32le',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  cp949: 'euc-kr',
  ks_c_5601: 'euc-kr',
};

/** Encodings whose byte grammar is strict enough that bytes which break it prove the label wrong. */
const provable = new Set(['gb18030', 'big5', 'shift_jis', 'euc-kr', 'euc-jp', 'iso-2022-jp']);

/** The charset named in a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1]?.toLowerCase();
}

export interface CharsetChoice {
  charset: string;
  /** Why: a person debugging a feed wants to know which evidence won. */
  by: 'bom' | 'layout' | 'utf-8' | 'header' | 'markup' | 'sniff';
}

/**
 * Picks the encoding of a body. Valid UTF-8 with non-ASCII bytes is taken as UTF-8 whatever the
 * label says (a legacy encoding almost never yields valid UTF-8 by accident); a CJK label whose
 * grammar the bytes break is dropped; a specific multibyte label beats a generic single-byte one
 * (servers default to ISO-8859-1 headers); with nothing left, the bytes are sniffed.
 */
export function detectCharset(bytes: Uint8Array, contentType?: string | null): CharsetChoice {
  const bom = charsetFromBom(bytes);
  if (bom) return { charset: bom.charset, by: 'bom' };
  const layout = charsetFromLayout(bytes);
  if (layout) return { charset: layout, by: 'layout' };
  if (!hasNonAscii(bytes) || decodesCleanly(bytes, 'utf-8')) return { charset: 'utf-8', by: 'utf-8' };
  const labels: Array<[string | undefined, CharsetChoice['by']]> = [
    [normalizeLabel(charsetFromContentType(contentType)), 'header'],
    [normalizeLabel(charsetFromMarkup(bytes)), 'markup'],
  ];
  // A UTF label on bytes that are not valid UTF-8 (and carry no BOM) is disproved by them.
  const declared: CharsetChoice[] = labels.flatMap(([charset, by]) => (charset && !charset.startsWith('utf-') && isSupported(charset) ? [{ charset, by }] : []));
  const multibyte = declared.find((d) => provable.has(d.charset) && decodesCleanly(bytes, d.charset));
  if (multibyte) return multibyte;
  // A single-byte label cannot be disproved, but a Latin-1 *header* over CJK-shaped bytes is a server default, not a choice.
  const singleByte = declared.find((d) => !provable.has(d.charset) && !(d.by === 'header' && d.charset === 'windows-1252'));
  if (singleByte) return singleByte;
  const sniffed = sniffLegacy(bytes);
  const serverDefault = declared.find((d) => !provable.has(d.charset));
  if (serverDefault && !provable.has(sniffed)) return serverDefault;
  return { charset: sniffed, by: 'sniff' };
}

/** Decodes bytes to a string, trusting a declaration only when the bytes do not prove it wrong. */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): string {
  return demoronize(decodeAs(bytes, detectCharset(bytes, contentType).charset));
}

/** Decodes with a charset detectCharset chose (UTF-32 included); a BOM is dropped. */
export function decodeAs(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-32le' || charset === 'utf-32be') return decodeUtf32(bytes, charset === 'utf-32le');
  return new TextDecoder(charset).decode(bytes);
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
