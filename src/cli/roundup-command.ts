import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { renderDraft, weeklyDraft, type DraftFormat } from '../pipeline/weekly-draft.js';
import { openRuntime } from '../runtime.js';
import type { Flags } from './flags.js';

export async function roundupCommand(flags: Flags): Promise<void> {
  if (typeof flags.week !== 'string') throw new AppError('bad_request', '--week: required, like --week 2025-W01');
  const format = (flags.format ?? 'md') as DraftFormat;
  if (!['md', 'html', 'json'].includes(format)) throw new AppError('bad_request', '--format: use md, html or json');
  const runtime = await openRuntime(loadConfig(), { syncSources: false });
  try {
    const zone = typeof flags.zone === 'string' ? flags.zone : runtime.config.roundupZone;
    const draft = await weeklyDraft(runtime.handle.db, { week: flags.week, zone, now: new Date() });
    process.stdout.write(renderDraft(draft, format).body);
  } finally {
    await runtime.close();
  }
}
