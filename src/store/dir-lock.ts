import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';

export interface DirLock {
  path: string;
  release(): void;
}

/**
 * Takes an exclusive lock file in a PGlite data folder. PGlite does not enforce its own
 * postmaster.pid, and a second process writing the same folder corrupts it for good.
 */
export function acquireDirLock(dataDir: string): DirLock {
  const path = join(dataDir, 'china-ai-news.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner !== undefined && isAlive(owner)) {
        throw new AppError(
          'database',
          `database: the data folder ${dataDir} is in use by process ${owner}; stop it first, ` +
            `or set DATABASE_URL to share a PostgreSQL server between processes`,
        );
      }
      // The owner died without releasing (kill -9): the lock is stale and safe to take over.
      rmSync(path, { force: true });
    }
  }
  throw new AppError('database', `database: could not lock the data folder ${dataDir}`);
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isFinite(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
