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
    const summary = await runSources(runtime.pipeline, { trigger: 'cli', slugs: slug ? [slug] : undefined, signal: stopOnSignal() });
    for (const line of formatRunSummary(summary)) await writeLine(line);
    return summary.run.sourcesTotal > 0 && summary.run.sourcesOk === 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

/**
 * SIGTERM/SIGINT: the first one lets sources in flight finish and hands the rest back to the next
 * run; a second one exits at once (the unfinished sources' leases die with this process).
 */
function stopOnSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`china-ai-news: ${signal}: finishing the sources in flight; send it again to quit now\n`);
    controller.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return controller.signal;
}
