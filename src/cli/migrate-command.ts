import { loadConfig } from '../config.js';
import { openDb } from '../store/db.js';
import { writeLine } from './io.js';

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const handle = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await handle.close();
  await writeLine(`migrations applied (${handle.kind})`);
}
