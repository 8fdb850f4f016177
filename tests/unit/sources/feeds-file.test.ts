import { describe, expect, it } from 'vitest';
import { loadFeedsFile, parseFeedsFile } from '../../../src/sources/feeds-file.js';
import { projectRoot } from '../../helpers/fixtures.js';
import { join } from 'node:path';

const good = { slug: 'cnbc-tech', name: 'CNBC', url: 'https://www.cnbc.com/id/19854910/device/rss/rss.html' };

describe('feeds.json validation', () => {
  it('applies file defaults, then built-in defaults', () => {
    const [source] = parseFeedsFile({ defaults: { zone: 'Asia/Shanghai', weight: 2 }, sources: [good] });
    expect(source).toMatchObject({ slug: 'cnbc-tech', kind: 'feed', language: 'en', zone: 'Asia/Shanghai', weight: 2, fullText: false, enabled: true });
  });

  it.each([
    [{ ...good, url: 'ftp://example.com/feed' }, /sources\[0\] "cnbc-tech": url:/],
    [{ ...good, slug: 'Bad Slug' }, /sources\[0\] "Bad Slug": slug: use lower-case/],
    [{ ...good, zone: 'Mars/Olympus' }, /zone: not an IANA time zone/],
    [{ ...good, colour: 'red' }, /sources\[0\] "cnbc-tech": .*colour/],
    [{ ...good, kind: 'html' }, /selectors: required when kind is "html"/],
    [{ ...good, fullText: 'sometimes' }, /fullText/],
    [{ name: 'No slug', url: 'https://x.example/feed' }, /sources\[0\]: slug:/],
  ])('rejects a bad entry with a message naming it and the field (%#)', (entry, message) => {
    expect(() => parseFeedsFile({ sources: [entry] })).toThrow(message);
  });

  it('rejects a slug used twice, naming the second entry', () => {
    expect(() => parseFeedsFile({ sources: [good, good] })).toThrow(/sources\[1\] "cnbc-tech": slug: "cnbc-tech" is used twice/);
  });

  it('rejects unknown top-level fields', () => {
    expect(() => parseFeedsFile({ sources: [], feeds: [] })).toThrow(/feeds/);
  });

  it('names the file when it is not JSON', () => {
    expect(() => loadFeedsFile('/nonexistent/feeds.json')).toThrow(/feeds: cannot read \/nonexistent\/feeds.json/);
  });

  it('ships a feeds.json with at least 15 real sources in English and Chinese, and an HTML page', () => {
    const sources = loadFeedsFile(join(projectRoot, 'feeds.json'));
    expect(sources.length).toBeGreaterThanOrEqual(15);
    expect(sources.filter((s) => s.language === 'zh').length).toBeGreaterThanOrEqual(3);
    expect(sources.some((s) => s.kind === 'html' && s.selectors)).toBe(true);
    for (const name of ['CNBC', 'SCMP', 'TechCrunch', 'Rest of World', 'Pandaily', 'TechNode', 'KrASIA', '36Kr', '机器之心', '量子位', 'Recode China AI', 'ChinaTalk', 'Qwen']) {
      expect(sources.map((s) => s.name)).toContain(name);
    }
  });
});
