import { decideStory, type Candidate } from './assign-story.js';
import { indexKeysOf, type Fingerprint } from './fingerprint.js';
import type { StoryRules } from './same-story.js';

/**
 * Story assignment over items kept in memory, in arrival order: the same decision the database
 * path makes, for the `dedupe` CLI and the quality bench. Story ids are the id of the story's first item.
 */
export function createStoryIndex(rules?: StoryRules) {
  const itemsByKey = new Map<number, string[]>();
  const items = new Map<string, { fingerprint: Fingerprint; story: string }>();
  const mergedInto = new Map<string, string>();
  const order = new Map<string, number>();

  const liveStory = (story: string): string => {
    let current = story;
    while (mergedInto.has(current)) current = mergedInto.get(current)!;
    return current;
  };

  /** Assigns an item to a story and remembers it; returns the (live) story id. */
  function add(id: string, fingerprint: Fingerprint): string {
    const keys = indexKeysOf(fingerprint);
    const seen = new Set<string>();
    const candidates: Array<Candidate<string>> = [];
    for (const key of keys) {
      for (const other of itemsByKey.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const stored = items.get(other)!;
        candidates.push({ itemId: other, storyId: liveStory(stored.story), fingerprint: stored.fingerprint });
      }
    }
    const decision = decideStory(fingerprint, candidates, { older: (a, b) => order.get(a)! - order.get(b)!, rules });
    let story = id;
    if (decision.kind === 'join') story = decision.storyId;
    if (decision.kind === 'merge') {
      story = decision.survivor;
      for (const merged of decision.merged) mergedInto.set(merged, story);
    }
    if (story === id) order.set(id, order.size);
    items.set(id, { fingerprint, story });
    for (const key of keys) itemsByKey.set(key, [...(itemsByKey.get(key) ?? []), id]);
    return story;
  }

  /** The live story of an item added earlier. */
  const storyOf = (id: string): string | undefined => {
    const item = items.get(id);
    return item ? liveStory(item.story) : undefined;
  };

  return { add, storyOf };
}
