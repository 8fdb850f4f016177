import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCommand } from '../../src/cli/extract-command.js';
import { projectRoot } from '../helpers/fixtures.js';

const fixturePath = (name: string) => join(projectRoot, 'tests', 'fixtures', 'articles', name);

function cli(args: string[], input: string | Buffer): { status: number | null; lines: Array<Record<string, unknown>>; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src', 'cli.ts'), ...args], { input, cwd: projectRoot, encoding: 'utf8' });
  const lines = run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: run.status, lines, stderr: run.stderr };
}

describe('extract CLI', () => {
  it('--batch: one output line per input line, in order, errors as {id, error}', { timeout: 60_000 }, () => {
    const input = [
      JSON.stringify({ id: 'jpost', url: 'https://www.jpost.com/Breaking-News/x-608399', path: fixturePath('aeb-jpost.html.gz') }),
      JSON.stringify({ id: 7, url: 'https://example.com/a', path: fixturePath('no-such-file.html') }),
      JSON.stringify({ id: 8, path: fixturePath('aeb-jpost.html.gz') }),
      'not json',
    ].join('\n');
    const { status, lines } = cli(['extract', '--batch'], input);
    expect(status).toBe(0);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'jpost', title: 'Son of former German president stabbed to death in Berlin', language: 'en' });
    expect(String(lines[0]!.text)).toMatch(/^The son of former German President/);
    expect(lines[1]).toEqual({ id: 7, error: expect.stringMatching(/^path: cannot read .*no-such-file\.html \(ENOENT\)$/) });
    expect(lines[2]).toEqual({ id: 8, error: expect.stringMatching(/^url: /) });
    expect(lines[3]).toEqual({ error: 'line 4: not valid JSON' });
  });

  it('--url: HTML on stdin gives one JSON object', { timeout: 60_000 }, () => {
    const html = '<html><head><link rel="canonical" href="https://example.com/c"></head><body>' + '<p>Moonshot AI said on Monday that Kimi now has a million users, and that it will raise prices.</p>'.repeat(4) + '</body></html>';
    const ok = cli(['extract', '--url', 'https://example.com/a?x=1'], html);
    expect(ok.status).toBe(0);
    expect(ok.lines[0]).toMatchObject({ canonicalUrl: 'https://example.com/c', method: 'generic' });
  });

  it('without --url or --batch exits 2 before reading stdin', async () => {
    // In-process: every spawned CLI costs seconds of CPU on a shared machine.
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stderr.write;
    try {
      expect(await extractCommand({})).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(written.join('')).toContain('--url is required');
  });
});
