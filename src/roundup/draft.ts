import type { IsoWeek } from './iso-week.js';
import { explainScore, leadItem, rankStories, scoreStory, type ScoredStory } from './rank.js';
import { summarizeWithSource } from './summarize.js';
import type { Curation, Draft, DraftAlternate, DraftEntry, ItemText, StoryCandidate } from './types.js';

export interface DraftOptions {
  limit: number;
  perCompany: number;
  perOutlet: number;
}

export const defaultDraftOptions: DraftOptions = { limit: 8, perCompany: 2, perOutlet: 3 };

/** How many left-out stories the draft lists for the editor to pin instead. */
const alternatesShown = 12;

export interface DraftPlan {
  entries: ScoredStory[];
  alternates: Array<{ scored: ScoredStory; why: string }>;
  excluded: ScoredStory[];
}

/**
 * Ranks the week's stories under the editor's changes: excluded stories leave; pinned, added,
 * ordered and rewritten ones stay whatever the caps and the limit say; the editor's order comes first.
 */
export function planDraft(candidates: StoryCandidate[], curation: Curation, week: IsoWeek, options: DraftOptions): DraftPlan {
  const excludedIds = new Set(curation.excluded);
  // A story the editor pinned, added, placed or rewrote is chosen: new arrivals must not push it out.
  const kept = new Set([...curation.pinned, ...curation.added, ...curation.order, ...Object.keys(curation.summaries).map(Number)]);
  // Added stories need no relevance tag: the editor chose them. The rest must be about the industry.
  const scored = candidates
    .filter((story) => kept.has(story.storyId) || story.items.some((item) => item.relevant))
    .map((story) => scoreStory(story, week));
  const excluded = scored.filter((s) => excludedIds.has(s.story.storyId));
  const ranked = rankStories(
    scored.filter((s) => !excludedIds.has(s.story.storyId)),
    { ...options, pinned: kept },
  );
  const position = new Map(curation.order.map((id, index) => [id, index]));
  const entries = ranked.selected
    .map((s, index) => ({ s, index }))
    .sort((a, b) => (position.get(a.s.story.storyId) ?? Infinity) - (position.get(b.s.story.storyId) ?? Infinity) || a.index - b.index)
    .map(({ s }) => s);
  return { entries, alternates: ranked.skipped.slice(0, alternatesShown), excluded };
}

/** The story ids whose item texts composeDraft needs. */
export function storiesToDescribe(plan: DraftPlan): number[] {
  return [...plan.entries, ...plan.alternates.map((a) => a.scored), ...plan.excluded].map((s) => s.story.storyId);
}

export interface DraftMeta {
  week: IsoWeek;
  now: Date;
  limit: number;
}

/** Turns a plan and the item texts into the draft: summaries, attribution, score and reasons. */
export function composeDraft(plan: DraftPlan, texts: ItemText[], curation: Curation, meta: DraftMeta): Draft {
  const byId = new Map(texts.map((text) => [text.id, text]));
  const pinned = new Set(curation.pinned);
  const added = new Set(curation.added);
  const entries = plan.entries.map((scored) => toEntry(scored, byId, { curation, pinned, added }));
  return {
    week: meta.week.week,
    zone: meta.week.zone,
    from: meta.week.start.toISOString(),
    to: meta.week.end.toISOString(),
    status: 'draft',
    generatedAt: meta.now.toISOString(),
    limit: meta.limit,
    entries,
    alternates: plan.alternates.map(({ scored, why }) => toAlternate(scored, byId, why)),
    excluded: plan.excluded.map((scored) => toAlternate(scored, byId, 'excluded by the editor')),
  };
}

/**
 * Chinese-only stories keep their Chinese lede; otherwise the lede comes from an English item,
 * unless that item has nothing but its headline (a Hacker News link) while the Chinese lead item
 * has a real lede: the editor would rather translate facts than print a bare product name.
 */
function chooseLede(lead: ItemText | undefined, texts: ItemText[]): { item: ItemText | undefined; summary: string } {
  const summaryOf = (item: ItemText) => summarizeWithSource(item.bodyText?.trim() || item.summary, item.title);
  const english = lead?.language === 'zh' ? texts.filter((t) => t.language !== 'zh').sort((a, b) => b.sourceWeight - a.sourceWeight)[0] : lead;
  const first = english ?? lead;
  if (!first) return { item: undefined, summary: '' };
  const chosen = summaryOf(first);
  if (chosen.from === 'headline' && lead && lead !== first) {
    const fromLead = summaryOf(lead);
    if (fromLead.from === 'lede') return { item: lead, summary: fromLead.text };
  }
  return { item: first, summary: chosen.text };
}

function toEntry(
  scored: ScoredStory,
  byId: Map<number, ItemText>,
  state: { curation: Curation; pinned: Set<number>; added: Set<number> },
): DraftEntry {
  const { story } = scored;
  const texts = story.items.map((item) => byId.get(item.id)).filter((t): t is ItemText => t !== undefined);
  const lead = byId.get(leadItem(story).id) ?? texts[0];
  const { item: ledeItem, summary: extracted } = chooseLede(lead, texts);
  const override = state.curation.summaries[String(story.storyId)];
  return {
    storyId: story.storyId,
    title: ledeItem?.title ?? '',
    summary: override ?? extracted,
    summarySource: override !== undefined ? 'editor' : 'lede',
    needsTranslation: override === undefined && ledeItem?.language === 'zh',
    outlets: scored.outlets.map((item) => ({
      name: item.sourceName,
      source: item.source,
      url: byId.get(item.id)?.url ?? '',
      weight: item.sourceWeight,
    })),
    companies: scored.companies.map(([company]) => company),
    topics: scored.topics,
    items: texts
      .sort((a, b) => a.seenAt.getTime() - b.seenAt.getTime() || a.id - b.id)
      .map((t) => ({ id: t.id, source: t.source, title: t.title, url: t.url, seenAt: t.seenAt.toISOString(), language: t.language })),
    firstSeenAt: story.firstSeenAt.toISOString(),
    score: scored.score,
    reasons: explainScore(scored),
    pinned: state.pinned.has(story.storyId),
    added: state.added.has(story.storyId),
  };
}

function toAlternate(scored: ScoredStory, byId: Map<number, ItemText>, why: string): DraftAlternate {
  return {
    storyId: scored.story.storyId,
    title: byId.get(leadItem(scored.story).id)?.title ?? '',
    outlets: scored.outlets.map((o) => o.sourceName),
    companies: scored.companies.map(([company]) => company),
    score: scored.score,
    why,
  };
}
