import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/fixtures.js';

function runDedupe(input: string) {
  // node --import tsx (not npx, half the start-up CPU) at the lowest priority: on a busy machine the
  // CLI's start-up must not starve tests running beside this one (their fetches have timeouts).
  const result = spawnSync('nice', ['-n', '19', process.execPath, '--import', 'tsx', 'src/cli.ts', 'dedupe'], { cwd: projectRoot, input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, lines: result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>), stderr: result.stderr };
}

describe('npm run cli -- dedupe', () => {
  it('streams {id, item, story} in input order, and a bad line yields {id?, error} while the rest goes on', () => {
    const input = [
      JSON.stringify({ id: 1, url: 'https://36kr.com/p/1?f=rss', title: '吴泳铭：阿里AI年化收入突破495亿元', published: '2026-08-20T11:57:00+08:00' }),
      'not json',
      JSON.stringify({ id: 'x', title: '' }),
      JSON.stringify({ id: 'y', title: 'ok', published: 'last tuesday' }),
      JSON.stringify({ id: 2, url: 'https://www.36kr.com/p/1', title: '吴泳铭：阿里AI年化收入突破495亿元' }),
      JSON.stringify({ id: 3, url: 'https://readhub.cn/topic/a', title: '吴泳铭：阿里 AI 年化收入突破 495 亿元', published: '2026-08-20T12:35:00+08:00' }),
      JSON.stringify({ id: 4, title: 'Stripe buys OpenRouter for $7B', published: '2026-08-20T12:35:00+08:00' }),
    ].join('\n');
    const { status, lines } = runDedupe(`${input}\n`);
    expect(status).toBe(0);
    expect(lines).toEqual([
      { id: '1', item: '1', story: '1' },
      { error: 'line 2: not valid JSON' },
      { id: 'x', error: 'title: must not be empty' },
      { id: 'y', error: 'published: expected an ISO 8601 date with offset' },
      { id: '2', item: '1', story: '1' },
      { id: '3', item: '3', story: '1' },
      { id: '4', item: '4', story: '4' },
    ]);
  });
});
