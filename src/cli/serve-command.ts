import { AppError } from '../errors.js';
import { serveUntilSignal } from '../main.js';
import type { Flags } from './flags.js';

export async function serveCommand(flags: Flags): Promise<void> {
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new AppError('bad_request', '--port: must be 0–65535');
  await serveUntilSignal({ port, cron: flags['no-cron'] !== true });
}
