import type { Db } from '../store/db.js';
import { countStaleTags, replaceItemTags, staleTagBatch } from '../store/tags-store.js';
import { catalogueVersion } from '../tag/catalogue.js';
import { tagText } from '../tag/matcher.js';

export interface RetagProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface RetagOptions {
  /** The catalogue version to bring every item to; the current one unless a test says otherwise. */
  version?: number;
  batchSize?: number;
  onProgress?: (progress: RetagProgress) => void | Promise<void>;
  /** Stops between batches (server shutdown); what is done stays done. */
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * Re-tags every stored item whose tags came from another catalogue version, in batches of
 * `batchSize` (one transaction each). Between batches it yields to the event loop, so the API
 * keeps answering while a large store is re-tagged; a stopped run resumes where it left off.
 */
export async function retagStaleItems(db: Db, options: RetagOptions = {}): Promise<RetagProgress> {
  const version = options.version ?? catalogueVersion;
  const batchSize = options.batchSize ?? 200;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const total = await countStaleTags(db, version);
  let done = 0;
  let afterId = 0;
  while (done < total && !options.signal?.aborted) {
    const batch = await staleTagBatch(db, version, afterId, batchSize);
    if (batch.length === 0) break;
    const tagged = batch.map((item) => ({ id: item.id, tags: tagText({ title: item.title, summary: item.summary, body: item.bodyText }) }));
    await replaceItemTags(db, tagged, version);
    done += batch.length;
    afterId = batch[batch.length - 1]!.id;
    await options.onProgress?.({ done, total, elapsedMs: now() - started });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { done, total, elapsedMs: now() - started };
}

/** "1200/5000 items, 850 items/s, 4 s left": the progress line the CLI and the log print. */
export function describeProgress({ done, total, elapsedMs }: RetagProgress): string {
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : 0;
  return `${done}/${total} items, ${Math.round(rate)} items/s, ${left} s left`;
}
