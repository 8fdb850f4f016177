import type { CompanyTag, TagField } from '../domain.js';
import type { Hit } from './find-terms.js';

type AliasHit = Hit & { meaning: Extract<Hit['meaning'], { kind: 'alias' }> };

/** The item's text by field, for the checks that look at the characters around an alias. */
export type FieldTexts = Record<TagField, string>;

/** How far (in UTF-16 units) an AI word may sit from an ambiguous alias and still vouch for it. */
const contextWindow = 60;
/**
 * How many characters may stand between an ambiguous product name and a product word after it
 * (豆包支持手机, 豆包操作电脑); before it, the word must touch the name (电脑版豆包).
 */
const productGap = 2;
/** The lead of a summary or body: a title alias is vouched for by an AI word here, and vice versa. */
const leadLength = 160;

export const fieldWeight: Record<TagField, number> = { title: 1, summary: 0.6, body: 0.3 };

/**
 * The context an ambiguous alias needs: an AI/tech word nearby, or in the item's headline area; for
 * a product name, a software or device word (App, 电脑端) right beside it will do too.
 */
function hasContext(hit: AliasHit, contextHits: Hit[]): boolean {
  return contextHits.some((near) => {
    if (near.meaning.kind === 'productContext') return isProductWordBeside(hit, near);
    if (near.field === hit.field) return near.end >= hit.start - contextWindow && near.start <= hit.end + contextWindow;
    if (hit.field === 'title') return near.start < leadLength;
    return near.field === 'title';
  });
}

/** 豆包电脑端, 豆包支持手机, 电脑版豆包: a software or device word right beside an ambiguous product name. */
function isProductWordBeside(hit: AliasHit, near: Hit): boolean {
  if (!hit.meaning.product || near.field !== hit.field) return false;
  if (near.start >= hit.end) return near.start - hit.end <= productGap;
  return near.end === hit.start;
}

/**
 * "豆包：上线技能…": a Chinese headline that opens with the alias and a full-width colon quotes it
 * as the speaker, an organisation. (Not an ASCII colon: "Moonshot: the story of…" titles a work.)
 */
function isHeadlineSpeaker(hit: AliasHit, texts: FieldTexts): boolean {
  return hit.field === 'title' && hit.start === 0 && texts.title.charAt(hit.end) === '：';
}

const versionAfter = /^[- ]?(?:[vV]?\d+(?:\.\d+)*[A-Za-z]?|[A-Z]\d+(?:\.\d+)*)(?![A-Za-z0-9])/;

/** "GLM-5", "ERNIE 4.5", "Kimi K2": a product name with a version number is the product. */
function isVersionedProduct(hit: AliasHit, texts: FieldTexts): boolean {
  return hit.meaning.product && versionAfter.test(texts[hit.field].slice(hit.end, hit.end + 12));
}

const quoteMarks = new Set(['「', '」', '“', '”', '"', '『', '』', '‘', '’', "'"]);

/** Where place names (foreign countries and firms) start and end, per field, for O(1) adjacency checks. */
interface PlaceSpans {
  starts: Set<number>;
  ends: Map<number, Hit>;
}

const fieldIndex: Record<TagField, number> = { title: 0, summary: 1, body: 2 };
/** One number for (field, offset): texts are far shorter than 2^28 code units. */
const spanKey = (field: TagField, at: number) => fieldIndex[field] * 0x10000000 + at;

function placeSpansOf(hits: Hit[]): PlaceSpans {
  const spans: PlaceSpans = { starts: new Set(), ends: new Map() };
  for (const hit of hits) {
    if (hit.meaning.kind !== 'foreign') continue;
    spans.starts.add(spanKey(hit.field, hit.start));
    spans.ends.set(spanKey(hit.field, hit.end), hit);
  }
  return spans;
}

/**
 * A metaphor for a foreign firm, not the company: 「美国支付宝」, “America's Alipay”, "the Alipay of
 * India". A place name right before the alias (with 版 or 's between at most) counts only inside
 * quotes, since 美国TikTok is ByteDance's own US business; "the <alias> of <place>" always counts.
 */
function isForeignMetaphor(hit: AliasHit, places: PlaceSpans, texts: FieldTexts): boolean {
  const text = texts[hit.field];
  for (const gap of ['', '版', "'s ", '’s ']) {
    const place = places.ends.get(spanKey(hit.field, hit.start - gap.length));
    if (!place || text.slice(place.end, hit.start) !== gap) continue;
    if (quoteMarks.has(text.charAt(place.start - 1)) && quoteMarks.has(text.charAt(hit.end))) return true;
  }
  if (!/\bthe $/i.test(text.slice(Math.max(0, hit.start - 4), hit.start))) return false;
  return [' of ', ' of the '].some((gap) => text.startsWith(gap, hit.end) && places.starts.has(spanKey(hit.field, hit.end + gap.length)));
}

/**
 * Company tags with evidence. A sure alias counts on its own; an ambiguous one needs another sure
 * alias of the same company, or an AI word nearby, a version number after a product name, or to open a
 * Chinese headline as its speaker (none of these when a word of its other field is in the item); a needs-company one (common personal names, "Seed") only
 * counts beside another alias of the same company. Score = salience: the best field, plus a little
 * for each further mention, so an item about a company outranks a passing mention.
 */
export function tagCompanies(hits: Hit[], texts: FieldTexts): { tags: CompanyTag[]; productSeen: boolean } {
  const contextHits: Hit[] = [];
  const otherSense = new Set<string>();
  for (const hit of hits) {
    if (hit.meaning.kind === 'ai' || hit.meaning.kind === 'productContext') contextHits.push(hit);
    else if (hit.meaning.kind === 'otherSense') otherSense.add(hit.meaning.company);
  }
  let places: PlaceSpans | undefined; // built on the first alias: most items name no company
  const byCompany = new Map<string, AliasHit[]>();
  for (const hit of hits) {
    if (hit.meaning.kind !== 'alias') continue;
    places ??= placeSpansOf(hits);
    if (places.ends.size > 0 && isForeignMetaphor(hit as AliasHit, places, texts)) continue;
    const list = byCompany.get(hit.meaning.company) ?? [];
    list.push(hit as AliasHit);
    byCompany.set(hit.meaning.company, list);
  }
  const tags: CompanyTag[] = [];
  let productSeen = false;
  for (const [company, companyHits] of byCompany) {
    const sure = companyHits.filter((hit) => hit.meaning.strength === 'sure');
    const contextCounts = !otherSense.has(company);
    const vouched = companyHits.filter(
      (hit) =>
        hit.meaning.strength === 'ambiguous' &&
        (sure.length > 0 || (contextCounts && (hasContext(hit, contextHits) || isHeadlineSpeaker(hit, texts) || isVersionedProduct(hit, texts)))),
    );
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
