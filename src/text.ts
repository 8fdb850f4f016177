/** Small text helpers shared by every stage (pure, no dependencies). */

/** Collapses all whitespace to single spaces (titles). */
export function cleanLine(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Collapses spaces within lines and keeps at most one blank line between paragraphs. */
export function cleanBlock(text: string): string {
  return text
    .split(/\n/)
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
}

const cjkPattern = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** 'zh' when CJK ideographs make up a real share of the letters, else the fallback. */
export function detectLanguage(text: string, fallback = 'en'): string {
  const sample = text.slice(0, 2000);
  const cjk = sample.match(cjkPattern)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  if (cjk === 0 && latin === 0) return fallback;
  // One ideograph carries about as much as a short English word, hence the weighting.
  return cjk * 3 >= latin ? 'zh' : 'en';
}
