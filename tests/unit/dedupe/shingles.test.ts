import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeForShingles, shinglesOf } from '../../../src/dedupe/shingles.js';
import { decodeBody } from '../../../src/fetch/charset.js';
import { corpusDir, hasCorpus } from '../../helpers/fixtures.js';

/** shinglesOf as it was first written, with a Unicode-property regex: the oracle (stored fingerprints were made with it). */
function shinglesByRegex(text: string): Set<string> {
  const cjkRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/u;
  const tokenPattern = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}.+\-])*/gu;
  const stopWords = new Set(
    'a an and are as at be by for from has have in is it its of on or that the this to was were will with new says said after over into about more than up out not but we you your our how why what who ai show ask launch hn ainews'.split(' '),
  );
  const result = new Set<string>();
  for (const match of normalizeForShingles(text).matchAll(tokenPattern)) {
    const token = match[0].replace(/[.\-+]+$/, '');
    if (cjkRun.test(token)) {
      if (token.length === 1) result.add(token);
      for (let i = 0; i + 1 < token.length; i++) result.add(token.slice(i, i + 2));
    } else if (token.length >= 2 && !stopWords.has(token)) {
      result.add(token);
    }
  }
  return result;
}

const sameAsRegex = (text: string) => expect([...shinglesOf(text)], JSON.stringify(text)).toEqual([...shinglesByRegex(text)]);

describe('shinglesOf, read by character class', () => {
  it('gives the regex version\'s shingles, in its order, on edge cases', () => {
    for (const text of [
      '',
      'a',
      '云',
      'AI年化收入突破495亿元',
      'GPT-5.6+ and C++ v2.0. -- ..x. Qwen-VL-',
      '+-.abc',
      'Ｑｗｅｎ３ 全角',
      '𝐀𝐁𝐂 math letters, 𠀀𠀁 extension B, 😀 emoji',
      'lone \ud83d surrogate \ude00 here',
      'e\u0301 combining, ﬁ ligature, ²³ superscripts',
      '١٢٣ عربي and עברית, ΣΑΣ, İstanbul',
      '豆包·Seed-1.6；文心4.5 Turbo',
    ]) {
      sameAsRegex(text);
    }
  });

  it('gives the regex version\'s shingles on random mixes of scripts, digits, joiners and surrogates', () => {
    const pieces = ['a', 'Z', 'qwen', '3', '5.6', '.', '+', '-', ' ', '\n', '阿', '里', '云', '㐀', '鿿', '豈', '𠀀', '𝐀', '😀', '\ud83d', '\ude00', 'é', 'e\u0301', 'ß', 'Σ', '٣', '½', '‑', '—', '，', '：', 'the', 'ai', 'hn'];
    let state = 2026;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    for (let trial = 0; trial < 20_000; trial++) sameAsRegex(Array.from({ length: next() % 14 }, () => pieces[next() % pieces.length]).join(''));
  });

  it.skipIf(!hasCorpus)('gives the regex version\'s shingles on every corpus feed, in 400-character pieces', () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    let pieces = 0;
    for (const path of walk(join(corpusDir, 'feeds'))) {
      const text = decodeBody(readFileSync(path));
      for (let start = 0; start < text.length; start += 400) {
        sameAsRegex(text.slice(start, start + 400));
        pieces++;
      }
    }
    expect(pieces).toBeGreaterThan(1_000);
  });
});
