import { traditionalForms } from './traditional-forms.js';

/**
 * Traditional-Chinese spellings of a Simplified term, so one automaton finds 騰訊 and 腾讯 alike.
 * The catalogue's terms are converted ahead of time (OpenCC's phrase tables, see
 * tests/helpers/traditional-forms.ts) instead of converting every text: texts stay untouched, the
 * scan stays one pass, and Taiwan and Hong Kong forms (發佈 / 發布, 人工智慧) are covered.
 */
export function scriptVariants(term: string): string[] {
  const forms = traditionalForms[term];
  return forms ? [...new Set([term, ...forms])] : [term];
}

/** The Taiwan Traditional form of a Simplified term (for display: 腾讯 → 騰訊). */
export function traditionalOf(term: string): string {
  return traditionalForms[term]?.[0] ?? term;
}

const hasHan = /[\u3400-\u9fff]/;

/** English words in the case forms a headline or a sentence start may give them. */
export function caseVariants(term: string, options: { caseInsensitive: boolean }): string[] {
  if (hasHan.test(term) && !/[a-z]/.test(term)) return [term];
  const forms = new Set([term]);
  // ALL-CAPS headlines ("ALIBABA UNVEILS ..."): only for names long enough not to become an acronym.
  if (/[a-z]/.test(term) && term.replace(/[^A-Za-z]/g, '').length >= 4) forms.add(term.toUpperCase());
  if (options.caseInsensitive && /^[a-z]/.test(term)) {
    forms.add(term[0]!.toUpperCase() + term.slice(1));
  }
  return [...forms];
}
