import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { catalogue, type CompanyEntry } from '../../../src/tag/catalogue.js';
import { tagText } from '../../../src/tag/matcher.js';
import { fixture } from '../../helpers/fixtures.js';
import { ambiguousCases } from './ambiguous-cases.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const slugs = (text: string) => tagText({ title: text }).companies.map((tag) => tag.company);
const hasHan = (text: string) => /[\u3400-\u9fff]/.test(text);

describe('ambiguous aliases', () => {
  it.each(ambiguousCases)('$alias → $company: $text', ({ alias, company, text }) => {
    if (company) expect(slugs(text)).toContain(company);
    else expect(slugs(text)).not.toContain(ownerOf(alias));
  });

  it.each(ambiguousCases.filter((c) => hasHan(c.text)))('in Traditional script too: $text', ({ alias, company, text }) => {
    const traditional = toTraditional(text);
    if (company) expect(slugs(traditional), traditional).toContain(company);
    else expect(slugs(traditional), traditional).not.toContain(ownerOf(alias));
  });

  it('covers every ambiguous alias of the catalogue, in both senses; Latin ones in English and Chinese sentences', () => {
    for (const alias of catalogue.flatMap(guardedAliases)) {
      const cases = ambiguousCases.filter((c) => c.alias === alias);
      // Chinese aliases: Simplified here, Traditional by the test above.
      const languages = hasHan(alias) ? [true] : [false, true];
      for (const chinese of languages) {
        const inLanguage = cases.filter((c) => hasHan(c.text) === chinese);
        const language = chinese ? 'Chinese' : 'English';
        expect(inLanguage.some((c) => c.company !== null), `${alias}: company sense in ${language}`).toBe(true);
        expect(inLanguage.some((c) => c.company === null), `${alias}: other sense in ${language}`).toBe(true);
      }
    }
  });
});

/** The aliases of an entry that need context or the company. */
function guardedAliases(entry: CompanyEntry): string[] {
  return [...(entry.ambiguousProducts ?? []), ...(entry.ambiguous ?? []), ...(entry.needsCompany ?? [])];
}

/** The slug an ambiguous alias belongs to. */
function ownerOf(alias: string): string {
  const entry = catalogue.find((e) => guardedAliases(e).includes(alias));
  if (!entry) throw new Error(`no catalogue entry has the ambiguous alias ${alias}`);
  return entry.slug;
}

interface Trap {
  id: string;
  alias: string;
  title: string;
  text: string;
  companies: string[];
  relevant: boolean;
}

const traps = fixture('tag-dev/traps.jsonl')
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Trap);

describe('the traps of the issue (tests/fixtures/tag-dev/traps.jsonl)', () => {
  it.each(traps)('$id $alias: $title', (trap) => {
    const result = tagText({ title: trap.title, body: trap.text });
    expect(result.companies.map((tag) => tag.company).sort()).toEqual([...trap.companies].sort());
    expect(result.relevant).toBe(trap.relevant);
  });
});
