import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/tag/catalogue.js';
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

  it('covers every ambiguous alias of the catalogue, in both senses', () => {
    const guarded = catalogue.flatMap((entry) => [...(entry.ambiguous ?? []), ...(entry.needsCompany ?? [])]);
    for (const alias of guarded) {
      const cases = ambiguousCases.filter((c) => c.alias === alias);
      expect(cases.some((c) => c.company !== null), `${alias}: company sense`).toBe(true);
      expect(cases.some((c) => c.company === null), `${alias}: other sense`).toBe(true);
    }
  });
});

/** The slug an ambiguous alias belongs to. */
function ownerOf(alias: string): string {
  const entry = catalogue.find((e) => [...(e.ambiguous ?? []), ...(e.needsCompany ?? [])].includes(alias));
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
