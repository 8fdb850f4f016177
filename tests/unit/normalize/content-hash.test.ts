import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/fetch/charset.js';
import { contentHash, wordsOf } from '../../../src/normalize/content-hash.js';
import { corpusDir, hasCorpus } from '../../helpers/fixtures.js';

/** The definition the stored hashes were made with: wordsOf must give exactly this. */
const byRegex = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();

/** A small deterministic generator, so a failure names a text that can be rerun. */
function randomTexts(count: number, seed: number): string[] {
  const pieces = ['a', 'Z', '9', ' ', '\n', '\t', '\u00a0', '\u3000', '\ufeff', '，', '。', '“', '”', '—', '…', '$', '%', '+', '^', '`', '|', '~',
    '百', '度', 'é', 'ß', 'İ', '\u0301', '😀', '𠀀', '\ud800', '\udc00', '\u2028', '€', '©', '·', '-', '_', '«', '»', '\u200b'];
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
}

describe('wordsOf', () => {
  it('gives what the regex gives on edge cases: runs, ends, astral symbols and ideographs, lone surrogates', () => {
    const cases = ['', ' ', '  a  ', 'a,b', '，百度。', 'x😀y', '😀', '𠀀𠀁 z', 'a\ud800b', '\udc00 \ud83d', 'end\ud83d', 'ß İ é\u0301', 'a\u200bb', '\ufeffa\u2028b'];
    for (const text of cases) expect(wordsOf(text), JSON.stringify(text)).toBe(byRegex(text));
  });

  it('gives what the regex gives on ASCII alone (its own faster path): every character, and runs of them', () => {
    const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
    expect(wordsOf(ascii.join(''))).toBe(byRegex(ascii.join('')));
    for (const char of ascii) expect(wordsOf(`a${char}b${char}${char}`), JSON.stringify(char)).toBe(byRegex(`a${char}b${char}${char}`));
  });

  it('gives what the regex gives on 5,000 random mixes', () => {
    for (const text of randomTexts(5000, 7)) expect(wordsOf(text), JSON.stringify(text)).toBe(byRegex(text));
  });

  it.skipIf(!hasCorpus)('gives what the regex gives on every corpus feed, lowercased as the hash reads it', () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    for (const file of walk(join(corpusDir, 'feeds'))) {
      const text = decodeBody(readFileSync(file)).toLowerCase();
      expect(wordsOf(text) === byRegex(text), file).toBe(true);
    }
  });
});

describe('contentHash', () => {
  it('keeps the hashes already stored: pinned from the regex implementation', () => {
    expect(contentHash('百度发布文心一言 4.5！', 'Baidu’s ERNIE — “cheaper”, 50% off… 😀 ok')).toBe('4d7151621d1cd753b86dc84696abad4e');
  });

  it('ignores case, spacing and punctuation, and tells different words apart', () => {
    expect(contentHash('Qwen 3 ships', 'Alibaba, today.')).toBe(contentHash('qwen   3 ships!', 'alibaba today'));
    expect(contentHash('Qwen 3 ships', 'Alibaba today')).not.toBe(contentHash('Qwen 4 ships', 'Alibaba today'));
  });
});
