import { tagText } from '../tag/matcher.js';
import { createItemIdentity, type DedupeInput } from './exact.js';
import { fingerprintOf } from './fingerprint.js';
import { createStoryIndex } from './memory-index.js';
import type { StoryRules } from './same-story.js';

export interface DedupeAssignment {
  id: string;
  /** The id of the first record that is the same item. */
  item: string;
  /** The id of the first record of the same story (after merges, the oldest story's). */
  story: string;
}

/**
 * The `dedupe` stage over a stream, in arrival order: exact identity first (same item), then
 * story assignment by fingerprint. Records without a date are taken as seen at `now`.
 */
export function createDeduper(options: { now: Date; rules?: StoryRules }): (input: DedupeInput) => DedupeAssignment {
  const identify = createItemIdentity();
  const stories = createStoryIndex(options.rules);
  return (input) => {
    const item = identify(input);
    if (item !== input.id) return { id: input.id, item, story: stories.storyOf(item) ?? item };
    const seenAt = input.published ? new Date(input.published) : options.now;
    const companies = tagText({ title: input.title, summary: input.text }).companies.map((tag) => tag.company);
    const fingerprint = fingerprintOf({ title: input.title, text: input.text, language: input.lang, companies, seenAt });
    return { id: input.id, item, story: stories.add(item, fingerprint) };
  };
}
