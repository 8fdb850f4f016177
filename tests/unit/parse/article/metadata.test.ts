import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/parse/article/extract-article.js';

const article = '<article>' + '<p>DeepSeek said on Monday that its new model, trained on domestic chips, costs less to run than rivals.</p>'.repeat(4) + '</article>';
const page = (head: string, htmlAttrs = '') => `<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${article}</body></html>`;

describe('meta dates', () => {
  it.each([
    ['article:published_time with offset', '<meta property="article:published_time" content="2025-01-20T09:30:00+08:00">', 'UTC', '2025-01-20T09:30:00+08:00'],
    ['itemprop datePublished', '<meta itemprop="datePublished" content="2025-01-20T01:30:00Z">', 'UTC', '2025-01-20T01:30:00Z'],
    ['an offset-less Chinese portal date, read in the source zone', '<meta name="publishdate" content="2025-01-20 09:30:00">', 'Asia/Shanghai', '2025-01-20T09:30:00+08:00'],
    ['parsely-pub-date', '<meta name="parsely-pub-date" content="2025-01-20T01:30:00Z">', 'UTC', '2025-01-20T01:30:00Z'],
  ])('reads %s', (_name, head, zone, expected) => {
    expect(extractArticle(page(head), 'https://example.com/a', { zone }).published).toBe(expected);
  });

  it('falls back to <time datetime> and gives null when there is no date at all', () => {
    const withTime = `<html><body><time datetime="2025-01-20T01:30:00Z">Jan 20</time>${article}</body></html>`;
    expect(extractArticle(withTime, 'https://example.com/a').published).toBe('2025-01-20T01:30:00Z');
    expect(extractArticle(page(''), 'https://example.com/a').published).toBeNull();
  });

  it('ignores an unparseable date instead of inventing one', () => {
    expect(extractArticle(page('<meta property="article:published_time" content="yesterday-ish">'), 'https://example.com/a').published).toBeNull();
  });
});

describe('canonical links', () => {
  it.each([
    ['an absolute rel=canonical', '<link rel="canonical" href="https://www.cnbc.com/2025/01/20/deepseek.html">', 'https://www.cnbc.com/2025/01/20/deepseek.html'],
    ['a relative rel=canonical, resolved against the page', '<link rel="canonical" href="/2025/01/20/deepseek.html">', 'https://m.example.com/2025/01/20/deepseek.html'],
    ['og:url when there is no link', '<meta property="og:url" content="https://example.com/story">', 'https://example.com/story'],
    ['the page URL when neither exists', '', 'https://m.example.com/amp/story?utm_source=x'],
    ['the page URL when the canonical is not http(s)', '<link rel="canonical" href="javascript:void(0)">', 'https://m.example.com/amp/story?utm_source=x'],
  ])('uses %s', (_name, head, expected) => {
    const pageUrl = head.includes('/2025/') && !head.includes('https://') ? 'https://m.example.com/amp/story' : 'https://m.example.com/amp/story?utm_source=x';
    expect(extractArticle(page(head), pageUrl).canonicalUrl).toBe(expected);
  });

  it('picks the site rule by the canonical host when the page was fetched elsewhere', () => {
    const html = `<html><head><link rel="canonical" href="https://www.163.com/news/article/X.html"></head><body>
      <div class="sidebar">${'<p>热门推荐：一条很长的推荐新闻标题，用来干扰正文的选择，内容很多很多。</p>'.repeat(8)}</div>
      <div id="endText"><p>正文第一段，讲述人工智能公司发布新模型的消息，内容充分，而且足够长，可以作为文章。</p><p>正文第二段，继续介绍模型的价格与可用性，以及对行业的影响，同样足够长。</p><p>正文第三段，介绍公司的融资情况以及未来的计划，内容同样充实，也足够长。</p><p>正文第四段：专家评论与市场反应。</p></div></body></html>`;
    const result = extractArticle(html, 'https://cache.example.org/saved-page');
    expect(result.method).toBe('site-rule');
    expect(result.text.startsWith('正文第一段')).toBe(true);
    expect(result.text).not.toContain('热门推荐');
  });
});

describe('title', () => {
  it('decodes HTML entities that JSON-LD strings carry', () => {
    const head = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Chelsea pay &#163;71.6m &amp; more"}</script>';
    expect(extractArticle(page(head), 'https://example.com/a').title).toBe('Chelsea pay £71.6m & more');
  });
});

describe('language', () => {
  it('reads <html lang> and falls back to the text', () => {
    expect(extractArticle(page('', 'lang="en-US"'), 'https://example.com/a').language).toBe('en');
    const zh = `<html><body>${'<p>深度求索公司周一表示，其新模型使用国产芯片训练，运行成本低于竞争对手，引发关注。</p>'.repeat(4)}</body></html>`;
    expect(extractArticle(zh, 'https://example.com/a').language).toBe('zh');
  });
});
