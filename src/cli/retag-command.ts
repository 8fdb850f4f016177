import { loadConfig } from '../config.js';
import { describeProgress, retagStaleItems } from '../pipeline/retag-items.js';
import { openRuntime } from '../runtime.js';
import { catalogueVersion } from '../tag/catalogue.js';
import type { Flags } from './flags.js';
import { writeLine } from './io.js';

/**
 * Re-tags stored items whose tags came from another catalogue version. Progress goes to stderr,
 * rewritten in place on a terminal (done/total, items/s, time left); stdout gets the summary.
 */
export async function retagCommand(flags: Flags): Promise<number> {
  const batchSize = flags['batch-size'] === undefined ? 200 : Number(flags['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    process.stderr.write(`china-ai-news: --batch-size: expected a whole number from 1 to 10000, got "${flags['batch-size']}"\n`);
    return 2;
  }
  const runtime = await openRuntime(loadConfig(), { syncSources: false });
  const tty = process.stderr.isTTY === true;
  try {
    const result = await retagStaleItems(runtime.pipeline.db, {
      batchSize,
      onProgress: (progress) => {
        const line = `retag: ${describeProgress(progress)}`;
        process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
      },
    });
    if (tty && result.done > 0) process.stderr.write('\n');
    await writeLine(`retagged ${result.done} of ${result.total} items to catalogue version ${catalogueVersion} in ${(result.elapsedMs / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await runtime.close();
  }
}
