import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock } from '../../../src/store/dir-lock.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cainews-lock-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('is exclusive while held and free after release', () => {
    const dir = freshDir();
    const lock = acquireDirLock(dir);
    expect(readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid));
    expect(() => acquireDirLock(dir)).toThrow(/in use by process/);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    acquireDirLock(dir).release();
  });

  it('takes over a lock left by a process that died (kill -9)', () => {
    const dir = freshDir();
    // PIDs are below 2^22 on Linux, so this one cannot be alive.
    writeFileSync(join(dir, 'china-ai-news.lock'), '4194303\n');
    const lock = acquireDirLock(dir);
    expect(readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('refuses a lock held by another live process', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'china-ai-news.lock'), `${process.ppid}\n`);
    expect(() => acquireDirLock(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });
});
