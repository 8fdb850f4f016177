import * as OpenCC from 'opencc-js/cn2t';

/**
 * Traditional-Chinese spellings of a Simplified term, so one automaton finds 騰訊 and 腾讯 alike.
 * We convert the (few thousand) catalogue terms once instead of converting every text: texts stay
 * untouched and the scan stays one pass. OpenCC's phrase tables give the Taiwan and Hong Kong
 * forms (發布 / 發佈, 人工智慧, 晶片) that a character table alone would miss.
 */
const converters = (['t', 'tw', 'hk', 'twp'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
const hasHan = /[\u3400-\u9fff]/;

/** The term itself, then its distinct Traditional forms. */
export function scriptVariants(term: string): string[] {
  if (!hasHan.test(term)) return [term];
  return [...new Set([term, ...converters.map((convert) => convert(term))])];
}

/** The Taiwan Traditional form of a Simplified term (for display: 腾讯 → 騰訊). */
export function traditionalOf(term: string): string {
  return converters[1]!(term);
}

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
