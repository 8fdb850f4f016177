/** MinHash signatures and LSH band keys (pure, deterministic across runs and processes). */

export const signatureSize = 32;

/** FNV-1a over UTF-16 code units, finished with murmur3's fmix32: a fast well-mixed 32-bit hash. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const maxSignatureSize = 1024;
const seeds = Array.from({ length: maxSignatureSize }, (_, i) => fmix32(Math.imul(0x9e3779b9, i + 1)));

/** The MinHash signature of a shingle set; an empty set gives all 0xffffffff (matches nothing by bands). */
export function minhashOf(shingles: Iterable<string>, size = signatureSize): number[] {
  if (size > maxSignatureSize) throw new RangeError(`minhash: at most ${maxSignatureSize} values`);
  const signature = new Array<number>(size).fill(0xffffffff);
  for (const shingle of shingles) {
    const base = hash32(shingle);
    for (let i = 0; i < size; i++) {
      const value = fmix32(base ^ seeds[i]!);
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** The share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return 0;
  return estimateJaccardIn(a, b, 0, a.length);
}

/**
 * estimateJaccard of the signatures at positions [from, to) of `a` and of `b` (two parts of longer
 * arrays, compared in place: story assignment compares thousands of pairs per batch).
 */
export function estimateJaccardIn(a: readonly number[], b: readonly number[], from: number, to: number): number {
  if (to <= from) return 0;
  let equal = 0;
  for (let i = from; i < to; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) equal++;
  return equal / (to - from);
}

/**
 * A bottom-k sketch: the k smallest distinct shingle hashes, ascending. For a set of at most k
 * shingles (a headline) it is the whole set, so Jaccard from two sketches is exact, not estimated.
 */
export function bottomHashesOf(shingles: Iterable<string>, k: number): number[] {
  const hashes = [...new Set([...shingles].map((shingle) => hash32(shingle)))];
  return hashes.sort((a, b) => a - b).slice(0, k);
}

/**
 * Jaccard from two bottom-k sketches as bottomHashesOf gives them (ascending, distinct), read in
 * place from position `aFrom` of `a` and `bFrom` of `b` to their ends: of the k smallest hashes of
 * their union, the share in both (Broder's estimator; exact when both sets fit in k). One merge walk,
 * no sets or copies: story assignment compares thousands of pairs per batch.
 */
export function sortedBottomKJaccard(a: readonly number[], aFrom: number, b: readonly number[], bFrom: number, k: number): number {
  let i = aFrom;
  let j = bFrom;
  let union = 0;
  let both = 0;
  while (union < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    union++;
  }
  return union === 0 ? 0 : both / union;
}

/** A 52-bit key (safe as a JS number and a PostgreSQL bigint) for a string. */
export function key52(text: string): number {
  const high = hash32(text, 0x12345678) & 0xfffff;
  return high * 0x100000000 + hash32(text);
}

/**
 * LSH band keys: each band of `rows` signature values (from position `from`, a multiple of `rows`)
 * hashed with its name and number. A key is
 * key52 of the text `${name}${start}:${v1},${v2},…`, as it always was (stored keys must keep
 * matching), but hashed as it is spelled, without building the text: every item has 26 bands.
 * The hash states after `${name}${start}:` are the same for every item and are kept; each value's
 * digits are read once for both halves of the key.
 */
export function bandKeysOf(signature: readonly number[], options: { rows: number; name: string; from?: number }): number[] {
  const keys: number[] = [];
  const { rows, name, from = 0 } = options;
  const prefixes = bandPrefixes(name);
  for (let start = from; start + rows <= signature.length; start += rows) {
    let empty = true;
    for (let i = start; i < start + rows; i++) if (signature[i] !== 0xffffffff) empty = false;
    if (empty) continue;
    const prefix = (prefixes[start] ??= { low: feedText(0x811c9dc5, `${name}${start}:`), high: feedText(0x12345678, `${name}${start}:`) });
    let low = prefix.low;
    let high = prefix.high;
    for (let i = start; i < start + rows; i++) {
      if (i > start) {
        low = Math.imul(low ^ 44, 0x01000193); // ','
        high = Math.imul(high ^ 44, 0x01000193);
      }
      let count = 0;
      let value = signature[i]!;
      // Decimal digits, least significant first (values are below 2^32, so >>> 0 is a floor).
      do {
        const rest = (value / 10) >>> 0;
        digits[count++] = 48 + value - rest * 10;
        value = rest;
      } while (value > 0);
      while (count > 0) {
        const digit = digits[--count]!;
        low = Math.imul(low ^ digit, 0x01000193);
        high = Math.imul(high ^ digit, 0x01000193);
      }
    }
    keys.push((fmix32(high) & 0xfffff) * 0x100000000 + fmix32(low));
  }
  return keys;
}

const digits = new Uint8Array(10);

/** Per band name, by band start: both halves' hash states after `${name}${start}:`, unfinished (the same for every item). */
const prefixesByName = new Map<string, Array<{ low: number; high: number }>>();

function bandPrefixes(name: string): Array<{ low: number; high: number }> {
  let prefixes = prefixesByName.get(name);
  if (!prefixes) prefixesByName.set(name, (prefixes = []));
  return prefixes;
}

/** hash32's loop over `text`, from state `h`, unfinished. */
function feedText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
