import type { TagField } from '../domain.js';
import { foldCode } from './automaton.js';
import type { Lexicon, Meaning } from './lexicon.js';

/** One occurrence of a lexicon term in one field of an item. */
export interface Hit {
  field: TagField;
  start: number;
  end: number;
  meaning: Meaning;
}

/** Latin letters and digits (ASCII and Latin-1/Extended-A/B letters): a Latin term must not touch one. */
function isWordCode(code: number): boolean {
  const c = foldCode(code);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return c >= 0xc0 && c < 0x250 && c !== 0xd7 && c !== 0xf7;
}

/** Latin letters only (a product name may touch a digit: "Qwen3"). */
function isLetterCode(code: number): boolean {
  const c = foldCode(code);
  return isWordCode(c) && !(c >= 48 && c <= 57) && c !== 95;
}

const urlPattern = /(?:https?:\/\/|www\.)[^\s<>"'）)\]]+/g;

/** Does a link start before `end`? If not, no hit ending by then can be inside one. */
function linkStartsBefore(text: string, end: number): boolean {
  return text.lastIndexOf('http', end - 1) >= 0 || text.lastIndexOf('www.', end - 1) >= 0;
}

/** [start, end) spans of URLs: "glm" in a link is a path, not a model. */
function urlSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(urlPattern)].map((m) => [m.index, m.index + m[0].length]);
}

/** One occurrence of a term, before the boundary and link checks. */
export interface Match {
  term: number;
  start: number;
  end: number;
}

/** Every occurrence of a lexicon term in text, in one pass of the automaton (from `from`, ending after `minEnd`). */
export function matchTerms(lexicon: Lexicon, text: string, from = 0, minEnd = 0): Match[] {
  const matches: Match[] = [];
  lexicon.automaton.scan(text, (term, start, end) => {
    if (end > minEnd) matches.push({ term, start, end });
  }, from);
  return matches;
}

/**
 * The occurrences in a text that starts with a prefix whose occurrences are known (a body that
 * repeats its summary, as many feeds' do): those inside the prefix are the same, so only the rest
 * is scanned, from far enough back to catch a term across the seam. Same result, same order, as
 * matchTerms(lexicon, text).
 */
export function matchTermsAfter(lexicon: Lexicon, text: string, prefixLength: number, prefixMatches: Match[]): Match[] {
  const from = Math.max(0, prefixLength - lexicon.maxTermLength + 1);
  return prefixMatches.concat(matchTerms(lexicon, text, from, prefixLength));
}

/**
 * The lexicon terms of one field, from its matches. Latin terms must sit on word boundaries; terms
 * inside URLs are dropped; an alias inside a longer alias or exclusion ("Spark" in "Apache Spark",
 * 王兴 in 王兴兴, 小米 in 小米粥) gives way to the longer one.
 */
export function findTerms(lexicon: Lexicon, field: TagField, text: string, matches: Match[] = matchTerms(lexicon, text)): Hit[] {
  if (!text) return [];
  const raw: Match[] = [];
  let lastEnd = -1;
  for (const match of matches) {
    const { term, start, end } = match;
    if (lexicon.boundedLeft[term] && start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
    const right = lexicon.boundedRight[term];
    if (right && end < text.length && (right === 1 ? isWordCode(text.charCodeAt(end)) : isLetterCode(text.charCodeAt(end)))) continue;
    raw.push(match);
    lastEnd = end;
  }
  if (raw.length === 0) return [];
  // Links are parsed only when one starts before the last hit ends (most texts end with their link).
  const urls = linkStartsBefore(text, lastEnd) ? urlSpans(text) : [];
  const swallowed = swallowedHits(lexicon, raw);
  const hits: Hit[] = [];
  raw.forEach((hit, index) => {
    if (urls.length > 0 && urls.some(([s, e]) => hit.start >= s && hit.end <= e)) return;
    for (const meaning of lexicon.meanings[hit.term]!) {
      if (meaning.kind === 'exclude') continue;
      if (meaning.kind === 'alias' && swallowed.has(index)) continue;
      hits.push({ field, start: hit.start, end: hit.end, meaning });
    }
  });
  return hits;
}

/** Indexes of raw hits lying inside a longer alias or exclusion hit. */
function swallowedHits(lexicon: Lexicon, raw: Match[]): Set<number> {
  const swallowed = new Set<number>();
  const names: number[] = [];
  for (let i = 0; i < raw.length; i++) if (lexicon.isName[raw[i]!.term]) names.push(i);
  if (names.length < 2) return swallowed;
  names.sort((a, b) => raw[a]!.start - raw[b]!.start || raw[b]!.end - raw[a]!.end);
  // Sweep by start: a name is swallowed when an earlier-starting (or same-start, longer) name reaches past its end.
  let reach = -1;
  for (const index of names) {
    const end = raw[index]!.end;
    if (end <= reach) swallowed.add(index);
    else reach = end;
  }
  return swallowed;
}
