import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

describe('CLI contract (DESIGN.md section 4)', () => {
  it('tags JSON lines in input order and reports bad lines without stopping', async () => {
    const input = [
      JSON.stringify({ id: '1', title: 'Alibaba cuts Qwen-VL prices by 85%' }),
      'not json',
      JSON.stringify({ id: '2' }),
      JSON.stringify({ id: '3', title: '智谱发布GLM-4.5大模型', lang: 'zh' }),
    ].join('\n');
    const result = await runCli(['tag'], { stdin: input });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: '1', companies: ['alibaba'] });
    expect(typeof lines[0].relevant).toBe('boolean');
    expect(lines[1]).toEqual({ error: 'line 2: not valid JSON' });
    expect(lines[2]).toMatchObject({ id: '2', error: expect.stringContaining('title') });
    expect(lines[3]).toMatchObject({ id: '3', companies: ['zhipu'] });
  });

  it('dedupes in arrival order: tracking parameters do not make a new item', async () => {
    const input = [
      { id: 'a', url: 'https://www.scmp.com/tech/article/1?utm_source=rss', title: 'Alibaba cuts prices of Qwen-VL' },
      { id: 'b', url: 'https://scmp.com/tech/article/1', title: 'Alibaba cuts prices of Qwen-VL' },
      { id: 'c', url: 'https://www.cnbc.com/x', title: 'Something else entirely happened' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const result = await runCli(['dedupe'], { stdin: input });
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.id, l.item])).toEqual([
      ['a', 'a'],
      ['b', 'a'],
      ['c', 'c'],
    ]);
  });

  it('parses feed bytes from stdin into the contract shape', async () => {
    const result = await runCli(['parse', '--url', 'https://www.livemint.com/rss/News'], { stdin: fixture('feeds/livemint-2019.xml') });
    expect(result.code).toBe(0);
    const feed = JSON.parse(result.stdout);
    expect(feed.format).toBe('rss');
    expect(feed.items).toHaveLength(25);
    expect(Object.keys(feed.items[0]).sort()).toEqual(['guid', 'published', 'summary', 'title', 'url']);
    expect(feed.items[0].published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
  });

  it('fails a parse of garbage with a one-line reason on stderr and a non-zero exit', async () => {
    const result = await runCli(['parse'], { stdin: 'hello, I am not a feed' });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/parse: not a feed/);
  });

  it('lists the company catalogue with every fixed slug', async () => {
    const result = await runCli(['companies']);
    const slugs = (JSON.parse(result.stdout) as Array<{ slug: string; nameZh: string }>).map((c) => c.slug);
    for (const slug of 'alibaba ant-group baidu bytedance tencent huawei xiaomi kuaishou meituan jd netease deepseek moonshot zhipu minimax 01ai stepfun baichuan iflytek sensetime megvii modelbest unitree agibot ubtech horizon-robotics cambricon moore-threads biren hygon smic manus lenovo xpeng byd nio li-auto pony-ai weride'.split(' ')) {
      expect(slugs).toContain(slug);
    }
  });

  it('prints --help for every command and rejects unknown flags', async () => {
    const commands = ['serve', 'fetch', 'migrate', 'parse', 'tag', 'dedupe', 'roundup', 'companies'];
    const helps = await Promise.all(commands.map((command) => runCli([command, '--help'])));
    helps.forEach((help, index) => {
      expect(help.code, commands[index]).toBe(0);
      expect(help.stdout).toContain(`cli -- ${commands[index]}`);
    });
    const bad = await runCli(['tag', '--frobnicate']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/frobnicate/);
  }, 120_000);
});
