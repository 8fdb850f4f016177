import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { renderDraft, weeklyDraft, type DraftFormat } from '../pipeline/weekly-draft.js';
import { openRuntime } from '../runtime.js';
import type { Flags } from './flags.js';

const formats: DraftFormat[] = ['md', 'html', 'json'];

/** Prints the week's roundup: the frozen one when the editor made it final, else the current draft. */
export async function roundupCommand(flags: Flags): Promise<void> {
  if (typeof flags.week !== 'string') throw new AppError('bad_request', '--week: required, like --week 2025-W01');
  const format = (typeof flags.format === 'string' ? flags.format : 'md') as DraftFormat;
  if (!formats.includes(format)) throw new AppError('bad_request', `--format: "${String(flags.format)}" is not one of md, html, json`);
  const limit = typeof flags.limit === 'string' ? Number(flags.limit) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 50)) throw new AppError('bad_request', '--limit: a whole number from 1 to 50');
  const runtime = await openRuntime(loadConfig(), { syncSources: false });
  try {
    const zone = typeof flags.zone === 'string' ? flags.zone : runtime.config.roundupZone;
    const draft = await weeklyDraft(runtime.handle.db, { week: flags.week, zone, now: new Date(), limit });
    process.stdout.write(renderDraft(draft, format).body);
  } finally {
    await runtime.close();
  }
}
