import { loadConfig } from '../../src/config.js';
import type { SourceConfig } from '../../src/domain.js';
import { createLogger } from '../../src/log.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import type { Db } from '../../src/store/db.js';
import { syncSources } from '../../src/store/sources-store.js';

/** A source entry for tests, with feeds.json's defaults. */
export function sourceOf(slug: string, url: string, overrides: Partial<SourceConfig> = {}): SourceConfig {
  return { slug, name: slug, url, kind: 'feed', language: 'en', zone: 'UTC', weight: 1, fullText: false, enabled: true, ...overrides };
}

/** Pipeline dependencies on a test database, with the given sources synced in. */
export async function pipelineDeps(db: Db, sources: SourceConfig[], now = () => new Date()): Promise<PipelineDeps> {
  await syncSources(db, sources);
  // The production timeout: in-process PGlite work for one source can hold the event loop for
  // seconds on a loaded 2-core machine, and a 3 s timeout then failed a healthy loopback fetch.
  const config = loadConfig({ ALLOW_PRIVATE_HOSTS: 'true', FETCH_TIMEOUT_MS: '20000', FETCH_RETRY_BASE_MS: '20', LOG_LEVEL: 'silent' });
  return { db, config, log: createLogger('silent'), sources, now };
}
