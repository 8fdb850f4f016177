/** Small text helpers shared by every stage (pure, no dependencies). */

/**
 * A run of whitespace that is not already one plain space (\s takes in U+00A0 and U+3000): the
 * runs that collapsing changes. Matching every single space between two words too (and writing a
 * space for it) took over half the time of cleaning every title and summary.
 */
const whitespaceToCollapse = /\s{2,}|[^\S ]/g;

/** Collapses all whitespace to single spaces (titles). */
export function cleanLine(text: string): string {
  return text.replace(whitespaceToCollapse, ' ').trim();
}

/** Collapses spaces within lines and keeps at most one blank line between paragraphs. */
export function cleanBlock(text: string): string {
  return text
    .split(/\n/)
    .map((line) => line.replace(whitespaceToCollapse, ' ').trim())
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
}

/** 'zh' when CJK ideographs make up a real share of the letters, else the fallback. */
export function detectLanguage(text: string, fallback = 'en'): string {
  const sample = text.slice(0, 2000);
  // Counted in one pass over the UTF-16 units (every item goes through here; matching into arrays cost more).
  let cjk = 0;
  let latin = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
    else if ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) cjk++;
  }
  if (cjk === 0 && latin === 0) return fallback;
  // One ideograph carries about as much as a short English word, hence the weighting.
  return cjk * 3 >= latin ? 'zh' : 'en';
}
