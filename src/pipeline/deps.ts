import type { Config } from '../config.js';
import type { SourceConfig } from '../domain.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';

/** What the pipeline needs from the outside world, passed in (never imported). */
export interface PipelineDeps {
  db: Db;
  config: Config;
  log: Logger;
  sources: SourceConfig[];
  now: () => Date;
}
