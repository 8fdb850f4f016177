import type { Config } from './config.js';
import type { SourceConfig } from './domain.js';
import { createLogger, type Logger } from './log.js';
import type { PipelineDeps } from './pipeline/deps.js';
import { createArticleParser } from './pipeline/parse-pool.js';
import { loadFeedsFile } from './sources/feeds-file.js';
import { openDb, type DbHandle } from './store/db.js';
import { releaseAllLeases, syncSources } from './store/sources-store.js';

export interface Runtime {
  config: Config;
  log: Logger;
  sources: SourceConfig[];
  handle: DbHandle;
  pipeline: PipelineDeps;
  close(): Promise<void>;
}

/** Config → feeds.json → database (+ migrations) → sources synced: what every long command starts with. */
export async function openRuntime(config: Config, options: { syncSources?: boolean } = {}): Promise<Runtime> {
  const log = createLogger(config.logLevel);
  const sources = loadFeedsFile(config.feedsFile);
  const handle = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (options.syncSources !== false) await syncSources(handle.db, sources);
    if (handle.kind === 'pglite') await releaseAllLeases(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  // Parse workers start on the first fetched body, so commands that never fetch never start one.
  const parser = createArticleParser(config.parseWorkers);
  const pipeline: PipelineDeps = { db: handle.db, config, log, sources, now: () => new Date(), parser };
  const close = async () => {
    await parser.close();
    await handle.close();
  };
  return { config, log, sources, handle, pipeline, close };
}
