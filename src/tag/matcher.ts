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
  const hits = findTerms(lexicon, 'title', texts.title).concat(termsOfSummaryAndBody(lexicon, texts.summary, texts.body));
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
  return findTerms(lexicon, 'summary', summary, summaryMatches).concat(findTerms(lexicon, 'body', body, bodyMatches));
}

/**
 * More Han characters than Latin letters in the first 400 characters of each field, links aside.
 * (A loop that skips links in place was tried: faster on uniform strings, slower on the mix of
 * string kinds that feed parsers hand over, which the bench has too.)
 */
function isMostlyHan(fields: Array<[TagField, string]>): boolean {
  let balance = 0;
  for (const [, field] of fields) {
    // Links ("原文：https://...") are Latin letters in any language.
    const text = field.includes('http') ? field.replace(/https?:\/\/\S+/g, '') : field;
    for (let i = 0, end = Math.min(text.length, 400); i < end; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x3400 && code <= 0x9fff) balance++;
      else if ((code | 0x20) >= 97 && (code | 0x20) <= 122) balance--;
    }
  }
  return balance > 0;
}
