import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';

/** Everything the HTTP layer needs, passed to createApp. */
export interface AppDeps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  log: Logger;
  now: () => Date;
  /** Starts a fetch run in the background and returns its run id (POST /api/fetch). */
  startFetch?: () => Promise<number>;
}
