import type { TaggedArticle } from '../domain.js';
import type { Db } from '../store/db.js';
import { saveArticleGroups, type ArticleGroup, type SaveResult } from '../store/items-store.js';

/** Saves one source's articles; resolves when they are committed. */
export type SaveFn = (articles: TaggedArticle[], now: Date) => Promise<SaveResult>;

/** Items per write: enough to spread a statement's fixed cost thin, few enough to keep the transaction short. */
const defaultMaxItems = 500;

interface Pending {
  group: ArticleGroup;
  resolve: (result: SaveResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for a fetch run: sources that finish parsing while a write is in flight are
 * written together in the next one, one transaction and one statement per table for all of
 * them, while parsing goes on. One write at a time keeps the batches full and the order of
 * arrival (story assignment depends on it). When a shared write fails, each of its sources is
 * written alone, so one bad source costs only itself.
 */
export function createStoreBatcher(db: Db, options: { tagVersion: number; maxItems?: number }): SaveFn {
  const maxItems = options.maxItems ?? defaultMaxItems;
  const queue: Pending[] = [];
  let writing = false;

  const takeBatch = (): Pending[] => {
    const batch = [queue.shift()!];
    let items = batch[0]!.group.articles.length;
    while (queue.length > 0 && items + queue[0]!.group.articles.length <= maxItems) {
      items += queue[0]!.group.articles.length;
      batch.push(queue.shift()!);
    }
    return batch;
  };

  const write = async (batch: Pending[]): Promise<void> => {
    try {
      const results = await saveArticleGroups(db, batch.map((pending) => pending.group), options.tagVersion);
      batch.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const pending of batch) await write([pending]);
    }
  };

  // A write starts as soon as a source is ready and none is in flight, as a lone save would: the
  // sources that arrive meanwhile (parsed while it commits) make up the next one.
  const drain = async (): Promise<void> => {
    while (queue.length > 0) await write(takeBatch());
    writing = false;
  };

  return (articles, now) =>
    new Promise<SaveResult>((resolve, reject) => {
      queue.push({ group: { articles, now }, resolve, reject });
      if (!writing) {
        writing = true;
        void drain();
      }
    });
}
