import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'cainews-server-'));
const env = { DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'silent' };
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

/** Starts `npm start`'s entry point and resolves with its port once it says it is serving. */
function startServer(): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(projectRoot, 'src', 'main.ts'), '--no-cron'], { cwd: projectRoot, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 45 s: ${err}`)), 45_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/serving on http:\/\/[\d.]+:(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.stderr!.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('the server on embedded PGlite (npm start)', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /health, refuses a second process on the same data folder, and reopens after a stop', async () => {
    const first = await startServer();
    try {
      const health = await fetch(`http://127.0.0.1:${first.port}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', db: 'pglite' });

      const second = await runCli([], { entry: 'main.ts', env });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`data folder .* is in use by process \\d+`));
    } finally {
      expect(await stop(first.child)).toBe(0);
    }

    const again = await startServer();
    try {
      const health = await fetch(`http://127.0.0.1:${again.port}/health`);
      expect(health.status).toBe(200);
    } finally {
      await stop(again.child);
    }
  }, 120_000);
});
