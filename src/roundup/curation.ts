import type { Curation } from './types.js';

/** One PATCH from the editor; every field is optional and each is applied in the order listed. */
export interface CurationPatch {
  /** Keep these stories in the draft whatever the ranking and caps say. */
  pin?: number[];
  unpin?: number[];
  /** Take these stories out of the draft (and un-pin them). */
  exclude?: number[];
  /** Undo an exclusion. */
  include?: number[];
  /** Put stories from any week into this draft by id. */
  add?: number[];
  /** Undo an addition. */
  remove?: number[];
  /** The editor's order: these story ids first, in this order; the rest follow by score. */
  order?: number[];
  /** Rewritten summaries by story id; null goes back to the extracted lede. */
  summaries?: Record<string, string | null>;
  /** How many bullets the draft holds. */
  limit?: number;
}

const without = (list: number[], ids: number[] = []) => list.filter((id) => !ids.includes(id));
const withAll = (list: number[], ids: number[] = []) => [...list, ...ids.filter((id, i) => !list.includes(id) && ids.indexOf(id) === i)];

/** The curation after a patch; pure, so the same patch twice gives the same state. */
export function applyCurationPatch(current: Curation, patch: CurationPatch): Curation {
  let { pinned, excluded, added } = current;
  pinned = without(withAll(pinned, patch.pin), patch.unpin);
  excluded = withAll(without(excluded, patch.include), patch.exclude);
  pinned = without(pinned, patch.exclude);
  added = without(withAll(added, patch.add), [...(patch.remove ?? []), ...(patch.exclude ?? [])]);
  excluded = without(excluded, patch.add);
  const order = patch.order ? withAll([], patch.order) : current.order;
  const summaries = { ...current.summaries };
  for (const [id, text] of Object.entries(patch.summaries ?? {})) {
    if (text === null || text.trim() === '') delete summaries[id];
    else summaries[id] = text.trim();
  }
  const limit = patch.limit ?? current.limit;
  return { pinned, excluded, added, order, summaries, ...(limit !== undefined ? { limit } : {}) };
}
