import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { formatRunSummary, runSources } from '../pipeline/run-sources.js';
import { openRuntime } from '../runtime.js';
import type { Flags } from './flags.js';
import { writeLine } from './io.js';

export async function fetchCommand(flags: Flags): Promise<number> {
  const runtime = await openRuntime(loadConfig());
  try {
    const slug = typeof flags.source === 'string' ? flags.source : undefined;
    if (slug && !runtime.sources.some((s) => s.slug === slug)) throw new AppError('bad_request', `--source: no source "${slug}" in ${runtime.config.feedsFile}`);
    const summary = await runSources(runtime.pipeline, { trigger: 'cli', slugs: slug ? [slug] : undefined });
    for (const line of formatRunSummary(summary)) await writeLine(line);
    return summary.run.sourcesTotal > 0 && summary.run.sourcesOk === 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
