import { buildAutomaton, type Automaton } from './automaton.js';
import type { CompanyEntry } from './catalogue-types.js';
import { caseVariants, scriptVariants } from './script-variants.js';
import { aiWords, chinaWords, foreignAiWords, marketWrapWords, notIndustryWords, notNewsWords, productContextWords, topicWords } from './vocabulary.js';

/** How much an alias proves on its own. */
export type Strength = 'sure' | 'ambiguous' | 'needsCompany';

export type Meaning =
  | { kind: 'alias'; company: string; alias: string; strength: Strength; product: boolean }
  | { kind: 'exclude'; alias: string }
  | { kind: 'otherSense'; company: string; word: string }
  | { kind: 'ai' | 'china' | 'foreign' | 'market' | 'notNews' | 'notIndustry' | 'productContext'; word: string }
  | { kind: 'topic'; topic: string; word: string };

/** Every term of the catalogue and vocabulary in one automaton; term i means meanings[i]. */
export interface Lexicon {
  automaton: Automaton;
  terms: string[];
  meanings: Meaning[][];
  /** Per term: must the character before it not be a Latin letter or digit? */
  boundedLeft: Uint8Array;
  /**
   * Per term, the character after it: 0 anything, 1 no Latin letter or digit, 2 no Latin letter (a
   * product name takes a glued version number: "Qwen3.8", "GLM4").
   */
  boundedRight: Uint8Array;
  /** Per term: is it a company alias or an exclusion (the terms that can swallow shorter ones)? */
  isName: Uint8Array;
  companyCount: number;
  /** The longest term, in UTF-16 units. */
  maxTermLength: number;
}

const asciiWord = /[A-Za-z0-9]/;
const asciiLetter = /[A-Za-z]/;

/** See Lexicon.boundedRight: a term that only names products, ending in a letter, may have digits glued after it. */
function rightBound(term: string, meanings: Meaning[]): number {
  const last = term[term.length - 1]!;
  if (!asciiWord.test(last)) return 0;
  const productOnly = meanings.every((m) => m.kind === 'alias' && m.product);
  return productOnly && asciiLetter.test(last) ? 2 : 1;
}

/** Builds the lexicon for a catalogue (the real one, or a synthetic larger one in the bench). */
export function buildLexicon(entries: readonly CompanyEntry[]): Lexicon {
  const byTerm = new Map<string, Meaning[]>();
  const add = (term: string, meaning: Meaning, caseInsensitive = false) => {
    for (const script of scriptVariants(term)) {
      for (const form of caseVariants(script, { caseInsensitive })) {
        const list = byTerm.get(form) ?? [];
        list.push(meaning);
        byTerm.set(form, list);
      }
    }
  };
  for (const entry of entries) {
    const company = entry.slug;
    const sure = [...entry.aliases, ...(entry.formerNames ?? []), ...(entry.people ?? [])];
    for (const alias of sure) add(alias, { kind: 'alias', company, alias, strength: 'sure', product: false });
    for (const alias of entry.products ?? []) add(alias, { kind: 'alias', company, alias, strength: 'sure', product: true });
    for (const alias of entry.ambiguousProducts ?? []) add(alias, { kind: 'alias', company, alias, strength: 'ambiguous', product: true });
    for (const alias of entry.ambiguous ?? []) add(alias, { kind: 'alias', company, alias, strength: 'ambiguous', product: false });
    for (const alias of entry.needsCompany ?? []) add(alias, { kind: 'alias', company, alias, strength: 'needsCompany', product: false });
    for (const alias of entry.exclusions ?? []) add(alias, { kind: 'exclude', alias });
    for (const word of entry.otherSenses ?? []) add(word, { kind: 'otherSense', company, word }, true);
  }
  // Vocabulary: lower-case English words also match Capitalised and UPPER; acronyms only as written.
  for (const word of aiWords) add(word, { kind: 'ai', word }, true);
  for (const word of chinaWords) add(word, { kind: 'china', word });
  for (const word of foreignAiWords) add(word, { kind: 'foreign', word });
  for (const word of marketWrapWords) add(word, { kind: 'market', word });
  for (const word of notNewsWords) add(word, { kind: 'notNews', word });
  for (const word of notIndustryWords) add(word, { kind: 'notIndustry', word });
  for (const word of productContextWords) add(word, { kind: 'productContext', word });
  for (const [topic, words] of Object.entries(topicWords)) for (const word of words) add(word, { kind: 'topic', topic, word }, true);

  const terms = [...byTerm.keys()];
  return {
    automaton: buildAutomaton(terms),
    terms,
    meanings: terms.map((term) => byTerm.get(term)!),
    boundedLeft: Uint8Array.from(terms, (term) => (asciiWord.test(term[0]!) ? 1 : 0)),
    boundedRight: Uint8Array.from(terms, (term) => rightBound(term, byTerm.get(term)!)),
    isName: Uint8Array.from(terms, (term) => (byTerm.get(term)!.some((m) => m.kind === 'alias' || m.kind === 'exclude') ? 1 : 0)),
    companyCount: entries.length,
    maxTermLength: terms.reduce((max, term) => Math.max(max, term.length), 0),
  };
}
