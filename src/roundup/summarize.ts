/** Extractive summaries: the first one or two sentences of the cleaned lede, never more than ~45 words. */
import { cleanLede } from './clean-lede.js';

export const maxSummaryWords = 45;

// A period after these does not end a sentence ("U.S. President", "Alibaba Group Holding Ltd. said").
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'corp', 'co', 'ltd', 'jr', 'sr', 'st', 'vs', 'no', 'u.s', 'u.k', 'e.u', 'u.n',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'a.i', 'e.g', 'i.e',
]);

/** Splits text into sentences on Latin and CJK sentence ends, keeping the punctuation. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const ends = /[。！？]+[”’」』）)]*|[.!?]+[”’"')\]]*(?=\s+|$)/g;
  for (const match of text.matchAll(ends)) {
    const end = (match.index ?? 0) + match[0].length;
    const candidate = text.slice(start, end);
    if (match[0].startsWith('.') && endsWithAbbreviation(candidate)) continue;
    sentences.push(candidate.trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter(Boolean);
}

function endsWithAbbreviation(sentence: string): boolean {
  const lastWord = /(\S+)\.[”’"')\]]*$/.exec(sentence.trim())?.[1] ?? '';
  // A lone capital ("Mr. J. Smith") is an initial, not a sentence end.
  return abbreviations.has(lastWord.toLowerCase().replace(/^[("“]/, '')) || /^[A-Z]$/.test(lastWord);
}

/** Words for the ~45-word budget; two CJK characters carry about one English word. */
export function wordCount(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = text.replace(/[\u3400-\u9fff]/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return latin + Math.ceil(cjk / 2);
}

/** Below this many words a lede that names nothing is a teaser ("It's the data, stupid."). */
const teaserWords = 15;

/** A summary and where it came from: the item's lede, or its headline when the lede says nothing. */
export interface Summary {
  text: string;
  from: 'lede' | 'headline';
}

/**
 * One or two sentences from the cleaned lede. The headline instead when the lede is empty or a
 * teaser naming nothing: feature deks like "具身智能融资，进入理性时刻。" say less than the title.
 */
export function summarize(lede: string, title: string): string {
  return summarizeWithSource(lede, title).text;
}

export function summarizeWithSource(lede: string, title: string): Summary {
  const sentences = splitSentences(cleanLede(lede)).filter((s) => wordCount(s) >= 4);
  const headline = cleanLede(title);
  const opening = sentences.slice(0, 2).join(' ');
  if (sentences.length === 0 || isTeaser(opening) || isUnrelatedStub(opening, headline)) return { text: endWithStop(headline), from: 'headline' };
  let summary = sentences[0]!;
  const second = sentences[1];
  if (second && wordCount(summary) + wordCount(second) <= maxSummaryWords) summary = `${summary}${/[。！？]$/.test(summary) ? '' : ' '}${second}`;
  return { text: wordCount(summary) > maxSummaryWords ? truncateWords(summary, maxSummaryWords) : summary, from: 'lede' };
}

/** Short and naming nothing: no number, no capitalised name past the first word. */
function isTeaser(lede: string): boolean {
  if (wordCount(lede) >= teaserWords) return false;
  const names = lede.split(/\s+/).slice(1).some((word) => /^[“"‘(]?\p{Lu}/u.test(word)) || /\b[A-Z]{2,}\b/.test(lede);
  return !names && !/\d/.test(lede);
}

/**
 * Short and sharing no word (or CJK character pair) with the headline: an aggregator's stub such as
 * Hacker News's "HN 热议 · 5 分 / 0 条评论" under "DeepSeek-v4-flash-vision-exp", not a summary.
 */
function isUnrelatedStub(lede: string, headline: string): boolean {
  if (wordCount(lede) >= teaserWords) return false;
  const headlineTokens = contentTokens(headline);
  return ![...contentTokens(lede)].some((token) => headlineTokens.has(token));
}

function contentTokens(text: string): Set<string> {
  const tokens = new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu)?.filter((word) => !/[\u3400-\u9fff]/.test(word)) ?? []);
  for (const run of text.match(/[\u3400-\u9fff]{2,}/g) ?? []) for (let i = 0; i + 1 < run.length; i++) tokens.add(run.slice(i, i + 2));
  return tokens;
}

function truncateWords(text: string, words: number): string {
  const parts = text.split(/\s+/);
  if (parts.length > 1 && !/[\u3400-\u9fff]{8}/.test(text)) {
    return `${parts.slice(0, words).join(' ').replace(/[,;:–—-]+$/, '')}…`;
  }
  // Chinese has no spaces: cut by the same budget in characters, at a comma when one is near.
  const budget = words * 2;
  const cut = text.slice(0, budget);
  const comma = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('；'));
  return `${comma > budget * 0.6 ? cut.slice(0, comma) : cut}…`;
}

function endWithStop(text: string): string {
  const trimmed = text.trim();
  // Chinese headlines end without a stop; a Latin period after 「」 or ” would look wrong there.
  return /[.!?。！？…]$/.test(trimmed) || /[\u3400-\u9fff]/.test(trimmed) ? trimmed : `${trimmed}.`;
}
