import { sql } from 'drizzle-orm';
import { items, stories } from '../../db/schema.js';
import { indexKeysOf, type Fingerprint } from '../dedupe/fingerprint.js';
import { defaultStoryRules, type StoryRules } from '../dedupe/same-story.js';
import { integerLiteral, numberArray, timestampArray } from './json-rows.js';
import { rowsOf, toNumber } from './rows.js';
import { startQuery } from './started-query.js';
import { planStories, type StoryAssignment, type StoryPlan } from './story-plan.js';
import { dayOf, findStoredCandidates, storeFingerprints, type DayKeys, type Queryable, type StoredCandidate } from './story-keys-store.js';

export type { StoryAssignment } from './story-plan.js';

interface Fresh {
  id: number;
  /** The story `openStories` gave the item when it was inserted. */
  storyId: number;
  fingerprint: Fingerprint;
  /** indexKeysOf(fingerprint), when the caller already has them. */
  keys?: number[];
}

/** A fingerprint with its index keys, for a lookup started before the items have ids. */
export interface KeyedFingerprint {
  fingerprint: Fingerprint;
  keys: number[];
}

/**
 * Opens one story per new item, before the items are inserted, so each item is stored with its
 * story id and most items (a new event) are never rewritten. Joins and merges fix the rest.
 */
export async function openStories(tx: Queryable, seenAts: Date[]): Promise<number[]> {
  if (seenAts.length === 0) return [];
  // One statement whatever the batch: ids come from one sequence in row order, so sorted ids line up with seenAts.
  const rows = rowsOf<{ id: unknown }>(
    await tx.execute(sql`insert into ${stories} (first_seen_at, last_seen_at, item_count, source_count)
      select t, t, 1, 1 from unnest(${timestampArray(seenAts)}) with ordinality as q(t, n)
      order by n
      returning id`),
  );
  return rows.map((row) => toNumber(row.id)).sort((a, b) => a - b);
}

/**
 * Puts new items into their real stories, in arrival order, inside the transaction that inserted
 * them (planStories decides; this writes). Stored candidates come from one lookup for the whole
 * batch (an index scan per day of the batch over its keys, so the cost does not grow with the
 * table); items earlier in the batch are candidates too.
 */
export async function assignStories(
  tx: Queryable,
  fresh: Fresh[],
  rules: StoryRules = defaultStoryRules,
  stored: Promise<Map<number, StoredCandidate>> = findCandidates(tx, fresh.map((item) => ({ fingerprint: item.fingerprint, keys: item.keys ?? indexKeysOf(item.fingerprint) })), rules),
): Promise<StoryAssignment[]> {
  const planned = fresh.map((item) => ({ ...item, keys: item.keys ?? indexKeysOf(item.fingerprint) }));
  const candidates = await stored;
  // The batch's own fingerprints go in once the lookup is back (so it cannot find them): the
  // server writes them while this side plans.
  const fingerprintsStored = startQuery(storeFingerprints(tx, planned.map((item) => ({ itemId: item.id, fingerprint: item.fingerprint, keys: item.keys }))));
  const plan = planStories(planned, candidates, rules);
  await Promise.all([fingerprintsStored, applyStoryPlan(tx, plan)]);
  return plan.assignments;
}

/**
 * Writes a story plan: merges in decision order, then the moved items, the stories opened for
 * them (never visible outside this transaction: they go, they are not merged), representatives
 * and recounts. All go out together, in this order (one connection runs them in turn).
 */
export async function applyStoryPlan(tx: Queryable, plan: StoryPlan): Promise<void> {
  await Promise.all([
    ...plan.merges.map(({ survivor, merged }) => mergeStories(tx, survivor, merged)),
    moveItems(tx, plan.moves.map((move) => [move.itemId, move.storyId])),
    dropEmptyStories(tx, plan.moves.map((move) => move.openedStory)),
    setRepresentatives(tx, plan.representatives),
    refreshStories(tx, plan.touched),
  ]);
}

/** Sets items' story ids in one statement. */
async function moveItems(tx: Queryable, moves: Array<[number, number]>): Promise<void> {
  if (moves.length === 0) return;
  await tx.execute(sql`update ${items} set story_id = m.story_id
    from unnest(${numberArray(moves.map(([id]) => id), 'bigint')}, ${numberArray(moves.map(([, story]) => story), 'bigint')}) as m(id, story_id)
    where ${items.id} = m.id`);
}

/**
 * Starts the lookup of stored items sharing keys with these fingerprints, so it can run while the
 * items themselves are being inserted. Looking up more keys or days than the stored items need
 * changes nothing: each item still takes only candidates under its own keys within its window.
 */
export function findCandidates(tx: Queryable, pending: KeyedFingerprint[], rules: StoryRules = defaultStoryRules): Promise<Map<number, StoredCandidate>> {
  return findStoredCandidates(tx, keyWindows(pending, rules.windowDays));
}

/** The batch's keys by the day their items are filed under, each day with its window around it. */
function keyWindows(pending: KeyedFingerprint[], windowDays: number): DayKeys[] {
  const byDay = new Map<number, Set<number>>();
  for (const item of pending) {
    const day = dayOf(item.fingerprint.seenAt);
    const keys = byDay.get(day) ?? new Set<number>();
    for (const key of item.keys) keys.add(key);
    byDay.set(day, keys);
  }
  return [...byDay].map(([day, keys]) => ({ fromDay: day - windowDays, toDay: day + windowDays, keys: [...keys] }));
}

/** A story opened for one item is represented by it: the pairs are known, so no join over items. */
async function setRepresentatives(tx: Queryable, opened: StoryPlan['representatives']): Promise<void> {
  if (opened.length === 0) return;
  await tx.execute(sql`update ${stories} s set representative_item_id = r.item_id
    from unnest(${numberArray(opened.map((r) => r.storyId), 'bigint')}, ${numberArray(opened.map((r) => r.itemId), 'bigint')}) as r(story_id, item_id)
    where s.id = r.story_id and s.representative_item_id is null`);
}

/** Deletes stories opened in this transaction that ended up without an item. */
export async function dropEmptyStories(tx: Queryable, ids: number[]): Promise<void> {
  if (ids.length > 0) await tx.execute(sql`delete from ${stories} where ${stories.id} = any(${numberArray(ids, 'bigint')})`);
}

/**
 * Folds stories into the survivor: their items move, the rows stay and point at it (ids never
 * disappear). Values inlined (json-rows.ts says why): bind parameters cost a round trip that held
 * back every statement queued behind a merge.
 */
async function mergeStories(tx: Queryable, survivor: number, merged: number[]): Promise<void> {
  const into = integerLiteral(survivor);
  const ids = numberArray(merged, 'bigint');
  await Promise.all([
    tx.execute(sql`update ${items} set story_id = ${into} where ${items.storyId} = any(${ids})`),
    tx.execute(sql`update ${stories} set merged_into = ${into}, item_count = 0, source_count = 0, representative_item_id = null where ${stories.id} = any(${ids})`),
    // Stories merged earlier into one of these now point straight at the survivor.
    tx.execute(sql`update ${stories} set merged_into = ${into} where ${stories.mergedInto} = any(${ids})`),
  ]);
}

/**
 * Recomputes a story's span, counts and representative: the item from the most authoritative
 * outlet (source weight), then the fullest text, then the earliest.
 */
export async function refreshStories(tx: Queryable, storyIds: number[]): Promise<void> {
  if (storyIds.length === 0) return;
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
      from items where story_id = any(${numberArray(storyIds, 'bigint')}) group by story_id) agg
    where s.id = agg.story_id`);
}
