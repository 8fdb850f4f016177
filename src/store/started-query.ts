/**
 * A query sent now (drizzle's go out only when something awaits them), to be awaited later, so the
 * server works on it while this side does something else. Until then its failure is not reported
 * as unhandled: the statement before it failing rejects it too.
 */
export function startQuery<T>(query: PromiseLike<T>): Promise<T> {
  const started = new Promise<T>((resolve, reject) => {
    query.then(resolve, reject);
  });
  started.catch(() => undefined);
  return started;
}
