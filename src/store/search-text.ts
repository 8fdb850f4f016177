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
