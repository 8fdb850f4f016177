import { decideStory, type Candidate } from '../dedupe/assign-story.js';
import type { Fingerprint } from '../dedupe/fingerprint.js';
import { defaultStoryRules, type StoryRules } from '../dedupe/same-story.js';
import { dayOf, type StoredCandidate } from './story-keys-store.js';

export interface StoryAssignment {
  itemId: number;
  storyId: number;
  kind: 'new' | 'join' | 'merge';
}

/** A new item with the story opened for it and its fingerprint's index keys. */
export interface PlannedItem {
  id: number;
  storyId: number;
  fingerprint: Fingerprint;
  keys: number[];
}

/** What story assignment decided for a batch, before any of it is written (pure data). */
export interface StoryPlan {
  /** Each item's final (live) story and how it got there, in batch order. */
  assignments: StoryAssignment[];
  /** Merges in decision order: the survivor and the stories folded into it. */
  merges: Array<{ survivor: number; merged: number[] }>;
  /** Items that joined or merged, with their final story and the story opened for them (which goes). */
  moves: Array<{ itemId: number; storyId: number; openedStory: number }>;
  /** Items that opened a story of their own that is still live: they represent it. */
  representatives: Array<{ storyId: number; itemId: number }>;
  /** Live stories that gained items, to recount. */
  touched: number[];
}

/**
 * Decides the stories of new items, in arrival order: each item's candidates are the stored items
 * and the batch's earlier items sharing an index key with it within the rule's window. The pure
 * rule decides; the item keeps its own story, joins one, or merges several into the oldest (the
 * smallest id: story ids grow with time).
 */
export function planStories(fresh: PlannedItem[], stored: Map<number, StoredCandidate>, rules: StoryRules = defaultStoryRules): StoryPlan {
  // Candidates by the keys they are filed under (with the day), so each item looks up its own keys
  // instead of scanning the whole pool (quadratic in a 500-item batch); pool order is kept for the
  // rule. Each key's entries are flat (pool index, day) pairs: an object per entry, about 28 an
  // item, was most of the plan's garbage.
  const pool: Array<Pick<StoredCandidate, 'itemId' | 'storyId' | 'fingerprint'>> = [];
  const poolByKey = new Map<number, number[]>();
  const fileUnder = (key: number, day: number) => {
    const entries = poolByKey.get(key);
    if (entries) entries.push(pool.length, day);
    else poolByKey.set(key, [pool.length, day]);
  };
  for (const candidate of stored.values()) {
    for (const { day, key } of candidate.matched) fileUnder(key, day);
    pool.push(candidate);
  }
  const liveStory = new Map<number, number>();
  const live = (story: number): number => (liveStory.has(story) ? live(liveStory.get(story)!) : story);
  const decided: StoryAssignment[] = [];
  const merges: StoryPlan['merges'] = [];
  const touched = new Set<number>();
  const moved: PlannedItem[] = [];
  for (const item of fresh) {
    const hits = new Set<number>();
    const itemDay = dayOf(item.fingerprint.seenAt);
    for (const key of item.keys) {
      const entries = poolByKey.get(key);
      if (!entries) continue;
      for (let at = 0; at < entries.length; at += 2) if (Math.abs(entries[at + 1]! - itemDay) <= rules.windowDays) hits.add(entries[at]!);
    }
    const candidates: Array<Candidate<number>> = [...hits]
      .sort((a, b) => a - b)
      .map((index) => pool[index]!)
      .filter((c) => c.itemId !== item.id)
      .map((c) => ({ itemId: c.itemId, storyId: live(c.storyId), fingerprint: c.fingerprint }));
    const decision = decideStory(item.fingerprint, candidates, { older: (a, b) => a - b, rules });
    let storyId = item.storyId;
    if (decision.kind !== 'new') {
      storyId = decision.kind === 'join' ? decision.storyId : decision.survivor;
      if (decision.kind === 'merge') {
        merges.push({ survivor: decision.survivor, merged: decision.merged });
        for (const merged of decision.merged) liveStory.set(merged, decision.survivor);
      }
      moved.push(item);
      touched.add(storyId);
    }
    for (const key of item.keys) fileUnder(key, itemDay);
    pool.push({ itemId: item.id, storyId, fingerprint: item.fingerprint });
    decided.push({ itemId: item.id, storyId, kind: decision.kind });
  }
  const finalStory = new Map(decided.map((r) => [r.itemId, live(r.storyId)]));
  return {
    assignments: decided.map((r) => ({ ...r, storyId: live(r.storyId) })),
    merges,
    moves: moved.map((item) => ({ itemId: item.id, storyId: finalStory.get(item.id)!, openedStory: item.storyId })),
    // A story merged away later in the batch has no items left and keeps no representative.
    representatives: decided.filter((r) => r.kind === 'new' && live(r.storyId) === r.storyId).map((r) => ({ storyId: r.storyId, itemId: r.itemId })),
    touched: [...new Set([...touched].map(live))],
  };
}
