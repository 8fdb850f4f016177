import { createHash } from 'node:crypto';

/** A hash of the words, for items without a stable GUID or URL: same text, same hash. */
export function contentHash(title: string, text: string): string {
  return createHash('sha256').update(wordsOf(`${title}\n${text}`.toLowerCase())).digest('hex').slice(0, 32);
}

const separator = /[\s\p{P}\p{S}]/u;
const nonAscii = /[^\x00-\x7f]/;
const asciiSeparators = /[\s!-/:-@[-`{-~]+/g;

/**
 * The words of a text, one space between them: what `text.replace(/[\s\p{P}\p{S}]+/gu, ' ').trim()`
 * gives (the stored hashes were made that way, so it must stay exact), at a table lookup per
 * character instead of a Unicode-property regex step: that regex was a tenth of parsing a feed.
 */
export function wordsOf(text: string): string {
  // ASCII punctuation and symbols are exactly !-/ :-@ [-` {-~; a plain regex over ASCII is fast.
  if (!nonAscii.test(text)) return text.replace(asciiSeparators, ' ').trim();
  const words: string[] = [];
  let wordStart = -1;
  let index = 0;
  while (index < text.length) {
    const unit = text.charCodeAt(index);
    const width = unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
    const isSeparatorHere = width === 2 ? separator.test(text.slice(index, index + 2)) : isSeparatorUnit(unit);
    if (isSeparatorHere) {
      if (wordStart >= 0) words.push(text.slice(wordStart, index));
      wordStart = -1;
    } else if (wordStart < 0) wordStart = index;
    index += width;
  }
  if (wordStart >= 0) words.push(text.slice(wordStart));
  return words.join(' ');
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Per BMP code unit: 0 not yet known, 1 a separator, 2 part of a word (a lone surrogate is a word character, as for the regex). */
const bmpSeparators = new Uint8Array(0x10000);

function isSeparatorUnit(unit: number): boolean {
  let known = bmpSeparators[unit]!;
  if (known === 0) {
    known = separator.test(String.fromCharCode(unit)) ? 1 : 2;
    bmpSeparators[unit] = known;
  }
  return known === 1;
}
