import type { TagField, TagResult } from '../domain.js';
import { catalogue } from './catalogue.js';
import { tagCompanies } from './company-tags.js';
import { findTerms, matchTerms, matchTermsAfter, type Hit } from './find-terms.js';
import { buildLexicon, type Lexicon } from './lexicon.js';
import { isRelevant } from './relevance.js';
import { tagTopics } from './topic-tags.js';

export interface TagInput {
  title: string;
  summary?: string | null;
  body?: string | null;
}

// Built when the module loads (about 0.15 s), not on the first item: the first item arrives
// while a fetch run has requests in flight, and a long pause there would eat their timeouts.
const defaultLexicon = buildLexicon(catalogue);

/** The lexicon of the real catalogue. */
export function catalogueLexicon(): Lexicon {
  return defaultLexicon;
}

/** Tags a text with companies, topics and relevance; every tag carries its evidence. */
export function tagText(input: TagInput, lexicon: Lexicon = catalogueLexicon()): TagResult {
  const fields: Array<[TagField, string]> = [
    ['title', input.title ?? ''],
    ['summary', input.summary ?? ''],
    ['body', input.body ?? ''],
  ];
  const texts = { title: input.title ?? '', summary: input.summary ?? '', body: input.body ?? '' };
  const hits = [...findTerms(lexicon, 'title', texts.title), ...termsOfSummaryAndBody(lexicon, texts.summary, texts.body)];
  const { tags: companies, productSeen } = tagCompanies(hits, texts);
  const topics = tagTopics(hits, fields);
  const relevant = isRelevant({ hits, companies, topics, productSeen, chineseText: isMostlyHan(fields), texts });
  return { companies, topics, relevant };
}

/** The summary's terms and the body's; a body that repeats the summary first is scanned only past it. */
function termsOfSummaryAndBody(lexicon: Lexicon, summary: string, body: string): Hit[] {
  const summaryMatches = matchTerms(lexicon, summary);
  const bodyMatches = summary && body.startsWith(summary)
    ? matchTermsAfter(lexicon, body, summary.length, summaryMatches)
    : matchTerms(lexicon, body);
  return [...findTerms(lexicon, 'summary', summary, summaryMatches), ...findTerms(lexicon, 'body', body, bodyMatches)];
}

/** More Han characters than Latin letters in the first 400 characters of each field, links aside. */
function isMostlyHan(fields: Array<[TagField, string]>): boolean {
  // A local copy: module-level constants read in a hot loop cost a check per read when not bundled.
  const weights = scriptWeight;
  let balance = 0;
  for (const [, text] of fields) {
    for (let i = 0, counted = 0; i < text.length && counted < 400; i++) {
      const code = text.charCodeAt(i);
      const weight = weights[code]!;
      // Links ("原文：https://...") are Latin letters in any language: skipped up to the next space.
      if (weight === 2 && text.startsWith('http', i) && isLinkStart(text, i + 4)) {
        while (i + 1 < text.length && !isSpaceCode(text.charCodeAt(i + 1))) i++;
        continue;
      }
      counted++;
      balance += weight === 2 ? -1 : weight;
    }
  }
  return balance > 0;
}

/** Per UTF-16 code: +1 for a Han character, -1 for a Latin letter, 0 otherwise; 2 for "h", a letter that may start a link. */
const scriptWeight = (() => {
  const weights = new Int8Array(0x10000);
  weights.fill(1, 0x3400, 0xa000);
  for (let c = 65; c <= 90; c++) weights[c] = weights[c + 32] = -1;
  weights[104] = 2;
  return weights;
})();

/** "://" or "s://" at `at`, then a non-space: the rest of an "http" that starts a link. */
function isLinkStart(text: string, at: number): boolean {
  const rest = text.startsWith('://', at) ? at + 3 : text.startsWith('s://', at) ? at + 4 : -1;
  return rest > 0 && rest < text.length && !isSpaceCode(text.charCodeAt(rest));
}

/** What ends a link for isMostlyHan: white space as a regular expression's \\s sees it. */
function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x1680 || code === 0x202f || code === 0x205f;
}
