/**
 * Splits a researcher's `q` into the part PostgreSQL's english parser understands and the CJK part
 * it does not (no Chinese parser ships with PostgreSQL). Pure: no SQL runs here.
 */

/** CJK Unified Ideographs (+ extension A and compatibility): the characters cjk_bigrams() indexes. */
export const cjkRun = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

export interface SearchText {
  /** What websearch_to_tsquery('english', ...) gets: quotes, OR and -word keep their meaning. */
  english: string;
  /** A to_tsquery('simple', ...) over character bigrams, or '' when q has no CJK. */
  cjkQuery: string;
  /** The CJK runs asked for (not negated), for highlighting. */
  cjkTerms: string[];
}

/** Characters of the body that go into the CJK half of items.search (migration 0018's left(body_text, 4000)). */
export const cjkBodyChars = 4000;

/**
 * The two texts items.search is made of: to_tsvector('english', english) || to_tsvector('simple', bigrams).
 * `english` is null when the text holds no CJK: it is then title, summary and body as stored, which
 * the server joins itself rather than receive every item's text twice.
 */
export interface SearchDocument {
  english: string | null;
  bigrams: string;
}

/**
 * What items_search_of() (migration 0018) feeds to to_tsvector, prepared here so the server runs
 * no regular expressions for a new item: title, summary and body with CJK runs blanked (without_cjk),
 * and the CJK bigrams of title, summary and the body's first 4,000 characters (cjk_bigrams).
 */
export function searchDocumentOf(title: string, summary: string | null, bodyText: string | null): SearchDocument {
  const body = bodyText ?? '';
  const all = `${title} ${summary ?? ''} ${body}`;
  const english = withoutCjk(all);
  if (english === all) return { english: null, bigrams: '' };
  return { english, bigrams: cjkBigrams(`${title} ${summary ?? ''} ${firstCharacters(body, cjkBodyChars)}`) };
}

/** without_cjk(): every CJK run becomes one space. */
export function withoutCjk(text: string): string {
  return text.replace(cjkRun, ' ');
}

/** cjk_bigrams(): each CJK run's overlapping bigrams and its last character, space-separated, runs in order. */
export function cjkBigrams(text: string): string {
  const bigrams: string[] = [];
  // The runs hold only BMP characters, so a UTF-16 unit is one character, as substr() counts.
  for (const [run] of text.matchAll(cjkRun)) for (let i = 0; i < run.length; i++) bigrams.push(run.slice(i, i + 2));
  return bigrams.join(' ');
}

/** The first `count` characters as PostgreSQL's left() counts them: code points, not UTF-16 units. */
export function firstCharacters(text: string, count: number): string {
  if (text.length <= count) return text;
  let units = 0;
  for (let seen = 0; seen < count && units < text.length; seen++) units += text.codePointAt(units)! > 0xffff ? 2 : 1;
  return text.slice(0, units);
}

/** 文心一言 -> '文心' <-> '心一' <-> '一言'; one character -> a prefix match ('云':*). */
export function bigramPhrase(run: string): string {
  const chars = [...run];
  if (chars.length === 1) return `'${chars[0]}':*`;
  const bigrams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) bigrams.push(`'${chars[i]}${chars[i + 1]}'`);
  return bigrams.join(' <-> ');
}

/** Separates CJK runs (each becomes a bigram phrase; a leading "-" negates it) from the rest. */
export function splitSearchText(q: string): SearchText {
  const parts: string[] = [];
  const cjkTerms: string[] = [];
  const english = q.replace(/(^|[\s"(])?(-)?([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)/g, (_match, before: string | undefined, minus: string | undefined, run: string) => {
    const negated = minus !== undefined && before !== undefined;
    parts.push(negated ? `!(${bigramPhrase(run)})` : `(${bigramPhrase(run)})`);
    if (!negated) cjkTerms.push(run);
    return `${before ?? ''}${minus && !negated ? minus : ''} `;
  });
  return { english: /[\p{L}\p{N}]/u.test(english) ? english.trim() : '', cjkQuery: parts.join(' & '), cjkTerms };
}

/** Marks ts_headline wraps English matches in; unlikely in news text and not HTML. */
export const markOpen = '\u27e6';
export const markClose = '\u27e7';

/** Stand-ins for < and > while text passes through ts_headline (see snippetsFor). */
export const angleStandIns = '\ufe64\ufe65';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Turns a ts_headline result into safe HTML: text escaped, English matches and CJK terms in <mark>.
 * CJK is highlighted here because the english parser sees a whole CJK run as one word.
 */
export function snippetHtml(headline: string, cjkTerms: string[]): string {
  let text = headline.replaceAll(angleStandIns[0]!, '<').replaceAll(angleStandIns[1]!, '>');
  const terms = [...new Set(cjkTerms)].sort((a, b) => b.length - a.length);
  if (terms.length) {
    const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    text = text.replace(pattern, (m) => `${markOpen}${m}${markClose}`);
  }
  const escaped = text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch]!);
  return escaped.replaceAll(markOpen, '<mark>').replaceAll(markClose, '</mark>').replace(/<\/mark><mark>/g, '');
}

/** Cuts a CJK-only snippet around the first match, since ts_headline cannot find CJK terms. */
export function windowAround(text: string, terms: string[], width = 80): string {
  const at = Math.min(...terms.map((t) => text.indexOf(t)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  if (at === Number.MAX_SAFE_INTEGER || text.length <= width * 2) return text.slice(0, width * 2);
  const start = Math.max(0, at - width / 2);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + width * 2)}${start + width * 2 < text.length ? '…' : ''}`;
}
