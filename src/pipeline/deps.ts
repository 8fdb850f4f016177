import type { Config } from '../config.js';
import type { SourceConfig } from '../domain.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import type { ArticleParser } from './parse-pool.js';

/** What the pipeline needs from the outside world, passed in (never imported). */
export interface PipelineDeps {
  db: Db;
  config: Config;
  log: Logger;
  sources: SourceConfig[];
  now: () => Date;
  /** Where bodies are parsed (worker threads); inline when absent. */
  parser?: ArticleParser;
}
