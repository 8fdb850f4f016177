import type { Fingerprint } from './fingerprint.js';
import { defaultStoryRules, sameStory, type StoryRules } from './same-story.js';

/** A stored item that shares an index key with the new one. `storyId` is already the live (unmerged) story. */
export interface Candidate<Id> {
  itemId: Id;
  storyId: Id;
  fingerprint: Fingerprint;
}

export type StoryDecision<Id> =
  | { kind: 'new' }
  | { kind: 'join'; storyId: Id }
  /** The item proves several stories are one: all of `merged` fold into `survivor`, the oldest. */
  | { kind: 'merge'; survivor: Id; merged: Id[] };

/** Which story a new item belongs to, given its candidates; `older` orders story ids by age. */
export function decideStory<Id>(
  fingerprint: Fingerprint,
  candidates: ReadonlyArray<Candidate<Id>>,
  options: { older: (a: Id, b: Id) => number; rules?: StoryRules },
): StoryDecision<Id> {
  const matched = new Set<Id>();
  for (const candidate of candidates) {
    if (matched.has(candidate.storyId)) continue;
    if (sameStory(fingerprint, candidate.fingerprint, options.rules ?? defaultStoryRules).same) matched.add(candidate.storyId);
  }
  if (matched.size === 0) return { kind: 'new' };
  const [survivor, ...merged] = [...matched].sort(options.older);
  return merged.length === 0 ? { kind: 'join', storyId: survivor! } : { kind: 'merge', survivor: survivor!, merged };
}
