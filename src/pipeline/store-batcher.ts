import type { TaggedArticle } from '../domain.js';
import type { Db } from '../store/db.js';
import { identityKeys, saveArticleGroups, type ArticleGroup, type SaveResult } from '../store/items-store.js';

/** Saves one source's articles; resolves when they are committed. */
export type SaveFn = (articles: TaggedArticle[], now: Date) => Promise<SaveResult>;

/** Items per write: enough to spread a statement's fixed cost thin, few enough to keep the transaction short. */
const defaultMaxItems = 500;
/** Writes in flight at once: the next one inserts while the one before assigns stories and commits. */
const maxWrites = 2;

interface Pending {
  group: ArticleGroup;
  resolve: (result: SaveResult) => void;
  reject: (error: unknown) => void;
}

/** A write in flight: the identities it stores, whether its items are in, and when it has settled (never rejects). */
interface Flight {
  keys: Set<string>;
  inserted: boolean;
  settled: Promise<void>;
}

/**
 * Group commit for a fetch run: sources that finish parsing while a write is in flight are
 * written together in the next one, one transaction and one statement per table for all of
 * them, while parsing goes on. The next write starts once the one before has its items in, so its
 * insert runs while the earlier one assigns stories and commits (on PostgreSQL, a second
 * connection); its own story assignment waits for that commit, so stories come out as if the
 * writes ran one after another, in order of arrival. A write sharing an item's identity with one
 * in flight waits for it to finish, so it meets that item as a stored one. When a shared write
 * fails, each of its sources is written alone, so one bad source costs only itself (those retries
 * come after any write that overlapped it).
 */
export function createStoreBatcher(db: Db, options: { tagVersion: number; maxItems?: number }): SaveFn {
  const maxItems = options.maxItems ?? defaultMaxItems;
  const queue: Pending[] = [];
  const flights: Flight[] = [];
  /** Settles when every write started so far has (first attempts): what the next one's stories wait for. */
  let allSettled: Promise<void> = Promise.resolve();

  const takeBatch = (): Pending[] => {
    const batch = [queue.shift()!];
    let items = batch[0]!.group.articles.length;
    while (queue.length > 0 && items + queue[0]!.group.articles.length <= maxItems) {
      items += queue[0]!.group.articles.length;
      batch.push(queue.shift()!);
    }
    return batch;
  };

  const writeAlone = async (pending: Pending): Promise<void> => {
    // After every write started so far, and outside any transaction while it waits (PGlite runs one at a time).
    await allSettled;
    try {
      const [result] = await saveArticleGroups(db, [pending.group], options.tagVersion);
      pending.resolve(result!);
    } catch (error) {
      pending.reject(error);
    }
  };

  const start = (batch: Pending[], keys: Set<string>): void => {
    const flight: Flight = { keys, inserted: false, settled: Promise.resolve() };
    const storiesAfter = allSettled;
    const attempt = saveArticleGroups(
      db,
      batch.map((pending) => pending.group),
      options.tagVersion,
      {
        storiesAfter,
        onInserted: () => {
          flight.inserted = true;
          pump();
        },
      },
    );
    const firstAttempt = attempt.then(
      () => undefined,
      () => undefined,
    );
    allSettled = Promise.all([storiesAfter, firstAttempt]).then(() => undefined);
    flights.push(flight);
    flight.settled = attempt
      .then(
        (results) => batch.forEach((pending, index) => pending.resolve(results[index]!)),
        async (error: unknown) => {
          if (batch.length === 1) batch[0]!.reject(error);
          else for (const pending of batch) await writeAlone(pending);
        },
      )
      .finally(() => {
        flights.splice(flights.indexOf(flight), 1);
        pump();
      });
  };

  // A write starts as soon as a source is ready and the write before it (if any) has its items in:
  // the sources that arrive meanwhile make up the next one.
  const pump = (): void => {
    while (queue.length > 0) {
      const last = flights[flights.length - 1];
      if (flights.length >= maxWrites || (last && !last.inserted)) return;
      const batch = takeBatch();
      const keys = new Set(batch.flatMap((pending) => pending.group.articles.flatMap(identityKeys)));
      if (flights.some((flight) => [...keys].some((key) => flight.keys.has(key)))) {
        queue.unshift(...batch);
        return;
      }
      start(batch, keys);
    }
  };

  return (articles, now) =>
    new Promise<SaveResult>((resolve, reject) => {
      queue.push({ group: { articles, now }, resolve, reject });
      pump();
    });
}
