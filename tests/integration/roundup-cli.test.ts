import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/roundup/types.js';
import { openDb } from '../../src/store/db.js';
import { FeedServer } from '../helpers/feed-server.js';
import { hasCorpus, projectRoot } from '../helpers/fixtures.js';
import { ingestSnapshot, serveSnapshotFeeds, snapshotDeps, snapshotWeek } from '../helpers/snapshot-week.js';
import { createScratchDatabase, dbKind, serverUrl } from '../helpers/test-db.js';

/** Runs the real CLI in a child process: the same entry point an editor's script calls. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli.ts'), ...args], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', FEEDS_FILE: join(projectRoot, 'feeds.json'), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!hasCorpus)(`roundup CLI on ${dbKind}`, () => {
  const server = new FeedServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'cainews-cli-'));
  let env: Record<string, string>;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await server.start();
    if (serverUrl) {
      const scratch = await createScratchDatabase(serverUrl);
      drop = scratch.drop;
      env = { DATABASE_URL: scratch.url };
    } else {
      env = { DATABASE_URL: '', DATA_DIR: dataDir };
    }
    // Fill the database the CLI will open, then close it: PGlite's folder belongs to one process.
    const handle = await openDb({ databaseUrl: env.DATABASE_URL || undefined, dataDir });
    try {
      const sources = serveSnapshotFeeds(server);
      const deps = await snapshotDeps(handle.db, sources);
      expect((await ingestSnapshot(deps, sources.map((s) => s.slug))).errors).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 180_000);

  afterAll(async () => {
    await server.stop();
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the week as Markdown bullets and as JSON with a chosen length', async () => {
    const md = await cli(['roundup', '--week', snapshotWeek.week, '--zone', snapshotWeek.zone, '--format', 'md'], env);
    expect(md.stderr).toBe('');
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(8);
    // The whole corpus week, as the README shows it (tests/output/ is git-ignored).
    mkdirSync(join(projectRoot, 'tests', 'output'), { recursive: true });
    writeFileSync(join(projectRoot, 'tests', 'output', `roundup-${snapshotWeek.week}-cli.md`), md.stdout);
    const json = await cli(['roundup', '--week', snapshotWeek.week, '--zone', snapshotWeek.zone, '--format', 'json', '--limit', '3'], env);
    expect(json.code).toBe(0);
    writeFileSync(join(projectRoot, 'tests', 'output', `roundup-${snapshotWeek.week}-cli-top3.json`), json.stdout);
    const draft = JSON.parse(json.stdout) as Draft;
    expect(draft).toMatchObject({ week: snapshotWeek.week, zone: snapshotWeek.zone, limit: 3 });
    expect(draft.entries).toHaveLength(3);
  }, 120_000);

  it.each([
    [['--week', '2026-W99'], 'week: 2026 has no ISO week 99'],
    [['--week', '2026-W34', '--format', 'pdf'], '--format: "pdf" is not one of md, html, json'],
    [['--week', '2026-W34', '--limit', 'lots'], '--limit: a whole number from 1 to 50'],
    [['--week', '2026-W34', '--zone', 'Atlantis'], 'zone: "Atlantis" is not an IANA time zone'],
  ])('refuses %j with one line on stderr and nothing on stdout', async (args, message) => {
    const result = await cli(['roundup', ...args], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(`china-ai-news: ${message}`);
  }, 60_000);
});
