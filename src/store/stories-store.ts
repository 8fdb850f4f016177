import { and, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { itemBands, itemFingerprints, items, stories } from '../../db/schema.js';
import { decideStory, type Candidate } from '../dedupe/assign-story.js';
import { indexKeysOf, type Fingerprint } from '../dedupe/fingerprint.js';
import { defaultStoryRules, type StoryRules } from '../dedupe/same-story.js';
import type { Db } from './db.js';
import { toNumber } from './rows.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Tx;

const day = 86_400_000;
/** Enough candidates for any real story; a key shared by more items than this in a window is noise. */
const maxCandidates = 300;

export interface StoryAssignment {
  itemId: number;
  storyId: number;
  kind: 'new' | 'join' | 'merge';
}

/**
 * Puts each new item into a story: looks up stored items sharing an LSH band or signal key within
 * the window (an index range scan per key, so the cost does not grow with the table), lets the pure
 * rule decide, then creates, joins or merges stories and stores the item's fingerprint and keys.
 * Call inside the transaction that inserted the items.
 */
export async function assignStories(
  tx: Queryable,
  fresh: Array<{ id: number; fingerprint: Fingerprint }>,
  rules: StoryRules = defaultStoryRules,
): Promise<StoryAssignment[]> {
  const result: StoryAssignment[] = [];
  for (const { id, fingerprint } of fresh) {
    const keys = indexKeysOf(fingerprint);
    const candidates = await findCandidates(tx, { itemId: id, keys, seenAt: fingerprint.seenAt, windowDays: rules.windowDays });
    const decision = decideStory(fingerprint, candidates, { older: (a, b) => a - b, rules });
    let storyId: number;
    if (decision.kind === 'new') {
      const [created] = await tx
        .insert(stories)
        .values({ firstSeenAt: fingerprint.seenAt, lastSeenAt: fingerprint.seenAt, representativeItemId: id, itemCount: 1, sourceCount: 1 })
        .returning({ id: stories.id });
      storyId = created!.id;
    } else if (decision.kind === 'join') {
      storyId = decision.storyId;
    } else {
      storyId = decision.survivor;
      await mergeStories(tx, decision.survivor, decision.merged);
    }
    await tx.update(items).set({ storyId }).where(eq(items.id, id));
    await storeFingerprint(tx, id, fingerprint, keys);
    if (decision.kind !== 'new') await refreshStory(tx, storyId);
    result.push({ itemId: id, storyId, kind: decision.kind });
  }
  return result;
}

async function findCandidates(
  tx: Queryable,
  query: { itemId: number; keys: number[]; seenAt: Date; windowDays: number },
): Promise<Array<Candidate<number>>> {
  if (query.keys.length === 0) return [];
  const from = new Date(query.seenAt.getTime() - query.windowDays * day);
  const to = new Date(query.seenAt.getTime() + query.windowDays * day);
  const matching = tx
    .selectDistinct({ itemId: itemBands.itemId })
    .from(itemBands)
    .where(and(inArray(itemBands.band, query.keys), gte(itemBands.seenAt, from), lte(itemBands.seenAt, to), ne(itemBands.itemId, query.itemId)))
    .limit(maxCandidates)
    .as('matching');
  const rows = await tx
    .select({
      itemId: itemFingerprints.itemId,
      storyId: items.storyId,
      seenAt: itemFingerprints.seenAt,
      language: itemFingerprints.language,
      titleLength: itemFingerprints.titleLength,
      signature: itemFingerprints.signature,
      strong: itemFingerprints.strongSignals,
      weak: itemFingerprints.weakSignals,
    })
    .from(matching)
    .innerJoin(itemFingerprints, eq(itemFingerprints.itemId, matching.itemId))
    .innerJoin(items, eq(items.id, matching.itemId));
  return rows
    .filter((row) => row.storyId !== null)
    .map((row) => ({
      itemId: toNumber(row.itemId),
      storyId: toNumber(row.storyId),
      fingerprint: {
        // int4 holds the uint32 MinHash values with the sign bit wrapped; >>> 0 unwraps them.
        signature: row.signature.map((value) => value >>> 0),
        signals: { strong: row.strong, weak: row.weak, figures: row.strong.filter((s) => s.startsWith('n:') || s.startsWith('p:')) },
        titleLength: row.titleLength,
        language: row.language,
        seenAt: row.seenAt,
      },
    }));
}

async function storeFingerprint(tx: Queryable, itemId: number, fingerprint: Fingerprint, keys: number[]): Promise<void> {
  await tx.insert(itemFingerprints).values({
    itemId,
    seenAt: fingerprint.seenAt,
    language: fingerprint.language,
    titleLength: fingerprint.titleLength,
    signature: fingerprint.signature.map((value) => value | 0),
    strongSignals: fingerprint.signals.strong,
    weakSignals: fingerprint.signals.weak,
  });
  if (keys.length > 0) {
    await tx.insert(itemBands).values(keys.map((band) => ({ band, itemId, seenAt: fingerprint.seenAt }))).onConflictDoNothing();
  }
}

/** Folds stories into the survivor: their items move, the rows stay and point at it (ids never disappear). */
async function mergeStories(tx: Queryable, survivor: number, merged: number[]): Promise<void> {
  await tx.update(items).set({ storyId: survivor }).where(inArray(items.storyId, merged));
  await tx.update(stories).set({ mergedInto: survivor, itemCount: 0, sourceCount: 0, representativeItemId: null }).where(inArray(stories.id, merged));
  // Stories merged earlier into one of these now point straight at the survivor.
  await tx.update(stories).set({ mergedInto: survivor }).where(inArray(stories.mergedInto, merged));
}

/**
 * Recomputes a story's span, counts and representative: the item from the most authoritative
 * outlet (source weight), then the fullest text, then the earliest.
 */
export async function refreshStory(tx: Queryable, storyId: number): Promise<void> {
  await tx.execute(sql`
    update stories s set
      first_seen_at = agg.first_seen, last_seen_at = agg.last_seen, item_count = agg.item_count, source_count = agg.source_count,
      representative_item_id = (
        select i.id from items i join sources so on so.slug = i.source_slug
        where i.story_id = s.id
        order by so.weight desc, length(coalesce(i.body_text, i.summary)) desc, i.id asc
        limit 1)
    from (
      select story_id, min(seen_at) as first_seen, max(seen_at) as last_seen, count(*)::int as item_count,
             count(distinct source_slug)::int as source_count
      from items where story_id = ${storyId} group by story_id) agg
    where s.id = agg.story_id`);
}
