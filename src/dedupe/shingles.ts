/** Text → shingles that work for Chinese and English alike (pure). */

const cjkRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/u;
// A CJK run, or a run of other letters and digits that stops where CJK starts ("AI年化" is "ai" + "年化").
const tokenPattern = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}.+\-])*/gu;

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
 */
export function shinglesOf(text: string): Set<string> {
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
