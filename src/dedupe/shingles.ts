/** Text → shingles that work for Chinese and English alike (pure). */

/** Words that say nothing about which event a text reports. */
const stopWords = new Set(
  ('a an and are as at be by for from has have in is it its of on or that the this to was were will with ' +
    'new says said after over into about more than up out not but we you your our how why what who ' +
    // In an AI-news stream "AI" names no event; the rest are aggregators' headline frames.
    'ai show ask launch hn ainews').split(' '),
);

/** NFKC, lower case, every dash spelled '-': "GPT‑5.6" and "gpt-5.6" are one token. */
export function normalizeForShingles(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u2010-\u2015\u2212]/g, '-');
}

/**
 * Shingles of a text: character bigrams inside CJK runs (Chinese has no spaces, and bigrams are
 * the usual unit for Chinese near-duplicate detection), whole words elsewhere, stop words dropped.
 * A token is a run of CJK ideographs, or a letter or digit followed by letters, digits, '.', '+'
 * and '-' up to the next CJK ideograph ("AI年化" is "ai" + "年化"); trailing '.', '+' and '-' are
 * dropped. Read by a class per character, not a Unicode-property regex: every new item's title
 * and lede come through here twice per fingerprint.
 */
export function shinglesOf(text: string): Set<string> {
  const result = new Set<string>();
  const normalized = normalizeForShingles(text);
  const length = normalized.length;
  let index = 0;
  while (index < length) {
    const kind = kindAt(normalized, index);
    if (kind === cjk) {
      const start = index;
      while (index < length && kindAt(normalized, index) === cjk) index++;
      addCjkRun(result, normalized, start, index);
    } else if (kind === word) {
      const start = index;
      index += widthAt(normalized, index);
      for (let next = kindAt(normalized, index); index < length && (next === word || next === joiner); next = kindAt(normalized, index)) {
        index += widthAt(normalized, index);
      }
      addWord(result, normalized, start, index);
    } else index += widthAt(normalized, index);
  }
  return result;
}

/** A CJK run's overlapping bigrams (a one-character run is its own shingle); runs are BMP only. */
function addCjkRun(result: Set<string>, text: string, start: number, end: number): void {
  if (end - start === 1) result.add(text[start]!);
  for (let i = start; i + 1 < end; i++) result.add(text.slice(i, i + 2));
}

/** A word without its trailing '.', '+' and '-', when two units or longer and not a stop word. */
function addWord(result: Set<string>, text: string, start: number, end: number): void {
  let last = end;
  while (last > start && joinerUnit(text.charCodeAt(last - 1))) last--;
  if (last - start < 2) return;
  const token = text.slice(start, last);
  if (!stopWords.has(token)) result.add(token);
}

const cjk = 1;
const word = 2;
const joiner = 3;
const other = 4;

const joinerUnit = (unit: number) => unit === 0x2e || unit === 0x2b || unit === 0x2d;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const cjkUnit = (unit: number) => (unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff);
const letterOrDigit = /^[\p{L}\p{N}]$/u;

/** Per BMP code unit, its kind once known (0: not yet looked up). */
const unitKinds = new Uint8Array(0x10000);

/** The kind of the character at `index` (a surrogate pair is one character, of its code point's kind). */
function kindAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(index + 1))) {
    return letterOrDigit.test(text.slice(index, index + 2)) ? word : other;
  }
  let kind = unitKinds[unit]!;
  if (kind === 0) {
    kind = cjkUnit(unit) ? cjk : joinerUnit(unit) ? joiner : letterOrDigit.test(String.fromCharCode(unit)) ? word : other;
    unitKinds[unit] = kind;
  }
  return kind;
}

/** UTF-16 units of the character at `index`. */
const widthAt = (text: string, index: number) => (isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1);
