import type { CompanyTag, TagField } from '../domain.js';
import type { Hit } from './find-terms.js';

type AliasHit = Hit & { meaning: Extract<Hit['meaning'], { kind: 'alias' }> };

/** How far (in UTF-16 units) an AI word may sit from an ambiguous alias and still vouch for it. */
const contextWindow = 60;
/** The lead of a summary or body: a title alias is vouched for by an AI word here, and vice versa. */
const leadLength = 160;

export const fieldWeight: Record<TagField, number> = { title: 1, summary: 0.6, body: 0.3 };

/** The context an ambiguous alias needs: an AI/tech word nearby, or in the item's headline area. */
function hasAiContext(hit: AliasHit, aiHits: Hit[]): boolean {
  return aiHits.some((ai) => {
    if (ai.field === hit.field) return ai.end >= hit.start - contextWindow && ai.start <= hit.end + contextWindow;
    if (hit.field === 'title') return ai.start < leadLength;
    return ai.field === 'title';
  });
}

/**
 * Company tags with evidence. A sure alias counts on its own; an ambiguous one needs another sure
 * alias of the same company or an AI word nearby; a needs-company one (common personal names,
 * "Seed") only counts beside another alias of the same company. Score = salience: the best field,
 * plus a little for each further mention, so an item about a company outranks a passing mention.
 */
export function tagCompanies(hits: Hit[]): { tags: CompanyTag[]; productSeen: boolean } {
  const aiHits = hits.filter((hit) => hit.meaning.kind === 'ai');
  const byCompany = new Map<string, AliasHit[]>();
  for (const hit of hits) {
    if (hit.meaning.kind !== 'alias') continue;
    const list = byCompany.get(hit.meaning.company) ?? [];
    list.push(hit as AliasHit);
    byCompany.set(hit.meaning.company, list);
  }
  const tags: CompanyTag[] = [];
  let productSeen = false;
  for (const [company, companyHits] of byCompany) {
    const sure = companyHits.filter((hit) => hit.meaning.strength === 'sure');
    const vouched = companyHits.filter((hit) => hit.meaning.strength === 'ambiguous' && (sure.length > 0 || hasAiContext(hit, aiHits)));
    const accepted = [...sure, ...vouched];
    if (accepted.length === 0) continue;
    accepted.push(...companyHits.filter((hit) => hit.meaning.strength === 'needsCompany'));
    productSeen ||= accepted.some((hit) => hit.meaning.product);
    tags.push(evidenceOf(company, accepted));
  }
  tags.sort((a, b) => b.score - a.score || a.company.localeCompare(b.company));
  return { tags, productSeen };
}

function evidenceOf(company: string, accepted: AliasHit[]): CompanyTag {
  // Best evidence: the highest field, then the earliest mention in it; sure aliases before vouched ones.
  const best = [...accepted].sort(
    (a, b) => fieldWeight[b.field] - fieldWeight[a.field] || rank(a) - rank(b) || a.start - b.start,
  )[0]!;
  const lead = best.field !== 'title' && best.start < leadLength ? 0.1 : 0;
  const score = Math.min(1, fieldWeight[best.field] + lead + 0.05 * (accepted.length - 1));
  return { company, field: best.field, alias: best.meaning.alias, score: Number(score.toFixed(2)) };
}

const rank = (hit: AliasHit) => (hit.meaning.strength === 'sure' ? 0 : 1);
