import { and, asc, eq, gte, inArray, isNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { itemCompanies, items, sources, stories } from '../../db/schema.js';
import type { CandidateItem, ItemText, StoryCandidate } from '../roundup/types.js';
import type { Db } from './db.js';
import { toNumber } from './rows.js';

/**
 * Stories first seen in [from, to) with at least one item relevant to the Chinese AI industry,
 * leaving out merged stories and the given ids (used in an earlier final roundup). Light rows
 * only (no text), so ranking a 20k-item week stays cheap; texts come later for the winners.
 */
export async function weekStoryCandidates(db: Db, week: { from: Date; to: Date; leaveOut: number[] }): Promise<StoryCandidate[]> {
  return loadCandidates(
    db,
    and(
      gte(stories.firstSeenAt, week.from),
      lt(stories.firstSeenAt, week.to),
      isNull(stories.mergedInto),
      week.leaveOut.length ? notInArray(stories.id, week.leaveOut) : undefined,
      sql`exists (select 1 from ${items} r where r.story_id = ${stories.id} and r.relevant)`,
    )!,
  );
}

/** The same light rows for stories picked by id (the editor's additions), whatever their week. */
export async function storyCandidatesByIds(db: Db, ids: number[]): Promise<StoryCandidate[]> {
  if (ids.length === 0) return [];
  return loadCandidates(db, inArray(stories.id, ids));
}

async function loadCandidates(db: Db, storyWhere: SQL): Promise<StoryCandidate[]> {
  // One round trip: an item with two company tags comes back twice, one without tags once.
  const rows = await db
    .select({
      storyId: stories.id,
      firstSeenAt: stories.firstSeenAt,
      representativeItemId: stories.representativeItemId,
      id: items.id,
      source: items.sourceSlug,
      sourceName: sources.name,
      sourceWeight: sources.weight,
      title: items.title,
      seenAt: items.seenAt,
      language: items.language,
      relevant: items.relevant,
      topics: items.topics,
      company: itemCompanies.company,
      companyScore: itemCompanies.score,
    })
    .from(stories)
    .innerJoin(items, eq(items.storyId, stories.id))
    .innerJoin(sources, eq(sources.slug, items.sourceSlug))
    .leftJoin(itemCompanies, eq(itemCompanies.itemId, items.id))
    .where(storyWhere)
    .orderBy(asc(stories.id), asc(items.id));
  const byStory = new Map<number, StoryCandidate>();
  let last: CandidateItem | undefined;
  for (const row of rows) {
    const id = toNumber(row.id);
    if (last?.id !== id) {
      const storyId = toNumber(row.storyId);
      let story = byStory.get(storyId);
      if (!story) {
        const representative = row.representativeItemId === null ? null : toNumber(row.representativeItemId);
        story = { storyId, firstSeenAt: row.firstSeenAt, representativeItemId: representative, items: [] };
        byStory.set(storyId, story);
      }
      const { storyId: _s, firstSeenAt: _f, representativeItemId: _r, company: _c, companyScore: _cs, ...item } = row;
      last = { ...item, id, companies: [] };
      story.items.push(last);
    }
    if (row.company !== null && row.companyScore !== null) last.companies.push({ company: row.company, score: row.companyScore });
  }
  return [...byStory.values()];
}

/** The words of every item in the given stories, for summaries and attribution. */
export async function itemTextsForStories(db: Db, storyIds: number[]): Promise<ItemText[]> {
  if (storyIds.length === 0) return [];
  const rows = await db
    .select({
      id: items.id,
      storyId: items.storyId,
      source: items.sourceSlug,
      sourceName: sources.name,
      sourceWeight: sources.weight,
      url: items.url,
      title: items.title,
      summary: items.summary,
      bodyText: items.bodyText,
      language: items.language,
      seenAt: items.seenAt,
    })
    .from(items)
    .innerJoin(sources, eq(sources.slug, items.sourceSlug))
    .where(inArray(items.storyId, storyIds));
  return rows.map((row) => ({ ...row, id: toNumber(row.id), storyId: toNumber(row.storyId) }));
}

/** Which of the given story ids exist and were not merged away. */
export async function existingStoryIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: stories.id }).from(stories).where(and(inArray(stories.id, ids), isNull(stories.mergedInto)));
  return new Set(rows.map((row) => toNumber(row.id)));
}
